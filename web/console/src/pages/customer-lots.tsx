import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { date, integer } from '../format';
import { ErrorBanner, Status } from '../ui';

/** The card's lots (GET /v1/cards/{number}/lots): each earning, what remains of it, its state and expiry. */
export function CardLots({ number }: { number: string }) {
  const { t } = useTranslation();
  const lots = useInfiniteQuery({
    queryKey: ['lots', number],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/v1/cards/{number}/lots', {
          params: { path: { number }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = lots.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <details>
      <summary>{t('customer.lots')}</summary>
      <ErrorBanner error={lots.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('customer.lotEarned')}</th>
            <th scope="col">{t('customer.points')}</th>
            <th scope="col">{t('customer.lotRemaining')}</th>
            <th scope="col">{t('customer.lotExpires')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.id}>
              <td>
                {date(l.earnedAt)} {l.receipt ? <small className="hint">{l.receipt}</small> : null}
              </td>
              <td className="num">{integer(l.amount)}</td>
              <td className="num">{integer(l.remaining)}</td>
              <td>{l.expiresAt ? date(l.expiresAt) : t('customer.lotNoExpiry')}</td>
              <td>
                <Status value={l.state} />
                {l.state === 'pending' && l.pendingUntil ? (
                  <small className="hint"> {t('customer.until', { date: date(l.pendingUntil) })}</small>
                ) : null}
              </td>
            </tr>
          ))}
          {lots.isSuccess && rows.length === 0 && (
            <tr>
              <td colSpan={5}>{t('common.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {lots.hasNextPage && (
        <button type="button" onClick={() => void lots.fetchNextPage()} disabled={lots.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </details>
  );
}
