import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@tessera/sdk';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { ErrorBanner, Field } from '../ui';

type Promotion = ResponseOf<'/v1/promotions/{nro}', 'get'>;
interface LimitRow {
  id: string;
  benefit: string;
  scope: string;
  storeCode: string | null;
  period: string;
  numberDays: number | null;
  type: string;
  max: number;
}

/** The limits of a promotion's benefits: list, add (scope, period, type, max), remove. */
export function PromotionLimits({ promotion }: { promotion: Promotion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const benefits = (
    (promotion.definition as { benefits?: { nro: string; kind: string }[] }).benefits ?? []
  ).map((b, i) => ({ nro: b.nro, label: `${i + 1}. ${b.kind}` }));
  const [values, setValues] = useState({
    benefit: benefits[0]?.nro ?? '',
    scope: 'customer',
    storeCode: '',
    period: 'undefined',
    numberDays: '',
    type: 'count',
    max: '1',
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['promotion', promotion.nro] });
  const add = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/limits', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            promotion: promotion.nro,
            ...(values.benefit ? { benefit: values.benefit } : {}),
            scope: values.scope as 'customer',
            ...(values.scope === 'store' && values.storeCode ? { storeCode: values.storeCode } : {}),
            period: values.period as 'days',
            ...(values.period === 'days' ? { numberDays: Number(values.numberDays) } : {}),
            type: values.type as 'count',
            max: Number(values.max),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      ok(
        api.DELETE('/v1/limits/{id}', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: refresh,
  });
  const error = add.error instanceof ApiError ? add.error : undefined;
  const change = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const select = (name: keyof typeof values, label: string, options: [string, string][]) => (
    <Field label={label} error={error?.field(name)}>
      {(props) => (
        <select {...props} name={`limit-${name}`} value={values[name]} onChange={change(name)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const limits = promotion.limits as unknown as LimitRow[];
  return (
    <section className="card-panel" aria-labelledby="limits-title">
      <h2 id="limits-title">{t('promotions.limits')}</h2>
      <ul className="plain">
        {limits.length === 0 && <li className="muted">{t('common.none')}</li>}
        {limits.map((l) => (
          <li key={l.id}>
            {t('promotions.limitLine', {
              max: l.max,
              type: t(`promotions.limitType.${l.type}`),
              scope: t(`promotions.scope.${l.scope}`),
              period:
                l.period === 'days'
                  ? t('promotions.everyDays', { count: l.numberDays ?? 0 })
                  : t('promotions.ever'),
            })}
            {l.storeCode ? ` (${l.storeCode})` : ''}{' '}
            <button type="button" onClick={() => remove.mutate(l.id)}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorBanner error={remove.error} />
      <form className="form" onSubmit={submit} aria-label={t('promotions.addLimit')}>
        <div className="grid-2">
          {select(
            'benefit',
            t('promotions.benefit'),
            benefits.map((b) => [b.nro, b.label]),
          )}
          {select('scope', t('promotions.limitScope'), [
            ['customer', t('promotions.scope.customer')],
            ['store', t('promotions.scope.store')],
            ['retailer', t('promotions.scope.retailer')],
          ])}
          {values.scope === 'store' && (
            <Field label={t('promotions.storeCode')} error={error?.field('storeCode')}>
              {(props) => (
                <input
                  {...props}
                  name="limit-storeCode"
                  value={values.storeCode}
                  onChange={change('storeCode')}
                />
              )}
            </Field>
          )}
          {select('period', t('promotions.limitPeriod'), [
            ['undefined', t('promotions.ever')],
            ['days', t('promotions.days')],
          ])}
          {values.period === 'days' && (
            <Field label={t('promotions.numberDays')} error={error?.field('numberDays')}>
              {(props) => (
                <input
                  {...props}
                  name="limit-numberDays"
                  inputMode="numeric"
                  value={values.numberDays}
                  onChange={change('numberDays')}
                />
              )}
            </Field>
          )}
          {select('type', t('promotions.limitKind'), [
            ['count', t('promotions.limitType.count')],
            ['quantity', t('promotions.limitType.quantity')],
            ['amount', t('promotions.limitType.amount')],
          ])}
          <Field label={t('promotions.max')} error={error?.field('max')}>
            {(props) => (
              <input
                {...props}
                name="limit-max"
                inputMode="numeric"
                value={values.max}
                onChange={change('max')}
              />
            )}
          </Field>
        </div>
        <ErrorBanner error={add.error} />
        <button type="submit" disabled={add.isPending || benefits.length === 0}>
          {t('promotions.addLimit')}
        </button>
      </form>
    </section>
  );
}
