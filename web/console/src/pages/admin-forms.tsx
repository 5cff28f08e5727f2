import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { ErrorBanner, Field, Status, Success } from '../ui';

const ROLES = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
  'client',
];
const headers = () => ({ 'Idempotency-Key': idempotencyKey() });

export function StoreForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ code: '', name: '', region: '' });
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/stores', {
          headers: headers(),
          body: { ...values, region: values.region || undefined },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stores'] }),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="store-form">
      <h3 id="store-form">{t('admin.newStore')}</h3>
      <div className="grid-2">
        {(['code', 'name', 'region'] as const).map((name) => (
          <Field key={name} label={t(`admin.${name}`)} error={error?.field(name)}>
            {(props) => (
              <input
                {...props}
                required={name !== 'region'}
                value={values[name]}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <ErrorBanner error={create.error} />
      {create.isSuccess && <Success>{t('common.saved')}</Success>}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('common.create')}
      </button>
    </form>
  );
}

export function UserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ login: '', email: '', password: '', role: 'director' });
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/users', {
          headers: headers(),
          body: { ...values, email: values.email || undefined } as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="user-form">
      <h3 id="user-form">{t('admin.newUser')}</h3>
      <div className="grid-2">
        <Field label={t('admin.login')} error={error?.field('login')}>
          {(props) => (
            <input
              {...props}
              required
              value={values.login}
              onChange={(e) => setValues({ ...values, login: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('customers.email')} error={error?.field('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              value={values.email}
              onChange={(e) => setValues({ ...values, email: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={error?.field('password')} hint={t('admin.passwordHint')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              required
              value={values.password}
              onChange={(e) => setValues({ ...values, password: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('admin.role')}>
          {(props) => (
            <select
              {...props}
              value={values.role}
              onChange={(e) => setValues({ ...values, role: e.target.value })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={create.error} />
      {create.isSuccess && <Success>{t('common.saved')}</Success>}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('common.create')}
      </button>
    </form>
  );
}

/** API clients: create (the secret is shown once), rotate the secret, deactivate or activate. */
export function ClientsTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => ok(api.GET('/v1/clients')) });
  const [name, setName] = useState('');
  const [role, setRole] = useState('cashier');
  const [secret, setSecret] = useState<{ clientId: string; secret: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['clients'] });
  const create = useMutation({
    mutationFn: () => ok(api.POST('/v1/clients', { headers: headers(), body: { name, role } as never })),
    onSuccess: async (c) => {
      setSecret({ clientId: c.clientId, secret: c.clientSecret });
      await refresh();
    },
  });
  const act = useMutation({
    mutationFn: async ({
      id,
      action,
    }: {
      id: string;
      action: 'rotate-secret' | 'deactivate' | 'activate';
    }) => {
      const options = { params: { path: { id } }, headers: headers() };
      if (action === 'rotate-secret') {
        const c = await ok(api.POST('/v1/clients/{id}/rotate-secret', options));
        setSecret({ clientId: c.clientId, secret: c.clientSecret });
        return;
      }
      setSecret(undefined);
      if (action === 'deactivate') await ok(api.POST('/v1/clients/{id}/deactivate', options));
      else await ok(api.POST('/v1/clients/{id}/activate', options));
    },
    onSuccess: refresh,
  });
  return (
    <>
      <ErrorBanner error={clients.error ?? act.error} />
      {secret && (
        <Success>
          {t('admin.secretOnce', { clientId: secret.clientId })} <code>{secret.secret}</code>
        </Success>
      )}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('admin.clients')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.clientId')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(clients.data?.data ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  <code>{c.clientId}</code>
                </td>
                <td>{c.name}</td>
                <td>{c.role}</td>
                <td>
                  <Status value={c.active ? 'active' : 'inactive'} />
                </td>
                <td className="actions">
                  <button type="button" onClick={() => act.mutate({ id: c.id, action: 'rotate-secret' })}>
                    {t('admin.rotate')}
                  </button>
                  <button
                    type="button"
                    onClick={() => act.mutate({ id: c.id, action: c.active ? 'deactivate' : 'activate' })}
                  >
                    {c.active ? t('admin.deactivate') : t('admin.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="card-panel form"
        aria-labelledby="client-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3 id="client-form">{t('admin.newClient')}</h3>
        <div className="grid-2">
          <Field label={t('admin.name')}>
            {(props) => <input {...props} required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('admin.role')}>
            {(props) => (
              <select {...props} value={role} onChange={(e) => setRole(e.target.value)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ErrorBanner error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('common.create')}
        </button>
      </form>
    </>
  );
}
