/**
 * The outbox: messages and webhook events written in the transaction that caused them, delivered after by
 * the delivery job. A message is claimed with a lease (one conditional statement; `FOR UPDATE SKIP LOCKED`
 * on PostgreSQL so that concurrent workers take disjoint batches); only the lease owner records its outcome.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DbKind } from '../database.js';
import type { OutboxChannel, OutboxMessageTable, OutboxStatus } from '../schema/index.js';
import type { DB } from '../schema/index.js';
import type { MessageAttemptTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type OutboxRow = Selectable<OutboxMessageTable>;
export type AttemptRow = Selectable<MessageAttemptTable>;

/** Inserts the message; one with an idempotency key already used by the merchant is skipped (false). */
export async function insertOutboxMessage(tx: Tx, row: Insertable<OutboxMessageTable>): Promise<boolean> {
  const result = await tx
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 1) > 0;
}

export interface ClaimOptions {
  owner: string;
  now: string;
  leaseUntil: string;
  channels: OutboxChannel[];
  limit: number;
}

/** Leases up to `limit` due messages of these channels to `owner`; answers the rows it got. */
export async function claimDueMessages(db: Kysely<DB>, kind: DbKind, o: ClaimOptions): Promise<OutboxRow[]> {
  if (o.channels.length === 0) return [];
  let due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', o.now)
    .where('channel', 'in', o.channels)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', o.now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(o.limit);
  if (kind === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('outbox_messages')
    .set({ lease_owner: o.owner, lease_until: o.leaseUntil })
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', o.now)]))
    .returningAll()
    .execute();
}

/** Says why pending messages of an unconfigured channel wait. */
export async function holdChannel(db: Kysely<DB>, channel: OutboxChannel, reason: string): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ hold_reason: reason })
    .where('status', '=', 'pending')
    .where('channel', '=', channel)
    .where((eb) => eb.or([eb('hold_reason', 'is', null), eb('hold_reason', '<>', reason)]))
    .execute();
}

export interface AttemptOutcome {
  attempt: Insertable<MessageAttemptTable> | null;
  status: 'pending' | 'sent' | 'dead' | 'suppressed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  holdReason: string | null;
  sentAt: string | null;
}

/** Records an attempt and the message's new state; false when the lease was lost (another worker has it). */
export async function finishMessage(
  db: Kysely<DB>,
  id: string,
  owner: string,
  o: AttemptOutcome,
  /** Runs in the same transaction when the outcome was recorded (the lease was still held). */
  alsoInTransaction?: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('outbox_messages')
      .set({
        status: o.status,
        attempts: o.attempts,
        ...(o.nextAttemptAt ? { next_attempt_at: o.nextAttemptAt } : {}),
        last_error: o.lastError,
        hold_reason: o.holdReason,
        sent_at: o.sentAt,
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (o.attempt) await tx.insertInto('message_attempts').values(o.attempt).execute();
    const held = Number(result.numUpdatedRows) === 1;
    if (held && alsoInTransaction) await alsoInTransaction(tx);
    return held;
  });
}

export async function findMessage(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
): Promise<OutboxRow | undefined> {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface MessageFilter {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
  source?: string | undefined;
  webhookId?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Newest first; `after` is the last id of the previous page. */
export async function listMessages(
  db: Kysely<DB>,
  merchantId: string,
  f: MessageFilter,
): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox_messages').selectAll().where('merchant_id', '=', merchantId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.webhookId) q = q.where('webhook_id', '=', f.webhookId);
  if (f.after) q = q.where('id', '<', f.after);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function attemptsOf(db: Kysely<DB>, messageIds: string[]): Promise<AttemptRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_attempts')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('message_id')
    .orderBy('attempt')
    .execute();
}

/** A dead letter back in the queue, due now, with a fresh count of tries. */
export async function requeueDeadMessage(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      hold_reason: null,
      lease_owner: null,
      lease_until: null,
    })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Messages sent for the merchant since `since` (the per-merchant send rate). */
export async function countSentSince(db: Kysely<DB>, merchantId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('message_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('merchant_id', '=', merchantId)
    .where('attempted_at', '>=', since)
    .where('outcome', '=', 'sent')
    .where('channel', '<>', 'webhook')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts many messages in multi-row statements; those whose idempotency key is taken are skipped. */
export async function insertOutboxMessages(
  tx: Tx,
  rows: readonly Insertable<OutboxMessageTable>[],
  chunk = 400,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await tx
      .insertInto('outbox_messages')
      .values(rows.slice(i, i + chunk))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}
