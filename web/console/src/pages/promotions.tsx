import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { Link } from '../router';
import { ErrorBanner, Field, Loading, Page, Status, Success, Table } from '../ui';

/** The promotions area's tabs: list, map versions, simulator. */
export function PromotionTabs({ current }: { current: 'list' | 'maps' | 'simulator' }) {
  const { t } = useTranslation();
  const tabs = [
    ['list', '/promotions', t('promotions.list')],
    ['maps', '/promotions/maps', t('promotions.maps')],
    ['simulator', '/promotions/simulator', t('promotions.simulator')],
  ] as const;
  return (
    <nav aria-label={t('nav.promotions')}>
      <ul className="tabs">
        {tabs.map(([key, to, label]) => (
          <li key={key}>
            <Link to={to} className={key === current ? 'active' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PromotionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'' | 'active' | 'inactive'>('');
  const list = useQuery({
    queryKey: ['promotions', status],
    queryFn: () =>
      ok(api.GET('/v1/promotions', { params: { query: { limit: 200, ...(status ? { status } : {}) } } })),
  });
  return (
    <Page title={t('nav.promotions')} actions={<Link to="/promotions/new">{t('promotions.new')}</Link>}>
      <PromotionTabs current="list" />
      <Field label={t('common.status')}>
        {(props) => (
          <select {...props} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">{t('promotions.allStatuses')}</option>
            <option value="active">active</option>
            <option value="inactive">inactive</option>
          </select>
        )}
      </Field>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <Table
          caption={t('promotions.list')}
          head={[
            t('promotions.code'),
            t('promotions.name'),
            t('promotions.benefits'),
            t('common.status'),
            t('promotions.updated'),
          ]}
          rows={(list.data?.data ?? []).map((p) => [
            <Link key="c" to={`/promotions/${p.nro}`}>
              {p.code}
            </Link>,
            p.name,
            ((p.definition as { benefits?: { kind: string }[] }).benefits ?? [])
              .map((b) => b.kind)
              .join(', '),
            <Status key="s" value={p.status} />,
            dateTime(p.updatedAt),
          ])}
        />
      )}
    </Page>
  );
}

/** Map versions: the immutable snapshots of promotions, which one is active, a new version, activation. */
export function PromotionMapsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const maps = useQuery({
    queryKey: ['promotion-maps'],
    queryFn: () => ok(api.GET('/v1/promotion-maps', { params: { query: { limit: 50 } } })),
  });
  const promotions = useQuery({
    queryKey: ['promotions', 'active'],
    queryFn: () => ok(api.GET('/v1/promotions', { params: { query: { limit: 200, status: 'active' } } })),
  });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [afterVoid, setAfterVoid] = useState('365');
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/promotion-maps', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            name,
            promotions: chosen,
            startDate: new Date(Date.now() - 86_400_000).toISOString(),
            validityAfterVoid: Number(afterVoid),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['promotion-maps'] }),
  });
  const activate = useMutation({
    mutationFn: (version: number) =>
      ok(
        api.POST('/v1/promotion-maps/{version}/activate', {
          params: { path: { version } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['promotion-maps'] }),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Page title={t('nav.promotions')}>
      <PromotionTabs current="maps" />
      <ErrorBanner error={maps.error ?? activate.error} />
      {activate.isSuccess && (
        <Success>{t('promotions.activated', { version: activate.data.version })}</Success>
      )}
      <Table
        caption={t('promotions.maps')}
        head={[
          t('promotions.version'),
          t('promotions.name'),
          t('promotions.list'),
          t('promotions.from'),
          t('common.status'),
          t('common.actions'),
        ]}
        rows={(maps.data?.data ?? []).map((m) => [
          m.version,
          m.name,
          m.promotions.map((p) => p.code).join(', ') || '—',
          dateTime(m.startDate),
          <Status key="s" value={m.active ? 'active' : 'inactive'} />,
          m.active ? (
            ''
          ) : (
            <button
              key="a"
              type="button"
              onClick={() => activate.mutate(m.version)}
              disabled={activate.isPending}
            >
              {t('promotions.activate', { version: m.version })}
            </button>
          ),
        ])}
      />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="new-map-title">
        <h2 id="new-map-title">{t('promotions.newMap')}</h2>
        <div className="grid-2">
          <Field label={t('promotions.name')} error={error?.field('name')}>
            {(props) => (
              <input
                {...props}
                name="map-name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('promotions.afterVoid')} error={error?.field('validityAfterVoid')}>
            {(props) => (
              <input
                {...props}
                name="map-after-void"
                inputMode="numeric"
                value={afterVoid}
                onChange={(e) => setAfterVoid(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t('promotions.inMap')}</legend>
          {(promotions.data?.data ?? []).map((p) => (
            <label key={p.nro} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(p.nro)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, p.nro] : chosen.filter((x) => x !== p.nro))
                }
              />
              {p.code} — {p.name}
            </label>
          ))}
        </fieldset>
        <ErrorBanner error={create.error} />
        {create.isSuccess && (
          <Success>{t('promotions.mapCreated', { version: create.data.version })}</Success>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('promotions.createMap')}
        </button>
      </form>
    </Page>
  );
}
