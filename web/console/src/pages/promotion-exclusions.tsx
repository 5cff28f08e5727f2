import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@tessera/sdk';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { date } from '../format';
import { ErrorBanner, Field, Success, Table } from '../ui';

type Promotion = ResponseOf<'/v1/promotions/{nro}', 'get'>;

/**
 * The date exclusions of a promotion: the dates on which it does not apply, per store ("*": every store).
 * Listed from the promotion, added and removed by POST /v1/promotions/{nro}/exclusions.
 */
export function PromotionExclusions({ promotion }: { promotion: Promotion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => ok(api.GET('/v1/stores')) });
  const [store, setStore] = useState('*');
  const [dates, setDates] = useState('');
  const change = useMutation({
    mutationFn: (input: { storeCode: string; dates: string[]; operation: 'add' | 'remove' }) =>
      ok(
        api.POST('/v1/promotions/{nro}/exclusions', {
          params: { path: { nro: promotion.nro } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: input,
        }),
      ),
    onSuccess: async (_, input) => {
      if (input.operation === 'add') setDates('');
      await queryClient.invalidateQueries({ queryKey: ['promotion', promotion.nro] });
    },
  });
  const error = change.error instanceof ApiError ? change.error : undefined;
  const datesError =
    error?.details.find((d) => d.field?.replace(/^\//, '').startsWith('dates'))?.message ??
    (error?.code === 'VALIDATION_FAILED' ? error.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({
      storeCode: store,
      dates: dates
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      operation: 'add',
    });
  };
  const storeLabel = (code: string) => (code === '*' ? t('exclusions.allStores') : code);
  const rows = [...promotion.exclusions].sort(
    (a, b) => a.date.localeCompare(b.date) || a.storeCode.localeCompare(b.storeCode),
  );
  return (
    <section className="card-panel" aria-labelledby="exclusions-title">
      <h2 id="exclusions-title">{t('exclusions.title')}</h2>
      <p className="muted">{t('exclusions.hint')}</p>
      <Table
        caption={t('exclusions.title')}
        head={[t('common.date'), t('exclusions.store'), t('common.actions')]}
        rows={rows.map((e) => [
          <time key="d" dateTime={e.date}>
            {date(`${e.date}T12:00:00Z`)} ({e.date})
          </time>,
          storeLabel(e.storeCode),
          <button
            key="r"
            type="button"
            aria-label={t('exclusions.remove', { date: e.date, store: storeLabel(e.storeCode) })}
            disabled={change.isPending}
            onClick={() => change.mutate({ storeCode: e.storeCode, dates: [e.date], operation: 'remove' })}
          >
            {t('common.remove')}
          </button>,
        ])}
      />
      <form className="form" onSubmit={submit} aria-label={t('exclusions.add')} noValidate>
        <div className="grid-2">
          <Field label={t('exclusions.store')} error={error?.field('storeCode')}>
            {(props) => (
              <select
                {...props}
                name="exclusion-store"
                value={store}
                onChange={(e) => setStore(e.target.value)}
              >
                <option value="*">{t('exclusions.allStores')}</option>
                {(stores.data?.data ?? []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('exclusions.dates')} error={datesError} hint={t('exclusions.datesHint')}>
            {(props) => (
              <input
                {...props}
                name="exclusion-dates"
                placeholder="2026-12-24, 2026-12-31"
                value={dates}
                onChange={(e) => setDates(e.target.value)}
              />
            )}
          </Field>
        </div>
        {!datesError && <ErrorBanner error={change.error} />}
        {change.isSuccess && (
          <Success>
            {change.variables.operation === 'add' ? t('exclusions.added') : t('exclusions.removed')}
          </Success>
        )}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('exclusions.add')}
        </button>
      </form>
    </section>
  );
}
