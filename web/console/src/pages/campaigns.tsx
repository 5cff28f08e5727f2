import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime, integer } from '../format';
import { LANGUAGES } from '../i18n';
import { Link } from '../router';
import { ErrorBanner, Field, Page, Status, Success, Table } from '../ui';
import { Automations } from './automations';
import { TEMPLATE_CHANNELS, Templates } from './templates';

type Channel = (typeof TEMPLATE_CHANNELS)[number];
type Language = 'fr' | 'en' | 'pt' | 'es';
/** While a campaign is on its way (scheduled, launching, messages queued) its progress is read again. */
const busy = (c: { status: string; results: { queued: number } }) =>
  c.status === 'scheduled' || c.status === 'launching' || c.results.queued > 0;

function Campaigns() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => ok(api.GET('/v1/campaigns', { params: { query: { limit: 50 } } })),
    // progress changes behind the screen (job runner, retries from the outbox): read afresh on every visit
    refetchOnMount: 'always',
    refetchInterval: (query) => (query.state.data?.data.some(busy) ? 1_000 : false),
  });
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => ok(api.GET('/v1/templates')) });
  const segments = useQuery({ queryKey: ['segments'], queryFn: () => ok(api.GET('/v1/segments')) });
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState<Language | ''>('');
  const [segment, setSegment] = useState('');
  const [scheduleAt, setScheduleAt] = useState('');
  const [perMinute, setPerMinute] = useState('');
  const names = [
    ...new Set((templates.data?.data ?? []).filter((x) => x.channel === channel).map((x) => x.name)),
  ];
  const chosen = names.includes(template) ? template : (names[0] ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/campaigns', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            name: name.trim(),
            channel,
            template: chosen,
            language: language || null,
            audience: segment ? { segment } : {},
            scheduleAt: scheduleAt ? new Date(scheduleAt).toISOString() : null,
            perMinute: perMinute.trim() ? Number(perMinute) : null,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'launch' | 'cancel' }) => {
      const options = { params: { path: { id } }, headers: { 'Idempotency-Key': idempotencyKey() } };
      return action === 'launch'
        ? ok(api.POST('/v1/campaigns/{id}/launch', options))
        : ok(api.POST('/v1/campaigns/{id}/cancel', options));
    },
    onSuccess: refresh,
  });
  const dryRun = useMutation({
    mutationFn: (id: string) => ok(api.POST('/v1/campaigns/{id}/dry-run', { params: { path: { id } } })),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const counted = dryRun.data?.audience;
  const countedName = list.data?.data.find((c) => c.id === dryRun.variables)?.name;
  return (
    <>
      <ErrorBanner error={list.error ?? act.error ?? dryRun.error} />
      {counted !== undefined && (
        <Success>{t('campaigns.audienceCount', { name: countedName, n: integer(counted) })}</Success>
      )}
      <Table
        caption={t('campaigns.title')}
        head={[
          t('campaigns.name'),
          t('campaigns.channel'),
          t('campaigns.template'),
          t('common.status'),
          t('campaigns.progress'),
          t('common.actions'),
        ]}
        rows={(list.data?.data ?? []).map((c) => [
          c.name,
          c.channel,
          c.template,
          <span key="s">
            <Status value={c.status} />
            {c.status === 'scheduled' && c.scheduleAt ? (
              <small className="hint"> {t('campaigns.scheduledFor', { at: dateTime(c.scheduleAt) })}</small>
            ) : null}
          </span>,
          <span key="p">
            {t('campaigns.progressText', {
              enqueued: integer(c.enqueued),
              queued: integer(c.results.queued),
              sent: integer(c.results.sent),
              failed: integer(c.results.failed),
              unsubscribed: integer(c.results.unsubscribed),
            })}{' '}
            {c.enqueued > 0 && (
              <Link to={`/messages?source=${encodeURIComponent(`campaign:${c.id}`)}`}>
                {t('campaigns.messages')}
                <span className="sr-only"> {c.name}</span>
              </Link>
            )}
          </span>,
          c.status === 'draft' ? (
            <span key="a" className="actions">
              <button
                type="button"
                aria-label={`${t('campaigns.dryRun')} ${c.name}`}
                onClick={() => dryRun.mutate(c.id)}
              >
                {t('campaigns.dryRun')}
              </button>
              <button
                type="button"
                className="primary"
                aria-label={`${t('campaigns.send')} ${c.name}`}
                onClick={() => act.mutate({ id: c.id, action: 'launch' })}
              >
                {t('campaigns.send')}
              </button>
              <button
                type="button"
                aria-label={`${t('campaigns.cancel')} ${c.name}`}
                onClick={() => act.mutate({ id: c.id, action: 'cancel' })}
              >
                {t('campaigns.cancel')}
              </button>
            </span>
          ) : c.status === 'scheduled' ? (
            <button
              key="a"
              type="button"
              aria-label={`${t('campaigns.cancel')} ${c.name}`}
              onClick={() => act.mutate({ id: c.id, action: 'cancel' })}
            >
              {t('campaigns.cancel')}
            </button>
          ) : (
            ''
          ),
        ])}
      />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="new-campaign-title" noValidate>
        <h2 id="new-campaign-title">{t('campaigns.new')}</h2>
        <div className="grid-2">
          <Field label={t('campaigns.name')} error={error?.field('name')}>
            {(props) => (
              <input {...props} name="campaign-name" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label={t('campaigns.channel')}>
            {(props) => (
              <select
                {...props}
                name="campaign-channel"
                value={channel}
                onChange={(e) => setChannel(e.target.value as Channel)}
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('campaigns.template')}
            error={error?.field('template') ?? (names.length === 0 ? t('campaigns.noTemplate') : undefined)}
          >
            {(props) => (
              <select
                {...props}
                name="campaign-template"
                value={chosen}
                onChange={(e) => setTemplate(e.target.value)}
              >
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('campaigns.language')}>
            {(props) => (
              <select
                {...props}
                name="campaign-language"
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language | '')}
              >
                <option value="">{t('campaigns.customerLanguage')}</option>
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('campaigns.segment')} error={error?.field('audience/segment')}>
            {(props) => (
              <select
                {...props}
                name="campaign-segment"
                value={segment}
                onChange={(e) => setSegment(e.target.value)}
              >
                <option value="">{t('campaigns.everyone')}</option>
                {(segments.data?.data ?? []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {s.name} ({integer(s.members)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('campaigns.scheduleAt')}
            error={error?.field('scheduleAt')}
            hint={t('campaigns.scheduleHint')}
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                name="campaign-schedule"
                value={scheduleAt}
                onChange={(e) => setScheduleAt(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('campaigns.perMinute')}
            error={error?.field('perMinute')}
            hint={t('campaigns.perMinuteHint')}
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                name="campaign-per-minute"
                value={perMinute}
                onChange={(e) => setPerMinute(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorBanner error={create.error} />
        {create.isSuccess && <Success>{t('campaigns.created', { name: create.data.name })}</Success>}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('campaigns.create')}
        </button>
      </form>
    </>
  );
}

export function CampaignsPage({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  const current = tab === 'templates' || tab === 'automations' ? tab : 'campaigns';
  return (
    <Page title={t('nav.campaigns')}>
      <nav aria-label={t('nav.campaigns')}>
        <ul className="tabs">
          <li>
            <Link to="/campaigns" className={current === 'campaigns' ? 'active' : undefined}>
              {t('campaigns.title')}
            </Link>
          </li>
          <li>
            <Link to="/campaigns/templates" className={current === 'templates' ? 'active' : undefined}>
              {t('campaigns.templates')}
            </Link>
          </li>
          <li>
            <Link to="/campaigns/automations" className={current === 'automations' ? 'active' : undefined}>
              {t('automations.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {current === 'campaigns' ? <Campaigns /> : current === 'templates' ? <Templates /> : <Automations />}
    </Page>
  );
}
