import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, ok } from '../api';
import { integer, money } from '../format';
import { ErrorBanner, Loading, Page } from '../ui';

const PERIODS = [7, 30, 90, 365] as const;

function periodOf(days: number): { from: string; to: string } {
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>
        {value}
        {hint && <small>{hint}</small>}
      </dd>
    </div>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const period = periodOf(days);
  const summary = useQuery({
    queryKey: ['reports', 'summary', period],
    queryFn: () => ok(api.GET('/v1/reports/summary', { params: { query: period } })),
  });
  const daily = useQuery({
    queryKey: ['reports', 'daily', period],
    queryFn: () => ok(api.GET('/v1/reports/daily', { params: { query: period } })),
  });
  const tiers = useQuery({
    queryKey: ['reports', 'tiers'],
    queryFn: () => ok(api.GET('/v1/reports/tiers')),
  });
  const s = summary.data;
  return (
    <Page
      title={t('dashboard.title')}
      actions={
        <label className="inline">
          {t('dashboard.period')}{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t('dashboard.lastDays', { count: d })}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <ErrorBanner error={summary.error ?? daily.error ?? tiers.error} />
      {!s ? (
        <Loading />
      ) : (
        <dl className="kpis">
          <Kpi
            label={t('dashboard.sales')}
            value={money(s.sales.amountMinor - s.sales.returnedMinor, s.currency)}
            hint={t('dashboard.salesCount', { count: s.sales.count })}
          />
          <Kpi label={t('dashboard.earned')} value={integer(s.points.earned)} />
          <Kpi label={t('dashboard.burnt')} value={integer(s.points.burnt)} />
          <Kpi
            label={t('dashboard.activeCustomers')}
            value={integer(s.customers.active)}
            hint={t('dashboard.ofCustomers', { count: s.customers.total })}
          />
          <Kpi
            label={t('dashboard.liability')}
            value={integer(s.liability.activePoints)}
            hint={t('dashboard.pending', { count: s.liability.pendingPoints })}
          />
          {s.liability.value.map((v) => (
            <Kpi
              key={v.currency}
              label={t('dashboard.liabilityMoney', { currency: v.currency })}
              value={money(v.amount, v.currency)}
              hint={t('dashboard.valuedPoints', { count: v.points })}
            />
          ))}
          {s.expiring.map((e) => (
            <Kpi key={e.days} label={t('dashboard.expiring', { count: e.days })} value={integer(e.points)} />
          ))}
        </dl>
      )}
      <div className="charts">
        <figure>
          <figcaption>{t('dashboard.salesChart')}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={(daily.data?.days ?? []).map((d) => ({ ...d, amount: d.amountMinor / 100 }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
              <YAxis />
              <Tooltip />
              <Legend />
              <Line
                type="monotone"
                dataKey="amount"
                name={t('dashboard.sales')}
                stroke="#1d4ed8"
                dot={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
        <figure>
          <figcaption>{t('dashboard.pointsChart')}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={daily.data?.days ?? []}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="earned" name={t('dashboard.earned')} fill="#15803d" />
              <Bar dataKey="burnt" name={t('dashboard.burnt')} fill="#b45309" />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        {(tiers.data?.programs ?? []).map((p) => (
          <figure key={p.id}>
            <figcaption>{t('dashboard.tiersOf', { name: p.name })}</figcaption>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart
                data={p.tiers.map((x) => ({
                  tier: x.index === 0 ? t('dashboard.noTier') : x.label || `#${x.index}`,
                  cards: x.cards,
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="tier" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="cards" name={t('dashboard.cards')} fill="#6d28d9" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        ))}
      </div>
    </Page>
  );
}
