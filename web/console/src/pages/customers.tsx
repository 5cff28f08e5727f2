import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Link } from '../router';
import { ErrorBanner, Field, Loading, Page } from '../ui';

/** The search waits for the typing to pause, and for 3 characters (the API's minimum). */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CustomersPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = q.length >= 3 ? q : undefined;
  const list = useInfiniteQuery({
    queryKey: ['customers', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/v1/customers', { params: { query: { q: search, cursor: pageParam, limit: 25 } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page title={t('customers.title')}>
      <Field label={t('customers.search')} hint={t('customers.searchHint')}>
        {(props) => (
          <input {...props} type="search" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        )}
      </Field>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('customers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customers.name')}</th>
                <th scope="col">{t('customers.number')}</th>
                <th scope="col">{t('customers.mobile')}</th>
                <th scope="col">{t('customers.email')}</th>
                <th scope="col">{t('customers.cards')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/customers/${c.id}`}>
                      {[c.firstName, c.lastName].filter(Boolean).join(' ') || c.id}
                    </Link>
                  </td>
                  <td>{c.number}</td>
                  <td>{c.mobile ?? '—'}</td>
                  <td>{c.email ?? '—'}</td>
                  <td>{c.cards.join(', ') || '—'}</td>
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
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </Page>
  );
}
