import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { LANGUAGES } from '../i18n';
import { ErrorBanner, Field, Status, Success, Table } from '../ui';
import { toMinor } from './simulator';
import { TEMPLATE_CHANNELS } from './templates';

const KINDS = ['birthday', 'points_expiring', 'welcome', 'tier_reached'] as const;
type Kind = (typeof KINDS)[number];
type Channel = (typeof TEMPLATE_CHANNELS)[number];
type Language = 'fr' | 'en' | 'pt' | 'es';
interface Draft {
  enabled: boolean;
  channel: Channel;
  template: string;
  language: Language | '';
  daysBefore: string;
  voucher: '' | 'amount' | 'percentage';
  value: string;
  validDays: string;
}
const emptyDraft = (): Draft => ({
  enabled: true,
  channel: 'email',
  template: '',
  language: '',
  daysBefore: '30',
  voucher: '',
  value: '',
  validDays: '30',
});

/** The automations (birthday, points expiring, welcome, tier reached): one per kind, set or deleted here. */
export function Automations() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['automations'], queryFn: () => ok(api.GET('/v1/automations')) });
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => ok(api.GET('/v1/templates')) });
  const [kind, setKind] = useState<Kind>('birthday');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const names = [
    ...new Set((templates.data?.data ?? []).filter((x) => x.channel === draft.channel).map((x) => x.name)),
  ];
  const template = names.includes(draft.template) ? draft.template : (names[0] ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['automations'] });
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PUT('/v1/automations/{kind}', {
          params: { path: { kind } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            enabled: draft.enabled,
            channel: draft.channel,
            template,
            language: draft.language || null,
            ...(kind === 'points_expiring' ? { daysBefore: Number(draft.daysBefore) } : {}),
            ...(kind === 'birthday' && draft.voucher
              ? {
                  voucher: {
                    kind: draft.voucher,
                    value: draft.voucher === 'amount' ? toMinor(draft.value) : Number(draft.value),
                    validDays: Number(draft.validDays),
                  },
                }
              : {}),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (k: Kind) =>
      ok(
        api.DELETE('/v1/automations/{kind}', {
          params: { path: { kind: k } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: refresh,
  });
  const byKind = new Map((list.data?.data ?? []).map((a) => [a.kind, a]));
  const edit = (k: Kind) => {
    const a = byKind.get(k);
    setKind(k);
    save.reset();
    if (!a) return setDraft(emptyDraft());
    setDraft({
      enabled: a.enabled,
      channel: a.channel as Channel,
      template: a.template,
      language: (a.language ?? '') as Language | '',
      daysBefore: String(a.daysBefore ?? 30),
      voucher: a.voucher?.kind ?? '',
      value: a.voucher ? String(a.voucher.kind === 'amount' ? a.voucher.value / 100 : a.voucher.value) : '',
      validDays: String(a.voucher?.validDays ?? 30),
    });
  };
  const error = save.error instanceof ApiError ? save.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const kindName = (k: string) => t(`automations.kinds.${k as Kind}`);
  return (
    <>
      <ErrorBanner error={list.error ?? remove.error} />
      <Table
        caption={t('automations.title')}
        head={[
          t('automations.kind'),
          t('common.status'),
          t('campaigns.channel'),
          t('campaigns.template'),
          t('automations.since'),
          t('common.actions'),
        ]}
        rows={KINDS.map((k) => {
          const a = byKind.get(k);
          return [
            kindName(k),
            a ? <Status key="s" value={a.enabled ? 'active' : 'inactive'} /> : t('automations.notSet'),
            a?.channel ?? '—',
            a ? `${a.template}${a.language ? ` (${a.language})` : ''}` : '—',
            dateTime(a?.since),
            <span key="a" className="actions">
              <button type="button" aria-label={`${t('common.edit')} ${kindName(k)}`} onClick={() => edit(k)}>
                {t('common.edit')}
              </button>
              {a && (
                <button
                  type="button"
                  aria-label={`${t('automations.delete')} ${kindName(k)}`}
                  onClick={() => remove.mutate(k)}
                >
                  {t('automations.delete')}
                </button>
              )}
            </span>,
          ];
        })}
      />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="automation-title" noValidate>
        <h2 id="automation-title">{kindName(kind)}</h2>
        <div className="grid-2">
          <Field label={t('automations.kind')}>
            {(props) => (
              <select {...props} value={kind} onChange={(e) => edit(e.target.value as Kind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindName(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={draft.enabled}
                onChange={(e) => set({ enabled: e.target.checked })}
              />{' '}
              {t('automations.enabled')}
            </label>
          </div>
          <Field label={t('campaigns.channel')} error={error?.field('channel')}>
            {(props) => (
              <select
                {...props}
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
          <Field
            label={t('campaigns.template')}
            error={error?.field('template') ?? (names.length === 0 ? t('campaigns.noTemplate') : undefined)}
          >
            {(props) => (
              <select {...props} value={template} onChange={(e) => set({ template: e.target.value })}>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('campaigns.language')}>
            {(props) => (
              <select
                {...props}
                value={draft.language}
                onChange={(e) => set({ language: e.target.value as Language | '' })}
              >
                <option value="">{t('campaigns.customerLanguage')}</option>
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind === 'points_expiring' && (
            <Field label={t('automations.daysBefore')} error={error?.field('daysBefore')}>
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={draft.daysBefore}
                  onChange={(e) => set({ daysBefore: e.target.value })}
                />
              )}
            </Field>
          )}
          {kind === 'birthday' && (
            <Field label={t('automations.voucher')}>
              {(props) => (
                <select
                  {...props}
                  value={draft.voucher}
                  onChange={(e) => set({ voucher: e.target.value as Draft['voucher'] })}
                >
                  <option value="">{t('automations.voucherNone')}</option>
                  <option value="amount">{t('automations.voucherAmount')}</option>
                  <option value="percentage">{t('automations.voucherPercentage')}</option>
                </select>
              )}
            </Field>
          )}
          {kind === 'birthday' && draft.voucher && (
            <>
              <Field label={t('automations.voucherValue')} error={error?.field('voucher/value')}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={draft.value}
                    onChange={(e) => set({ value: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('automations.validDays')} error={error?.field('voucher/validDays')}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="numeric"
                    value={draft.validDays}
                    onChange={(e) => set({ validDays: e.target.value })}
                  />
                )}
              </Field>
            </>
          )}
        </div>
        <ErrorBanner error={save.error} />
        {save.isSuccess && <Success>{t('automations.saved', { kind: kindName(kind) })}</Success>}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('automations.save')}
        </button>
      </form>
    </>
  );
}
