import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { ErrorBanner, Field, Status, Success, Table } from '../ui';

/** Webhook endpoints: list, register one (its signing secret is shown once), enable or disable. */
export function Webhooks() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['webhooks'], queryFn: () => ok(api.GET('/v1/webhooks')) });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/webhooks', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            url: url.trim(),
            events: events
              .split(',')
              .map((e) => e.trim())
              .filter(Boolean),
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      ok(
        api.PATCH('/v1/webhooks/{id}', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { enabled },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <ErrorBanner error={list.error ?? toggle.error} />
      <Table
        caption={t('messages.webhooks')}
        head={[
          t('webhooks.url'),
          t('webhooks.events'),
          t('common.status'),
          t('common.date'),
          t('common.actions'),
        ]}
        rows={(list.data?.data ?? []).map((w) => [
          <code key="u">{w.url}</code>,
          w.events.join(', '),
          <span key="s">
            <Status value={w.enabled ? 'active' : 'inactive'} />
            {w.disabledReason ? <small className="hint"> {w.disabledReason}</small> : null}
          </span>,
          dateTime(w.createdAt),
          <button key="t" type="button" onClick={() => toggle.mutate({ id: w.id, enabled: !w.enabled })}>
            {w.enabled ? t('webhooks.disable') : t('webhooks.enable')}
          </button>,
        ])}
      />
      <form className="card-panel form" onSubmit={submit} aria-labelledby="new-webhook-title" noValidate>
        <h2 id="new-webhook-title">{t('webhooks.new')}</h2>
        <div className="grid-2">
          <Field label={t('webhooks.url')} error={error?.field('url')}>
            {(props) => (
              <input
                {...props}
                name="url"
                type="url"
                required
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('webhooks.events')} error={error?.field('events')} hint={t('webhooks.eventsHint')}>
            {(props) => (
              <input {...props} name="events" value={events} onChange={(e) => setEvents(e.target.value)} />
            )}
          </Field>
          <Field label={t('webhooks.description')} error={error?.field('description')}>
            {(props) => (
              <input
                {...props}
                name="description"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorBanner error={create.error} />
        {create.data && (
          <Success>
            {t('webhooks.secretOnce')} <code>{create.data.secret}</code>
          </Success>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('webhooks.create')}
        </button>
      </form>
    </>
  );
}
