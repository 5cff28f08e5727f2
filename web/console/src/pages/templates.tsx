import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { LANGUAGES } from '../i18n';
import { ErrorBanner, Field, Success, Table } from '../ui';

export const TEMPLATE_CHANNELS = ['email', 'sms', 'push'] as const;
type Channel = (typeof TEMPLATE_CHANNELS)[number];
type Language = 'fr' | 'en' | 'pt' | 'es';
interface Draft {
  name: string;
  channel: Channel;
  language: Language;
  subject: string;
  body: string;
  html: string;
}
const emptyDraft = (): Draft => ({
  name: '',
  channel: 'email',
  language: 'en',
  subject: '',
  body: '',
  html: '',
});
const VARIABLES = ['customer.firstName', 'balance.points', 'card.number', 'merchant.name', 'unsubscribeUrl'];

/** Message templates: the list, the editor (one name, channel and language) and a preview for a customer. */
export function Templates() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['templates'], queryFn: () => ok(api.GET('/v1/templates')) });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [saved, setSaved] = useState<Draft>();
  const [card, setCard] = useState('');
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const path = (d: Draft) => ({ name: d.name.trim(), channel: d.channel, language: d.language });
  const save = useMutation({
    mutationFn: (d: Draft) =>
      ok(
        api.PUT('/v1/templates/{name}/{channel}/{language}', {
          params: { path: path(d) },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            subject: d.channel === 'sms' || !d.subject.trim() ? null : d.subject,
            body: d.body,
            html: d.channel === 'email' && d.html.trim() ? d.html : null,
          },
        }),
      ),
    onSuccess: async (_, d) => {
      setSaved(d);
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
  });
  const remove = useMutation({
    mutationFn: (d: Draft) =>
      ok(
        api.DELETE('/v1/templates/{name}/{channel}/{language}', {
          params: { path: path(d) },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['templates'] }),
  });
  const preview = useMutation({
    mutationFn: (d: Draft) =>
      ok(
        api.POST('/v1/templates/{name}/{channel}/{language}/preview', {
          params: { path: path(d) },
          body: card.trim() ? { cardNumber: card.trim() } : {},
        }),
      ),
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    preview.reset();
    save.mutate(draft);
  };
  const edit = (d: Draft) => {
    setDraft(d);
    setSaved(d);
    save.reset();
    preview.reset();
    document.getElementById('template-title')?.scrollIntoView();
  };
  const p = preview.data;
  return (
    <>
      <ErrorBanner error={list.error ?? remove.error} />
      {remove.isSuccess && <Success>{t('templates.deleted')}</Success>}
      <Table
        caption={t('campaigns.templates')}
        head={[
          t('templates.name'),
          t('templates.channel'),
          t('templates.language'),
          t('templates.subject'),
          t('common.date'),
          t('common.actions'),
        ]}
        rows={(list.data?.data ?? []).map((tpl) => {
          const d: Draft = {
            name: tpl.name,
            channel: tpl.channel as Channel,
            language: tpl.language as Language,
            subject: tpl.subject ?? '',
            body: tpl.body,
            html: tpl.html ?? '',
          };
          const label = `${tpl.name} ${tpl.channel} ${tpl.language}`;
          return [
            tpl.name,
            tpl.channel,
            tpl.language,
            tpl.subject ?? '—',
            dateTime(tpl.updatedAt),
            <span key="a" className="actions">
              <button type="button" aria-label={`${t('common.edit')} ${label}`} onClick={() => edit(d)}>
                {t('common.edit')}
              </button>
              <button
                type="button"
                aria-label={`${t('templates.delete')} ${label}`}
                onClick={() => remove.mutate(d)}
              >
                {t('templates.delete')}
              </button>
            </span>,
          ];
        })}
      />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="template-title" noValidate>
        <h2 id="template-title">
          {saved
            ? t('templates.editing', { name: saved.name, channel: saved.channel, language: saved.language })
            : t('templates.new')}
        </h2>
        <div className="grid-2">
          <Field label={t('templates.name')} error={error?.field('name')} hint={t('templates.nameHint')}>
            {(props) => (
              <input
                {...props}
                name="template-name"
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('templates.channel')}>
            {(props) => (
              <select
                {...props}
                name="template-channel"
                value={draft.channel}
                onChange={(e) => set({ channel: e.target.value as Channel })}
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('templates.language')}>
            {(props) => (
              <select
                {...props}
                name="template-language"
                value={draft.language}
                onChange={(e) => set({ language: e.target.value as Language })}
              >
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.channel !== 'sms' && (
            <Field label={t('templates.subject')} error={error?.field('subject')}>
              {(props) => (
                <input
                  {...props}
                  name="template-subject"
                  value={draft.subject}
                  onChange={(e) => set({ subject: e.target.value })}
                />
              )}
            </Field>
          )}
        </div>
        <Field
          label={t('templates.body')}
          error={error?.field('body')}
          hint={`${t('templates.variables')}: ${VARIABLES.map((v) => `{{ ${v} }}`).join(', ')}…`}
        >
          {(props) => (
            <textarea
              {...props}
              name="template-body"
              rows={5}
              value={draft.body}
              onChange={(e) => set({ body: e.target.value })}
            />
          )}
        </Field>
        {draft.channel === 'email' && (
          <Field label={t('templates.html')} error={error?.field('html')}>
            {(props) => (
              <textarea
                {...props}
                name="template-html"
                rows={3}
                value={draft.html}
                onChange={(e) => set({ html: e.target.value })}
              />
            )}
          </Field>
        )}
        <ErrorBanner error={save.error} />
        {save.isSuccess && saved && <Success>{t('templates.saved', { name: saved.name })}</Success>}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('templates.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(emptyDraft());
              setSaved(undefined);
              save.reset();
              preview.reset();
            }}
          >
            {t('templates.new')}
          </button>
        </div>
      </form>
      {saved && (
        <section className="card-panel form" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('templates.previewTitle')}</h2>
          <Field label={t('templates.previewCard')} hint={t('templates.previewHint')}>
            {(props) => (
              <input {...props} inputMode="numeric" value={card} onChange={(e) => setCard(e.target.value)} />
            )}
          </Field>
          <button type="button" onClick={() => preview.mutate(saved)} disabled={preview.isPending}>
            {t('templates.preview')}
          </button>
          <ErrorBanner error={preview.error} />
          {p && (
            <figure className="preview" aria-label={t('templates.previewTitle')}>
              {p.subject && <p className="preview-subject">{p.subject}</p>}
              <pre className="preview-text">{p.text}</pre>
              {p.sms && <p className="muted">{t('templates.smsUnits', p.sms)}</p>}
            </figure>
          )}
        </section>
      )}
    </>
  );
}
