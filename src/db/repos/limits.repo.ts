import type { Kysely, Selectable } from 'kysely';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { LimitCounterTable, PromotionLimitTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type LimitRow = Selectable<PromotionLimitTable>;
export type CounterRow = Selectable<LimitCounterTable>;

export async function insertLimit(db: Kysely<DB>, row: PromotionLimitTable): Promise<void> {
  await db.insertInto('promotion_limits').values(row).execute();
}

export function findLimit(db: Kysely<DB>, merchantId: string, id: string) {
  return db
    .selectFrom('promotion_limits')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const limitsOfMerchant = hotQuery((db, merchantId: string) =>
  db.selectFrom('promotion_limits').selectAll().where('merchant_id', '=', merchantId).orderBy('id'),
);

/** The limits of a merchant's promotions (all of them, or of the promotions named). */
export async function limitsOf(db: Kysely<DB>, merchantId: string, nros?: readonly string[]) {
  if (!nros) return (await limitsOfMerchant(db, merchantId)).rows;
  if (nros.length === 0) return [] as LimitRow[];
  return db
    .selectFrom('promotion_limits')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('promotion_nro', 'in', nros)
    .orderBy('id')
    .execute();
}

export async function deleteLimit(db: Kysely<DB>, id: string) {
  await db.deleteFrom('limit_counters').where('limit_id', '=', id).execute();
  await db.deleteFrom('promotion_limits').where('id', '=', id).execute();
}

export function countersOf(db: Kysely<DB>, limitIds: readonly string[], subjects: readonly string[]) {
  if (limitIds.length === 0 || subjects.length === 0) return Promise.resolve([] as CounterRow[]);
  return db
    .selectFrom('limit_counters')
    .selectAll()
    .where('limit_id', 'in', limitIds)
    .where('subject', 'in', subjects)
    .execute();
}

export function countersOfLimit(db: Kysely<DB>, limitId: string, subject?: string) {
  let q = db.selectFrom('limit_counters').selectAll().where('limit_id', '=', limitId);
  if (subject !== undefined) q = q.where('subject', '=', subject);
  return q.orderBy('subject').execute();
}

/**
 * Consumes `n` of a limit for a subject in single conditional statements, never read-then-write: within the
 * period `used + n <= max`; past the reset the period starts again at `n`; a first use inserts the counter
 * (a concurrent first insert makes this one do nothing). Answers the counter's period (its next reset) on
 * success, or false when the limit does not have room (the caller re-plans).
 */
export async function consumeLimit(
  tx: Tx,
  c: { limitId: string; subject: string; n: number; max: number; nextReset: string | null; now: string },
): Promise<{ nextReset: string | null } | false> {
  const within = await tx
    .updateTable('limit_counters')
    .set((eb) => ({ used: eb('used', '+', c.n), updated_at: c.now }))
    .where('limit_id', '=', c.limitId)
    .where('subject', '=', c.subject)
    .where((eb) => eb.or([eb('next_reset', 'is', null), eb('next_reset', '>', c.now)]))
    .where((eb) => eb(eb('used', '+', c.n), '<=', c.max))
    .returning('next_reset')
    .executeTakeFirst();
  if (within) return { nextReset: within.next_reset };
  if (c.n > c.max) return false;
  const reset = await tx
    .updateTable('limit_counters')
    .set({ used: c.n, next_reset: c.nextReset, updated_at: c.now })
    .where('limit_id', '=', c.limitId)
    .where('subject', '=', c.subject)
    .where('next_reset', '<=', c.now)
    .executeTakeFirst();
  if (Number(reset.numUpdatedRows) === 1) return { nextReset: c.nextReset };
  const inserted = await tx
    .insertInto('limit_counters')
    .values({
      limit_id: c.limitId,
      subject: c.subject,
      used: c.n,
      next_reset: c.nextReset,
      updated_at: c.now,
    })
    .onConflict((oc) => oc.columns(['limit_id', 'subject']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 ? { nextReset: c.nextReset } : false;
}

/** Gives back what a reverted sale consumed, only within the period it was consumed in (never below 0). */
export async function giveBackLimit(
  tx: Tx,
  c: { limitId: string; subject: string; n: number; nextReset: string | null; now: string },
): Promise<void> {
  let q = tx
    .updateTable('limit_counters')
    .set((eb) => ({
      used: eb
        .case()
        .when('used', '>=', c.n)
        .then(eb('used', '-', c.n))
        .else(0)
        .end(),
      updated_at: c.now,
    }))
    .where('limit_id', '=', c.limitId)
    .where('subject', '=', c.subject);
  q = c.nextReset === null ? q.where('next_reset', 'is', null) : q.where('next_reset', '=', c.nextReset);
  await q.execute();
}

export async function resetCounters(db: Kysely<DB>, limitId: string, subject?: string) {
  let q = db.deleteFrom('limit_counters').where('limit_id', '=', limitId);
  if (subject !== undefined) q = q.where('subject', '=', subject);
  await q.execute();
}
