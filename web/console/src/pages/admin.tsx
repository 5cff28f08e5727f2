import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { dateTime } from '../format';
import { Link } from '../router';
import { ErrorBanner, Field, Loading, Page, Status, Table } from '../ui';
import { ClientsTab, StoreForm, UserForm } from './admin-forms';
import { Imports } from './admin-imports';

const TABS = ['stores', 'terminals', 'users', 'clients', 'log', 'imports'] as const;
type Tab = (typeof TABS)[number];

function Stores() {
  const { t } = useTranslation();
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => ok(api.GET('/v1/stores')) });
  return (
    <>
      <ErrorBanner error={stores.error} />
      <Table
        caption={t('admin.stores')}
        head={[t('admin.code'), t('admin.name'), t('admin.region'), t('admin.timeZone'), t('admin.currency')]}
        rows={(stores.data?.data ?? []).map((s) => [s.code, s.name, s.region ?? '—', s.timeZone, s.currency])}
      />
      <StoreForm />
    </>
  );
}

function Terminals() {
  const { t } = useTranslation();
  const terminals = useQuery({
    queryKey: ['terminals'],
    queryFn: () => ok(api.GET('/v1/terminals', { params: { query: {} } })),
  });
  return (
    <>
      <ErrorBanner error={terminals.error} />
      <Table
        caption={t('admin.terminals')}
        head={[t('admin.code'), t('admin.name'), t('admin.store')]}
        rows={(terminals.data?.data ?? []).map((x) => [x.code, x.name ?? '—', x.storeCode])}
      />
    </>
  );
}

function Users() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ['users'], queryFn: () => ok(api.GET('/v1/users')) });
  return (
    <>
      <ErrorBanner error={users.error} />
      <Table
        caption={t('admin.users')}
        head={[t('admin.login'), t('customers.email'), t('admin.role'), t('common.status')]}
        rows={(users.data?.data ?? []).map((u) => [
          u.login,
          u.email ?? '—',
          u.role,
          <Status key="s" value={u.active ? 'active' : 'inactive'} />,
        ])}
      />
      <UserForm />
    </>
  );
}

function Log() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'' | 'error' | 'full' | 'audit'>('');
  const log = useQuery({
    queryKey: ['integration-log', kind],
    queryFn: () =>
      ok(api.GET('/v1/integration-log', { params: { query: { limit: 50, ...(kind ? { kind } : {}) } } })),
  });
  return (
    <>
      <Field label={t('admin.kind')}>
        {(props) => (
          <select {...props} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="">{t('admin.allKinds')}</option>
            <option value="error">error</option>
            <option value="audit">audit</option>
            <option value="full">full</option>
          </select>
        )}
      </Field>
      <ErrorBanner error={log.error} />
      {log.isPending ? (
        <Loading />
      ) : (
        <Table
          caption={t('admin.log')}
          head={[t('common.date'), t('admin.kind'), t('admin.request'), t('common.status'), t('admin.error')]}
          rows={(log.data?.data ?? []).map((e) => [
            dateTime(e.createdAt),
            e.kind,
            <code key="r">
              {e.method} {e.url}
            </code>,
            e.status,
            e.errorCode ? `${e.errorCode}: ${e.errorMessage ?? ''}` : '—',
          ])}
        />
      )}
    </>
  );
}

export function AdminPage({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'stores';
  return (
    <Page title={t('nav.admin')}>
      <nav aria-label={t('nav.admin')}>
        <ul className="tabs">
          {TABS.map((name) => (
            <li key={name}>
              <Link to={`/admin/${name}`} className={name === current ? 'active' : undefined}>
                {t(`admin.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`admin.${current}`)}</h2>
      {current === 'stores' && <Stores />}
      {current === 'terminals' && <Terminals />}
      {current === 'users' && <Users />}
      {current === 'clients' && <ClientsTab />}
      {current === 'log' && <Log />}
      {current === 'imports' && <Imports />}
    </Page>
  );
}
