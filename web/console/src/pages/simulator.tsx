import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../api';
import { integer, money } from '../format';
import { ErrorBanner, Field, Page, Table } from '../ui';
import { PromotionTabs } from './promotions';

interface Line {
  sku: string;
  quantity: string;
  price: string;
  level1: string;
  brand: string;
}
const emptyLine = (): Line => ({ sku: '', quantity: '1', price: '', level1: '', brand: '' });
interface Payment {
  type: string;
  amount: string;
}

/** "12,50" or "12.50" → 1250 minor units (NaN when it is not an amount). */
export function toMinor(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : NaN;
}

const nowLocal = () => {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/**
 * The simulator: a basket typed in, evaluated against the active map by POST /v1/baskets/evaluate (nothing
 * is written); shows the discounts per line, what each applied promotion gave and why the others did not.
 */
export function SimulatorPage() {
  const { t } = useTranslation();
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => ok(api.GET('/v1/stores')) });
  const [store, setStore] = useState('');
  const [when, setWhen] = useState(nowLocal);
  const [card, setCard] = useState('');
  const [coupons, setCoupons] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [payments, setPayments] = useState<Payment[]>([]);
  const currency =
    stores.data?.data.find((s) => s.code === store)?.currency ?? stores.data?.data[0]?.currency;
  const evaluate = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/baskets/evaluate', {
          body: {
            storeCode: store || stores.data?.data[0]?.code || '',
            date: new Date(when).toISOString(),
            ...(card.trim() ? { cardNumber: card.trim() } : {}),
            ...(coupons.trim()
              ? {
                  coupons: coupons
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
                }
              : {}),
            lines: lines.map((l) => ({
              sku: l.sku.trim(),
              quantity: Number(l.quantity.replace(',', '.')),
              unitPrice: toMinor(l.price),
              ...(l.level1.trim() || l.brand.trim()
                ? {
                    attributes: {
                      ...(l.level1.trim() ? { level1: l.level1.trim() } : {}),
                      ...(l.brand.trim() ? { brand: l.brand.trim() } : {}),
                    },
                  }
                : {}),
            })),
            ...(payments.length
              ? { payments: payments.map((p) => ({ type: p.type.trim(), amount: toMinor(p.amount) })) }
              : {}),
          },
        }),
      ),
  });
  const error = evaluate.error instanceof ApiError ? evaluate.error : undefined;
  const lineError = (i: number, key: string) =>
    error?.field(`lines/${i}/${key}`) ?? error?.field(`lines.${i}.${key}`);
  const paymentError = (i: number, key: string) =>
    error?.field(`payments/${i}/${key}`) ?? error?.field(`payments.${i}.${key}`);
  const editPayment = (i: number, key: keyof Payment) => (e: { target: { value: string } }) =>
    setPayments(payments.map((p, j) => (j === i ? { ...p, [key]: e.target.value } : p)));
  const edit = (i: number, key: keyof Line) => (e: { target: { value: string } }) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, [key]: e.target.value } : l)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    evaluate.mutate();
  };
  const r = evaluate.data;
  const m = (minor: number) => money(minor, currency);
  return (
    <Page title={t('nav.promotions')}>
      <PromotionTabs current="simulator" />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="basket-title">
        <h2 id="basket-title">{t('simulator.basket')}</h2>
        <div className="grid-2">
          <Field label={t('simulator.store')} error={error?.field('storeCode')}>
            {(props) => (
              <select {...props} value={store} onChange={(e) => setStore(e.target.value)}>
                {(stores.data?.data ?? []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('simulator.date')} error={error?.field('date')}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('simulator.card')}
            error={error?.field('cardNumber')}
            hint={t('simulator.optional')}
          >
            {(props) => (
              <input {...props} inputMode="numeric" value={card} onChange={(e) => setCard(e.target.value)} />
            )}
          </Field>
          <Field
            label={t('simulator.coupons')}
            error={error?.field('coupons')}
            hint={t('promotions.commaHint')}
          >
            {(props) => <input {...props} value={coupons} onChange={(e) => setCoupons(e.target.value)} />}
          </Field>
        </div>
        {lines.map((l, i) => (
          <fieldset key={i} className="tier-row">
            <legend>{t('simulator.lineN', { n: i + 1 })}</legend>
            <Field label={t('simulator.sku')} error={lineError(i, 'sku')}>
              {(props) => <input {...props} name={`line-${i}-sku`} value={l.sku} onChange={edit(i, 'sku')} />}
            </Field>
            <Field label={t('simulator.quantity')} error={lineError(i, 'quantity')}>
              {(props) => (
                <input
                  {...props}
                  name={`line-${i}-quantity`}
                  inputMode="decimal"
                  value={l.quantity}
                  onChange={edit(i, 'quantity')}
                />
              )}
            </Field>
            <Field label={t('simulator.unitPrice')} error={lineError(i, 'unitPrice')}>
              {(props) => (
                <input
                  {...props}
                  name={`line-${i}-price`}
                  inputMode="decimal"
                  value={l.price}
                  onChange={edit(i, 'price')}
                />
              )}
            </Field>
            <Field label={t('simulator.level1')}>
              {(props) => (
                <input {...props} name={`line-${i}-level1`} value={l.level1} onChange={edit(i, 'level1')} />
              )}
            </Field>
            <Field label={t('simulator.brand')}>
              {(props) => (
                <input {...props} name={`line-${i}-brand`} value={l.brand} onChange={edit(i, 'brand')} />
              )}
            </Field>
            <button
              type="button"
              disabled={lines.length === 1}
              onClick={() => setLines(lines.filter((_, j) => j !== i))}
            >
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        {payments.map((p, i) => (
          <fieldset key={i} className="tier-row">
            <legend>{t('payments.n', { n: i + 1 })}</legend>
            <Field label={t('payments.type')} error={paymentError(i, 'type')}>
              {(props) => (
                <input
                  {...props}
                  name={`payment-${i}-type`}
                  value={p.type}
                  onChange={editPayment(i, 'type')}
                />
              )}
            </Field>
            <Field label={t('payments.amount')} error={paymentError(i, 'amount')}>
              {(props) => (
                <input
                  {...props}
                  name={`payment-${i}-amount`}
                  inputMode="decimal"
                  value={p.amount}
                  onChange={editPayment(i, 'amount')}
                />
              )}
            </Field>
            <button type="button" onClick={() => setPayments(payments.filter((_, j) => j !== i))}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setLines([...lines, emptyLine()])}>
            {t('simulator.addLine')}
          </button>
          <button type="button" onClick={() => setPayments([...payments, { type: '', amount: '' }])}>
            {t('payments.add')}
          </button>
          <button type="submit" className="primary" disabled={evaluate.isPending}>
            {t('simulator.evaluate')}
          </button>
        </div>
        <ErrorBanner error={evaluate.error} />
      </form>
      {r && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t('simulator.result')}</h2>
          <p role="status">
            {r.mapVersion === null
              ? t('simulator.noMap')
              : t('simulator.summary', {
                  version: r.mapVersion,
                  discount: m(r.totalDiscount),
                  points: integer(r.points),
                })}
          </p>
          <h3>{t('simulator.lines')}</h3>
          <Table
            caption={t('simulator.lines')}
            head={[
              t('simulator.sku'),
              t('simulator.quantity'),
              t('simulator.unitPrice'),
              t('simulator.discount'),
              t('simulator.total'),
            ]}
            rows={r.lines.map((l) => [l.sku, l.quantity, m(l.unitPrice), m(l.discount), m(l.total)])}
          />
          <h3>{t('simulator.applied')}</h3>
          <Table
            caption={t('simulator.applied')}
            head={[
              t('promotions.code'),
              t('promotions.name'),
              t('promotions.benefit'),
              t('simulator.discount'),
              t('simulator.points'),
              t('simulator.couponsIssued'),
              t('simulator.onLines'),
            ]}
            rows={r.promotions.map((p) => [
              p.code,
              p.name,
              p.benefit + (p.messages.length ? ` — ${p.messages.join(' · ')}` : ''),
              m(p.discount),
              integer(p.points),
              p.coupons.map((c) => `${c.quantity} × ${c.type}`).join(', ') || '—',
              p.lines.map((i) => i + 1).join(', ') || '—',
            ])}
          />
          <h3>{t('simulator.notApplied')}</h3>
          <Table
            caption={t('simulator.notApplied')}
            head={[t('promotions.code'), t('simulator.reason'), t('simulator.why')]}
            rows={r.notApplied.map((n) => [n.code, <code key="r">{n.reason}</code>, n.message])}
          />
          {r.couponsToIssue.length > 0 && (
            <p>
              {t('simulator.couponsToIssue')}:{' '}
              {r.couponsToIssue.map((c) => `${c.quantity} × ${c.type}`).join(', ')}
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
