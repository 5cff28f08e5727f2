import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { Link, useRouter } from '../router';
import { ErrorBanner, Field, Loading, Page, Status, Success } from '../ui';
import { emptyDraft, errorsByField, fromSource, toSource, type Draft } from './promotion-draft';
import { PromotionForm } from './promotion-form';
import { PromotionExclusions } from './promotion-exclusions';
import { PromotionLimits } from './promotion-limits';
import { PromotionTabs } from './promotions';

type Body = Record<string, unknown>;

/** Creates (no nro) or edits a promotion: the structured form, or its JSON for what the form does not edit. */
export function PromotionEditorPage({ nro }: { nro?: string | undefined }) {
  const { t } = useTranslation();
  const promotion = useQuery({
    queryKey: ['promotion', nro],
    enabled: nro !== undefined,
    queryFn: () => ok(api.GET('/v1/promotions/{nro}', { params: { path: { nro: nro! } } })),
  });
  if (nro && promotion.isPending) return <Loading />;
  if (nro && promotion.error) return <ErrorBanner error={promotion.error} />;
  const source = (promotion.data?.source ?? undefined) as Body | undefined;
  return (
    <Page
      title={nro ? t('promotions.editTitle', { code: promotion.data?.code }) : t('promotions.newTitle')}
      actions={<Link to="/promotions">{t('promotions.backToList')}</Link>}
    >
      <PromotionTabs current="list" />
      {promotion.data && (
        <p>
          <Status value={promotion.data.status} /> {t('promotions.revision', { n: promotion.data.revision })}
        </p>
      )}
      <Editor key={nro ?? 'new'} nro={nro} source={source} />
      {promotion.data && <PromotionLimits promotion={promotion.data} />}
      {promotion.data && <PromotionExclusions promotion={promotion.data} />}
    </Page>
  );
}

function Editor({ nro, source }: { nro?: string | undefined; source?: Body | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const initial = source ? fromSource(source) : emptyDraft();
  const [draft, setDraft] = useState<Draft>(initial ?? emptyDraft());
  const [mode, setMode] = useState<'form' | 'json'>(initial ? 'form' : 'json');
  const [json, setJson] = useState(() => JSON.stringify(source ?? toSource(draft), null, 2));
  const [jsonError, setJsonError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: Body) =>
      nro
        ? ok(
            api.PUT('/v1/promotions/{nro}', {
              params: { path: { nro } },
              headers: { 'Idempotency-Key': idempotencyKey() },
              body,
            }),
          )
        : ok(api.POST('/v1/promotions', { headers: { 'Idempotency-Key': idempotencyKey() }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['promotions'] });
      await queryClient.invalidateQueries({ queryKey: ['promotion', saved.nro] });
      if (!nro) navigate(`/promotions/${saved.nro}`);
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const errors = error ? errorsByField(error.details) : {};
  const switchTo = (next: 'form' | 'json') => {
    if (next === 'json') setJson(JSON.stringify(toSource(draft), null, 2));
    else {
      try {
        const back = fromSource(JSON.parse(json) as Body);
        if (!back) return setJsonError(t('promotions.notInForm'));
        setDraft(back);
      } catch (e) {
        return setJsonError((e as Error).message);
      }
    }
    setJsonError(undefined);
    setMode(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'form') return save.mutate(toSource(draft));
    try {
      save.mutate(JSON.parse(json) as Body);
      setJsonError(undefined);
    } catch (e) {
      setJsonError((e as Error).message);
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('promotions.editor')} noValidate>
      <div className="actions" role="group" aria-label={t('promotions.mode')}>
        <button type="button" aria-pressed={mode === 'form'} onClick={() => switchTo('form')}>
          {t('promotions.modeForm')}
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={() => switchTo('json')}>
          JSON
        </button>
      </div>
      {mode === 'form' ? (
        <PromotionForm draft={draft} onChange={setDraft} errors={errors} />
      ) : (
        <Field label={t('promotions.json')} error={jsonError ?? (error ? error.message : undefined)}>
          {(props) => (
            <textarea
              {...props}
              name="json"
              rows={20}
              spellCheck={false}
              value={json}
              onChange={(e) => setJson(e.target.value)}
            />
          )}
        </Field>
      )}
      {mode === 'form' && jsonError && <p className="field-error">{jsonError}</p>}
      <ErrorBanner error={save.error} />
      {save.isSuccess && nro && <Success>{t('promotions.saved')}</Success>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {nro ? t('promotions.save') : t('promotions.create')}
      </button>
    </form>
  );
}
