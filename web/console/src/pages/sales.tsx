import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime, integer, money } from '../format';
import { Link, useRouter } from '../router';
import { Dialog, ErrorBanner, Field, Loading, Page, Status, Success } from '../ui';
import { RecordSale } from './record-sale';

export function SalesPage() {
  const { t } = useTranslation();
  const { location, navigate } = useRouter();
  const cardNumber = location.query.get('card') ?? undefined;
  const [text, setText] = useState(cardNumber ?? '');
  const list = useInfiniteQuery({
    queryKey: ['sales', { cardNumber }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/v1/sales', { params: { query: { cardNumber, cursor: pageParam, limit: 25 } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page title={t('sales.title')}>
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(text.trim() ? `/sales?card=${encodeURIComponent(text.trim())}` : '/sales');
        }}
      >
        <Field label={t('sales.byCard')}>
          {(props) => (
            <input {...props} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <button type="submit">{t('common.filter')}</button>
      </form>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('sales.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sales.receipt')}</th>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('sales.total')}</th>
                <th scope="col">{t('sales.points')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/sales/${s.id}`}>{s.receipt}</Link>
                  </td>
                  <td>{dateTime(s.date)}</td>
                  <td className="num">{money(s.totalMinor)}</td>
                  <td className="num">
                    +{integer(s.earnedPoints)} / −{integer(s.redeemedPoints)}
                  </td>
                  <td>
                    <Status value={s.status} />
                  </td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('common.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()}>
          {t('common.more')}
        </button>
      )}
      <RecordSale />
    </Page>
  );
}

export function SalePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [amount, setAmount] = useState('');
  const [receipt, setReceipt] = useState('');
  const sale = useQuery({
    queryKey: ['sale', id],
    queryFn: () => ok(api.GET('/v1/sales/{id}', { params: { path: { id } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sale', id] });
  const headers = () => ({ 'Idempotency-Key': idempotencyKey() });
  const cancel = useMutation({
    mutationFn: () => ok(api.POST('/v1/sales/{id}/cancel', { params: { path: { id } }, headers: headers() })),
    onSuccess: async () => {
      setCancelling(false);
      await refresh();
    },
  });
  const giveBack = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/sales/{id}/returns', {
          params: { path: { id } },
          headers: headers(),
          body: { receipt, amount: Math.round(Number(amount.replace(',', '.')) * 100) } as never,
        }),
      ),
    onSuccess: refresh,
  });
  if (sale.isPending) return <Loading />;
  if (sale.error) return <ErrorBanner error={sale.error} />;
  const s = sale.data;
  const returnError = giveBack.error instanceof ApiError ? giveBack.error : undefined;
  const submitReturn = (event: FormEvent) => {
    event.preventDefault();
    giveBack.mutate();
  };
  return (
    <Page
      title={t('sales.sale', { receipt: s.receipt })}
      actions={
        s.status !== 'cancelled' && (
          <button type="button" className="danger" onClick={() => setCancelling(true)}>
            {t('sales.cancel')}
          </button>
        )
      }
    >
      <dl className="facts">
        <dt>{t('common.status')}</dt>
        <dd>
          <Status value={s.status} />
        </dd>
        <dt>{t('common.date')}</dt>
        <dd>{dateTime(s.date)}</dd>
        <dt>{t('sales.total')}</dt>
        <dd>{money(s.totalMinor)}</dd>
        <dt>{t('sales.returned')}</dt>
        <dd>{money(s.returnedMinor)}</dd>
        <dt>{t('sales.points')}</dt>
        <dd>
          {t('sales.pointsDetail', {
            earned: s.earnedPoints,
            redeemed: s.redeemedPoints,
            reversed: s.reversedPoints,
          })}
        </dd>
        <dt>{t('sales.customer')}</dt>
        <dd>{s.customerId ? <Link to={`/customers/${s.customerId}`}>{s.customerId}</Link> : '—'}</dd>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('sales.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('sales.operation')}</th>
              <th scope="col">{t('sales.item')}</th>
              <th scope="col">{t('sales.quantity')}</th>
              <th scope="col">{t('sales.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>{l.lineNo}</td>
                <td>{l.operation}</td>
                <td>{[l.itemCode, l.itemLabel].filter(Boolean).join(' ') || '—'}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{money(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {s.status !== 'cancelled' && (
        <form className="card-panel form" onSubmit={submitReturn} aria-labelledby="return-title">
          <h2 id="return-title">{t('sales.return')}</h2>
          <div className="grid-2">
            <Field label={t('sales.returnReceipt')} error={returnError?.field('receipt')}>
              {(props) => (
                <input {...props} required value={receipt} onChange={(e) => setReceipt(e.target.value)} />
              )}
            </Field>
            <Field label={t('sales.returnAmount')} error={returnError?.field('amount')}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  required
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
              )}
            </Field>
          </div>
          <ErrorBanner error={giveBack.error} />
          {giveBack.data && (
            <Success>{t('sales.returnDone', { count: giveBack.data.pointsReversed })}</Success>
          )}
          <button type="submit" className="primary" disabled={giveBack.isPending}>
            {t('sales.return')}
          </button>
        </form>
      )}
      <Dialog title={t('sales.cancelTitle')} open={cancelling} onClose={() => setCancelling(false)}>
        <p>{t('sales.cancelText', { receipt: s.receipt })}</p>
        <ErrorBanner error={cancel.error} />
        <div className="actions">
          <button type="button" onClick={() => setCancelling(false)}>
            {t('common.back')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {t('sales.cancelConfirm')}
          </button>
        </div>
      </Dialog>
    </Page>
  );
}
