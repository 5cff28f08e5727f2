/**
 * Deletions of the retention job for the tables of messaging, webhooks, imports, coupons and loyalty elements
 * (issue 10, item 4). Each deletes only what nothing live depends on; the reasons are next to each function.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

const FINISHED_MESSAGES = ['sent', 'dead', 'suppressed'] as const;

/**
 * Outbox messages that are finished (sent, dead letter, suppressed: never pending, so never delivered again)
 * and older than `before`, with their delivery attempts. `webhooks`: the webhook deliveries (channel webhook),
 * else every other channel. Answers how many messages went.
 */
export async function deleteFinishedMessagesBefore(
  db: Kysely<DB>,
  before: string,
  webhooks: boolean,
): Promise<number> {
  const old = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', 'in', [...FINISHED_MESSAGES])
    .where('created_at', '<', before)
    .where('channel', webhooks ? '=' : '<>', 'webhook');
  await db.deleteFrom('message_attempts').where('message_id', 'in', old).execute();
  const done = await db
    .deleteFrom('outbox_messages')
    .where('status', 'in', [...FINISHED_MESSAGES])
    .where('created_at', '<', before)
    .where('channel', webhooks ? '=' : '<>', 'webhook')
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}

/** Webhook events older than `before` that no pending delivery still needs (a replay of them is refused then). */
export async function deleteWebhookEventsBefore(db: Kysely<DB>, before: string): Promise<number> {
  const done = await db
    .deleteFrom('webhook_events')
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox_messages as m')
            .select('m.id')
            .whereRef('m.event_id', '=', 'webhook_events.id')
            .where('m.status', '=', 'pending'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}

/**
 * Finished imports (not queued or running, not holding an import lock) received before `before`, with their
 * per-item errors (stored on the import row) and the content an asynchronous import received (PROMO's
 * import_payloads: customer catalogs carry personal data). The imported data itself stays.
 */
export async function deleteImportsBefore(db: Kysely<DB>, before: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const finished = tx
      .selectFrom('imports')
      .select('id')
      .where('received_at', '<', before)
      .where('status', 'not in', ['queued', 'running'])
      .where('id', 'not in', tx.selectFrom('import_locks').select('import_id'));
    await tx.deleteFrom('import_payloads').where('import_id', 'in', finished).execute();
    const done = await tx.deleteFrom('imports').where('id', 'in', finished).executeTakeFirst();
    return Number(done.numDeletedRows);
  });
}

/**
 * Coupon history older than `before` of coupons that can no longer change: voided or consumed, or past their
 * validity before `before`. A live coupon keeps its whole history (a cancellation may still restore it).
 */
export async function deleteCouponHistoryBefore(db: Kysely<DB>, before: string): Promise<number> {
  const done = await db
    .deleteFrom('coupon_history')
    .where('at', '<', before)
    .where((eb) =>
      eb(
        'coupon_id',
        'in',
        eb
          .selectFrom('coupons')
          .select('id')
          .where((c) =>
            c.or([
              c('status', 'in', ['voided', 'consumed']),
              c.and([c('valid_to', 'is not', null), c('valid_to', '<', before)]),
            ]),
          ),
      ),
    )
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}

/**
 * Movements older than `before` of loyalty elements that are over: cancelled, or past their validity before
 * `before`. An element's balance is its stored amount (elements.amount), not a sum of its movements, so no
 * balance rests on them; still, the movements of a live element are its statement and stay (a consumed element
 * may be recharged, so it counts as live).
 */
export async function deleteElementMovementsBefore(db: Kysely<DB>, before: string): Promise<number> {
  const done = await db
    .deleteFrom('element_movements')
    .where('created_at', '<', before)
    .where((eb) =>
      eb(
        'card_id',
        'in',
        eb
          .selectFrom('elements')
          .select('card_id')
          .where((e) =>
            e.or([
              e('cancelled_at', 'is not', null),
              e.and([e('valid_to', 'is not', null), e('valid_to', '<', before)]),
            ]),
          ),
      ),
    )
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}
