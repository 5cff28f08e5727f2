import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { integer } from '../format';
import { ErrorBanner, Field, Success } from '../ui';

/** Records a sale by hand (a receipt the till could not send): one purchase line on a card. */
export function RecordSale() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => ok(api.GET('/v1/stores')) });
  const [values, setValues] = useState({ cardNumber: '', receipt: '', amount: '', storeCode: '' });
  const post = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/sales', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            receipt: values.receipt,
            date: new Date().toISOString(),
            storeCode: values.storeCode || stores.data?.data[0]?.code || '',
            cardNumber: values.cardNumber,
            lines: [
              {
                operation: 'purchase',
                amount: Math.round(Number(values.amount.replace(',', '.')) * 100),
                quantity: 1,
              },
            ],
          } as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sales'] }),
  });
  const error = post.error instanceof ApiError ? post.error : undefined;
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate();
  };
  const result = post.data as { pointsEarned?: number } | undefined;
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="record-title">
      <h2 id="record-title">{t('sales.record')}</h2>
      <div className="grid-2">
        <Field label={t('sales.card')} error={error?.field('cardNumber')}>
          {(props) => (
            <input
              {...props}
              name="cardNumber"
              inputMode="numeric"
              required
              value={values.cardNumber}
              onChange={set('cardNumber')}
            />
          )}
        </Field>
        <Field label={t('sales.receipt')} error={error?.field('receipt')}>
          {(props) => (
            <input {...props} name="receipt" required value={values.receipt} onChange={set('receipt')} />
          )}
        </Field>
        <Field label={t('sales.amount')} error={error?.field('lines.0.amount')}>
          {(props) => (
            <input
              {...props}
              name="amount"
              inputMode="decimal"
              required
              value={values.amount}
              onChange={set('amount')}
            />
          )}
        </Field>
        <Field label={t('sales.store')}>
          {(props) => (
            <select {...props} name="storeCode" value={values.storeCode} onChange={set('storeCode')}>
              {(stores.data?.data ?? []).map((s) => (
                <option key={s.id} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={post.error} />
      {result && (
        <Success>
          {t('sales.recorded', {
            count: result.pointsEarned ?? 0,
            points: integer(result.pointsEarned ?? 0),
          })}
        </Success>
      )}
      <button type="submit" className="primary" disabled={post.isPending}>
        {t('sales.recordSubmit')}
      </button>
    </form>
  );
}
