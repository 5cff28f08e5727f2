import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { money } from '../format';
import { Link } from '../router';
import { ErrorBanner, Loading, Page, Status } from '../ui';
import { ProgramSettings } from './program-settings';
import { TierEditor } from './tier-editor';

function ProgramView({ id }: { id: string }) {
  const { t } = useTranslation();
  const program = useQuery({
    queryKey: ['program', id],
    queryFn: () => ok(api.GET('/v1/programs/{id}', { params: { path: { id } } })),
  });
  if (program.isPending) return <Loading />;
  if (program.error) return <ErrorBanner error={program.error} />;
  const p = program.data;
  return (
    <section aria-labelledby="program-title">
      <h2 id="program-title">
        {p.name} ({p.code}) <Status value={p.active ? 'active' : 'inactive'} />
      </h2>
      <dl className="facts">
        <dt>{t('programs.cardType')}</dt>
        <dd>
          {p.cardType} · {p.cardCategory}
        </dd>
        <dt>{t('programs.numberFormat')}</dt>
        <dd>
          {p.numberFormat.prefix}… ({p.numberFormat.length}, {p.numberFormat.checkDigit})
        </dd>
        <dt>{t('programs.expiry')}</dt>
        <dd>
          <code>{JSON.stringify(p.expiry)}</code>
        </dd>
        <dt>{t('programs.pendingDays')}</dt>
        <dd>{p.pendingDays}</dd>
        <dt>{t('programs.rules')}</dt>
        <dd>
          <ul className="plain">
            {p.rules.map((r) => (
              <li key={String(r.id)}>
                <code>{String(r.kind)}</code>{' '}
                {'rate' in r && r.rate && typeof r.rate === 'object'
                  ? t('programs.rate', {
                      points: (r.rate as { points: number }).points,
                      per: money((r.rate as { per: number }).per, p.currency),
                    })
                  : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <ProgramSettings key={`settings-${p.id}`} program={p} />
      <TierEditor key={p.id} program={p} />
    </section>
  );
}

export function ProgramsPage({ id }: { id?: string | undefined }) {
  const { t } = useTranslation();
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: () => ok(api.GET('/v1/programs', { params: { query: { limit: 200 } } })),
  });
  return (
    <Page title={t('programs.title')}>
      <ErrorBanner error={programs.error} />
      <nav aria-label={t('programs.title')}>
        <ul className="tabs">
          {(programs.data?.data ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/programs/${p.id}`} className={p.id === id ? 'active' : undefined}>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {id ? <ProgramView id={id} /> : <p className="muted">{t('programs.pick')}</p>}
    </Page>
  );
}
