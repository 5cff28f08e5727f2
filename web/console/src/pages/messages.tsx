import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { Link, useRouter } from '../router';
import { ErrorBanner, Field, Loading, Page, Status, Success, Table } from '../ui';
import { Webhooks } from './webhooks';

const STATUSES = ['', 'pending', 'sent', 'dead', 'suppressed'] as const;
const CHANNELS = ['', 'email', 'sms', 'push', 'webhook'] as const;

/** The outbox: messages and webhook deliveries with their state and attempts; a dead letter can be retried. */
function Outbox() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('');
  // ?source=campaign:<id> (a campaign's messages, linked from the campaigns screen)
  const source = useRouter().location.query.get('source') ?? '';
  const list = useQuery({
    queryKey: ['messages', status, channel, source],
    // pending messages leave with the job runner: their state is read again while any is waiting
    refetchInterval: (query) => (query.state.data?.data.some((m) => m.status === 'pending') ? 2_000 : false),
    queryFn: () =>
      ok(
        api.GET('/v1/messages', {
          params: {
            query: {
              limit: 50,
              ...(status ? { status } : {}),
              ...(channel ? { channel } : {}),
              ...(source ? { source } : {}),
            },
          },
        }),
      ),
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      ok(
        api.POST('/v1/messages/{id}/retry', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
  return (
    <>
      <div className="grid-2">
        <Field label={t('common.status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s || t('messages.all')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('messages.channel')}>
          {(props) => (
            <select {...props} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
              {CHANNELS.map((s) => (
                <option key={s} value={s}>
                  {s || t('messages.all')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {source && (
        <p>
          {t('messages.source')}: <code>{source}</code> <Link to="/messages">{t('messages.all')}</Link>
        </p>
      )}
      <ErrorBanner error={list.error ?? retry.error} />
      {retry.isSuccess && <Success>{t('messages.retried')}</Success>}
      {list.isPending ? (
        <Loading />
      ) : (
        <Table
          caption={t('messages.title')}
          head={[
            t('common.date'),
            t('messages.channel'),
            t('messages.subject'),
            t('messages.source'),
            t('common.status'),
            t('messages.attempts'),
            t('common.actions'),
          ]}
          rows={(list.data?.data ?? []).map((m) => [
            dateTime(m.createdAt),
            m.channel,
            m.subject ?? m.template ?? m.body.slice(0, 60),
            m.source,
            <span key="s">
              <Status value={m.status} />
              {m.waitingBecause ? <small className="hint"> {m.waitingBecause}</small> : null}
              {m.lastError ? <small className="hint"> {m.lastError}</small> : null}
            </span>,
            m.attempts,
            m.status === 'dead' ? (
              <button key="r" type="button" onClick={() => retry.mutate(m.id)} disabled={retry.isPending}>
                {t('messages.retry')}
              </button>
            ) : (
              ''
            ),
          ])}
        />
      )}
    </>
  );
}

export function MessagesPage({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  const current = tab === 'webhooks' ? 'webhooks' : 'outbox';
  return (
    <Page title={t('nav.messages')}>
      <nav aria-label={t('nav.messages')}>
        <ul className="tabs">
          <li>
            <Link to="/messages" className={current === 'outbox' ? 'active' : undefined}>
              {t('messages.title')}
            </Link>
          </li>
          <li>
            <Link to="/messages/webhooks" className={current === 'webhooks' ? 'active' : undefined}>
              {t('messages.webhooks')}
            </Link>
          </li>
        </ul>
      </nav>
      {current === 'outbox' ? <Outbox /> : <Webhooks />}
    </Page>
  );
}
