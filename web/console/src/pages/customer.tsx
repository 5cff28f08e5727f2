import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Customer } from '../api';
import { date, dateTime, integer, money } from '../format';
import { Link, useRouter } from '../router';
import { Dialog, ErrorBanner, Loading, Page, Status } from '../ui';
import { CustomerForm } from './customer-form';
import { CardLots } from './customer-lots';

function CardSales({ number }: { number: string }) {
  const { t } = useTranslation();
  const sales = useQuery({
    queryKey: ['sales', { cardNumber: number }],
    queryFn: () => ok(api.GET('/v1/sales', { params: { query: { cardNumber: number, limit: 20 } } })),
  });
  const vouchers = useQuery({
    queryKey: ['vouchers', { cardNumber: number }],
    queryFn: () => ok(api.GET('/v1/vouchers', { params: { query: { cardNumber: number, limit: 20 } } })),
  });
  return (
    <>
      <h4>{t('customer.sales')}</h4>
      <ErrorBanner error={sales.error} />
      <ul className="plain">
        {(sales.data?.data ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/sales/${s.id}`}>{s.receipt}</Link> · {dateTime(s.date)} · {money(s.totalMinor)} ·{' '}
            <Status value={s.status} /> · {t('customer.pointsEarned', { count: s.earnedPoints })}
            {s.returnedMinor > 0 && <> · {t('customer.returned', { amount: money(s.returnedMinor) })}</>}
          </li>
        ))}
        {sales.data?.data.length === 0 && <li>{t('common.none')}</li>}
      </ul>
      <h4>{t('customer.vouchers')}</h4>
      <ul className="plain">
        {(vouchers.data?.data ?? []).map((v) => (
          <li key={v.id}>
            {v.number} · {v.label ?? v.kind} · {v.kind === 'amount' ? money(v.remaining) : v.remaining} ·{' '}
            <Status value={v.status} />{' '}
            {v.validUntil && <>· {t('customer.until', { date: date(v.validUntil) })}</>}
          </li>
        ))}
        {vouchers.data?.data.length === 0 && <li>{t('common.none')}</li>}
      </ul>
    </>
  );
}

function Statement({ number }: { number: string }) {
  const { t } = useTranslation();
  const statement = useQuery({
    queryKey: ['statement', number],
    queryFn: () =>
      ok(api.GET('/v1/cards/{number}/statement', { params: { path: { number }, query: { limit: 10 } } })),
  });
  return (
    <details>
      <summary>{t('customer.statement')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('customer.movement')}</th>
            <th scope="col">{t('customer.points')}</th>
            <th scope="col">{t('customer.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {(statement.data?.data ?? []).map((m) => (
            <tr key={m.id}>
              <td>{dateTime(m.date)}</td>
              <td>{m.kind}</td>
              <td className="num">{integer(m.points)}</td>
              <td>{m.receipt ?? m.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Identity({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const a = customer.address;
  return (
    <dl className="facts">
      <dt>{t('customers.number')}</dt>
      <dd>{customer.number}</dd>
      <dt>{t('customers.mobile')}</dt>
      <dd>{customer.mobile ?? '—'}</dd>
      <dt>{t('customers.email')}</dt>
      <dd>{customer.email ?? '—'}</dd>
      <dt>{t('customer.birth')}</dt>
      <dd>{[customer.birthDay, customer.birthMonth, customer.birthYear].filter(Boolean).join('/') || '—'}</dd>
      <dt>{t('customer.address')}</dt>
      <dd>{a ? [a.line1, a.line3, a.zipCode, a.city, a.country].filter(Boolean).join(', ') || '—' : '—'}</dd>
      <dt>{t('customer.consents')}</dt>
      <dd>
        {(['email', 'sms', 'push'] as const)
          .map((c) => `${c}: ${customer.consents[c] ? t('common.yes') : t('common.no')}`)
          .join(' · ')}
      </dd>
      <dt>{t('customer.since')}</dt>
      <dd>{date(customer.createdAt)}</dd>
    </dl>
  );
}

export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const customer = useQuery({
    queryKey: ['customer', id],
    queryFn: () => ok(api.GET('/v1/customers/{id}', { params: { path: { id } } })),
  });
  const balance = useQuery({
    queryKey: ['customer-balance', id],
    queryFn: () => ok(api.GET('/v1/customers/{id}/balance', { params: { path: { id } } })),
  });
  const erase = useMutation({
    mutationFn: () => ok(api.DELETE('/v1/customers/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      navigate('/customers');
    },
  });
  if (customer.isPending) return <Loading />;
  if (customer.error) return <ErrorBanner error={customer.error} />;
  const c = customer.data;
  const name = [c.civility, c.firstName, c.lastName].filter(Boolean).join(' ');
  return (
    <Page
      title={name || c.id}
      actions={
        <div className="actions">
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {t('common.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setErasing(true)}>
            {t('customer.erase')}
          </button>
        </div>
      }
    >
      {editing && <CustomerForm customer={c} onDone={() => setEditing(false)} />}
      <div className="grid-2">
        <section aria-labelledby="identity">
          <h2 id="identity">{t('customer.identity')}</h2>
          <Identity customer={c} />
        </section>
        <section aria-labelledby="cards">
          <h2 id="cards">{t('customer.cardsAndBalance')}</h2>
          <ErrorBanner error={balance.error} />
          {(balance.data?.cards ?? []).map((b) => (
            <article key={b.cardNumber} className="card-panel">
              <h3>
                <Link to={`/cards/${b.cardNumber}`}>{b.cardNumber}</Link> <Status value={b.cardStatus} />
              </h3>
              <dl className="facts">
                <dt>{t('customer.active')}</dt>
                <dd>{integer(b.active)}</dd>
                <dt>{t('customer.pending')}</dt>
                <dd>{integer(b.pending)}</dd>
                <dt>{t('customer.frozen')}</dt>
                <dd>{integer(b.frozen)}</dd>
                <dt>{t('customer.nearestExpiry')}</dt>
                <dd>
                  {b.nearestExpiry
                    ? t('customer.expiresOn', {
                        count: b.nearestExpiry.amount,
                        date: date(b.nearestExpiry.date),
                      })
                    : '—'}
                </dd>
                <dt>{t('customer.purchases')}</dt>
                <dd>
                  {money(b.purchases.cumulative.amount)} ({b.purchases.cumulative.count})
                </dd>
                <dt>{t('customer.tier')}</dt>
                <dd>{b.tier?.current ?? '—'}</dd>
              </dl>
              <CardLots number={b.cardNumber} />
              <Statement number={b.cardNumber} />
              <CardSales number={b.cardNumber} />
            </article>
          ))}
          {balance.data?.cards.length === 0 && <p>{t('customer.noCard')}</p>}
        </section>
      </div>
      <Dialog title={t('customer.eraseTitle')} open={erasing} onClose={() => setErasing(false)}>
        <p>{t('customer.eraseText', { name })}</p>
        <ErrorBanner error={erase.error} />
        <div className="actions">
          <button type="button" onClick={() => setErasing(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => erase.mutate()} disabled={erase.isPending}>
            {t('customer.eraseConfirm')}
          </button>
        </div>
      </Dialog>
    </Page>
  );
}
