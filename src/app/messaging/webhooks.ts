/**
 * Webhook endpoints of a merchant: register (the signing secret is answered once), list, read, update,
 * delete; replay one event or a time range to an endpoint; its delivery log.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { follows, isWebhookEvent, WEBHOOK_EVENTS } from '../../core/messaging/webhook-events.js';
import type { WebhookEndpointTable } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import {
  deleteEndpoint,
  eventsToReplay,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
} from '../../db/repos/webhooks.repo.js';
import type { Selectable } from 'kysely';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { insertWebhookDelivery } from './enqueue.js';
import { listMessagePage, type MessageView } from './messages.js';
import { newWebhookSecret } from './webhook-signature.js';
import { checkWebhookUrl } from './webhook-url.js';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<WebhookEndpointTable>;

function view(row: Row): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    description: row.description,
    enabled: Boolean(Number(row.enabled)),
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkEvents(events: string[]): Result<string[]> {
  const unknown = events.filter((e) => e !== '*' && !isWebhookEvent(e));
  if (unknown.length > 0)
    return fail(
      'WEBHOOK_EVENT_UNKNOWN',
      `Unknown events: ${unknown.join(', ')}. Known: ${WEBHOOK_EVENTS.join(', ')}, or *.`,
    );
  return ok([...new Set(events)]);
}

function find(deps: Deps, merchantId: string, id: string) {
  return findEndpoint(deps.db, merchantId, id);
}

export async function createWebhook(
  deps: Deps,
  merchantId: string,
  input: { url: string; events: string[]; description?: string | undefined },
): Promise<Result<WebhookView & { secret: string }>> {
  const url = await checkWebhookUrl(input.url, deps.config.messaging.webhooksAllowPrivate);
  if (!url.ok) return url;
  const events = checkEvents(input.events);
  if (!events.ok) return events;
  const now = deps.now().toISOString();
  const row: Row = {
    id: newId('whk'),
    merchant_id: merchantId,
    url: url.value,
    events: JSON.stringify(events.value),
    secret: newWebhookSecret(),
    description: input.description ?? null,
    enabled: 1,
    disabled_reason: null,
    failing_since: null,
    created_at: now,
    updated_at: now,
  };
  await insertEndpoint(deps.db, row);
  return ok({ ...view(row), secret: row.secret });
}

export async function listWebhooks(deps: Deps, merchantId: string): Promise<WebhookView[]> {
  return (await listEndpoints(deps.db, merchantId)).map(view);
}

export async function getWebhook(deps: Deps, merchantId: string, id: string): Promise<Result<WebhookView>> {
  const row = await find(deps, merchantId, id);
  return row ? ok(view(row)) : fail('WEBHOOK_NOT_FOUND');
}

export async function updateWebhook(
  deps: Deps,
  merchantId: string,
  id: string,
  patch: { url?: string; events?: string[]; description?: string | null; enabled?: boolean },
): Promise<Result<WebhookView>> {
  const row = await find(deps, merchantId, id);
  if (!row) return fail('WEBHOOK_NOT_FOUND');
  const set: Partial<Row> = { updated_at: deps.now().toISOString() };
  if (patch.url !== undefined) {
    const url = await checkWebhookUrl(patch.url, deps.config.messaging.webhooksAllowPrivate);
    if (!url.ok) return url;
    set.url = url.value;
  }
  if (patch.events !== undefined) {
    const events = checkEvents(patch.events);
    if (!events.ok) return events;
    set.events = JSON.stringify(events.value);
  }
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.enabled !== undefined) {
    set.enabled = patch.enabled ? 1 : 0;
    set.disabled_reason = patch.enabled ? null : 'disabled by hand';
    if (patch.enabled) set.failing_since = null;
  }
  await updateEndpoint(deps.db, id, set);
  return getWebhook(deps, merchantId, id);
}

export async function deleteWebhook(deps: Deps, merchantId: string, id: string): Promise<Result<object>> {
  return (await deleteEndpoint(deps.db, merchantId, id)) ? ok({}) : fail('WEBHOOK_NOT_FOUND');
}

const REPLAY_LIMIT = 10_000;

/** Queues again one event, or every followed event of [from, to), for this endpoint. */
export async function replayWebhook(
  deps: Deps,
  merchantId: string,
  id: string,
  input: { eventId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Result<{ queued: number }>> {
  const endpoint = await find(deps, merchantId, id);
  if (!endpoint) return fail('WEBHOOK_NOT_FOUND');
  if ((input.eventId === undefined) === (input.from === undefined))
    return fail('VALIDATION_FAILED', 'Send either eventId, or from (and optionally to) for a time range.');
  let which: { eventId: string } | { from: string; to: string };
  if (input.eventId !== undefined) which = { eventId: input.eventId };
  else {
    const from = new Date(input.from!).toISOString();
    const to = input.to ? new Date(input.to).toISOString() : deps.now().toISOString();
    if (to <= from) return fail('VALIDATION_FAILED', 'to must be after from.');
    which = { from, to };
  }
  const events = await eventsToReplay(deps.db, merchantId, which, REPLAY_LIMIT + 1);
  if (input.eventId !== undefined && events.length === 0) return fail('WEBHOOK_EVENT_NOT_FOUND');
  if (events.length > REPLAY_LIMIT)
    return fail(
      'VALIDATION_FAILED',
      `The range holds more than ${REPLAY_LIMIT} events; replay a shorter range.`,
    );
  const followed = JSON.parse(endpoint.events) as string[];
  const chosen = input.eventId !== undefined ? events : events.filter((e) => follows(followed, e.type));
  const now = deps.now().toISOString();
  await inTransaction(deps.db, async (tx) => {
    for (const e of chosen)
      await insertWebhookDelivery(tx, now, {
        merchantId,
        endpointId: id,
        eventId: e.id,
        type: e.type,
        payload: e.payload,
        occurredAt: e.created_at,
      });
  });
  return ok({ queued: chosen.length });
}

export async function webhookDeliveries(
  deps: Deps,
  merchantId: string,
  id: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Result<{ data: MessageView[]; nextCursor: string | null }>> {
  if (!(await find(deps, merchantId, id))) return fail('WEBHOOK_NOT_FOUND');
  return listMessagePage(deps, merchantId, { ...query, channel: 'webhook', webhookId: id });
}
