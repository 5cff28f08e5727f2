import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { dateTime } from '../format';
import { ErrorBanner, Loading, Status, Table } from '../ui';

/** The imports monitor: each import (file uploads, dialect batches) with its state, counts and first errors. */
export function Imports() {
  const { t } = useTranslation();
  const imports = useQuery({
    queryKey: ['imports'],
    queryFn: () => ok(api.GET('/v1/imports', { params: { query: { limit: 100 } } })),
    refetchInterval: 10_000,
  });
  if (imports.isPending) return <Loading />;
  return (
    <>
      <ErrorBanner error={imports.error} />
      <Table
        caption={t('admin.imports')}
        head={[
          t('admin.received'),
          t('admin.kind'),
          t('admin.file'),
          t('common.status'),
          t('admin.counts'),
          t('admin.errors'),
        ]}
        rows={(imports.data?.data ?? []).map((i) => [
          dateTime(i.receivedAt),
          i.kind,
          i.fileName ?? '—',
          <Status key="s" value={i.status} />,
          Object.entries(i.counts)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') || '—',
          i.errorCount === 0 ? (
            '0'
          ) : (
            <details key="e">
              <summary>{i.errorCount}</summary>
              <ul className="plain">
                {i.errors.slice(0, 20).map((e, n) => (
                  <li key={n}>
                    <code>{e.code}</code> {e.location}: {e.message}
                  </li>
                ))}
              </ul>
            </details>
          ),
        ])}
      />
    </>
  );
}
