/** Webhook endpoints and the events they follow (0013). */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { WebhookEventType } from '../../core/messaging/webhook-events.js';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { WebhookEndpointTable, WebhookEventTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type EndpointRow = Selectable<WebhookEndpointTable>;
export type EventRow = Selectable<WebhookEventTable>;

// Every sale records its events: both statements are hot (compiled once).
const insertEventHot = hotQuery(
  (db, id: string, merchantId: string, type: WebhookEventType, payload: string, createdAt: string) =>
    db
      .insertInto('webhook_events')
      .values({ id, merchant_id: merchantId, type, payload, created_at: createdAt }),
  { deferOnPostgres: {} },
);
const enabledEndpointsHot = hotQuery((db, merchantId: string, enabled: number) =>
  db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('merchant_id', '=', merchantId)
    .where('enabled', '=', enabled),
);

export async function insertWebhookEvent(
  tx: Tx,
  row: Pick<Insertable<WebhookEventTable>, 'id' | 'merchant_id' | 'type' | 'payload' | 'created_at'>,
): Promise<void> {
  await insertEventHot(tx, row.id, row.merchant_id, row.type, row.payload, row.created_at);
}

/** The merchant's enabled endpoints (in the transaction that records an event). */
export async function enabledEndpoints(tx: Tx, merchantId: string) {
  return (await enabledEndpointsHot(tx, merchantId, 1)).rows;
}

export function findEndpoint(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertEndpoint(db: Kysely<DB>, row: Insertable<WebhookEndpointTable>): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export function listEndpoints(db: Kysely<DB>, merchantId: string): Promise<EndpointRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('id')
    .execute();
}

export async function updateEndpoint(
  db: Kysely<DB>,
  id: string,
  set: Updateable<WebhookEndpointTable>,
  onlyIf?: { notFailing: true },
): Promise<void> {
  let q = db.updateTable('webhook_endpoints').set(set).where('id', '=', id);
  if (onlyIf?.notFailing) q = q.where('failing_since', 'is', null);
  await q.execute();
}

export async function deleteEndpoint(db: Kysely<DB>, merchantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One event, or the events of [from, to), oldest first, at most `limit`. */
export function eventsToReplay(
  db: Kysely<DB>,
  merchantId: string,
  which: { eventId: string } | { from: string; to: string },
  limit: number,
): Promise<EventRow[]> {
  let q = db.selectFrom('webhook_events').selectAll().where('merchant_id', '=', merchantId);
  q =
    'eventId' in which
      ? q.where('id', '=', which.eventId)
      : q.where('created_at', '>=', which.from).where('created_at', '<', which.to);
  return q.orderBy('created_at').orderBy('id').limit(limit).execute();
}
