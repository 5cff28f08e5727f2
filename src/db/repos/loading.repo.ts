/** Data loading: queued imports and their contents, and what the loaders change in other modules' tables. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { ImportTable, PromotionLimitTable } from '../schema/index.js';

type Db = Kysely<DB>;

/** The content first, then the record ('queued') that makes it visible to the processors. */
export async function insertQueuedImport(db: Db, row: ImportTable, body: string): Promise<void> {
  await db
    .insertInto('import_payloads')
    .values({ import_id: row.id, merchant_id: row.merchant_id, body })
    .execute();
  await db.insertInto('imports').values(row).execute();
}

/** The oldest queued imports whose kind starts with the prefix. */
export function queuedImports(db: Db, kindPrefix: string, limit: number) {
  return db
    .selectFrom('imports')
    .select(['id', 'merchant_id', 'kind'])
    .where('status', '=', 'queued')
    .where(sql.ref<string>('imports.kind'), 'like', `${kindPrefix}%`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** queued → running, conditionally: false when another process claimed it first. */
export async function markRunning(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('imports')
    .set({ status: 'running' })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Running imports of the prefix whose lock is gone or older than `staleBefore` (their process died):
 * put back in the queue, conditionally. Answers how many.
 */
export async function requeueAbandoned(db: Db, kindPrefix: string, staleBefore: string): Promise<number> {
  const r = await db
    .updateTable('imports')
    .set({ status: 'queued' })
    .where('status', '=', 'running')
    .where(sql.ref<string>('imports.kind'), 'like', `${kindPrefix}%`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('import_locks')
            .select('import_locks.import_id')
            .whereRef('import_locks.import_id', '=', 'imports.id')
            .where('import_locks.locked_at', '>=', staleBefore),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function importBody(db: Db, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('import_payloads')
    .select('body')
    .where('import_id', '=', id)
    .executeTakeFirst();
  return row?.body;
}

export async function setImportProgress(db: Db, id: string, counts: string, errorCount: number) {
  await db.updateTable('imports').set({ counts, error_count: errorCount }).where('id', '=', id).execute();
}

/** The agreement (contract) an element belongs to. */
export async function setElementAgreement(db: Db, cardId: string, agreementId: string): Promise<void> {
  await db.updateTable('elements').set({ agreement_id: agreementId }).where('card_id', '=', cardId).execute();
}

/** Gives an element without a customer its customer (false when it has one by then). */
export async function setElementCustomer(db: Db, cardId: string, customerId: string, now: string) {
  const r = await db
    .updateTable('cards')
    .set({ customer_id: customerId, updated_at: now })
    .where('id', '=', cardId)
    .where('customer_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Promotions by code and/or name (codes are not unique), oldest first. */
export function promotionsNamed(
  db: Db,
  merchantId: string,
  by: { code?: string | null; name?: string | null },
) {
  let q = db
    .selectFrom('promotions')
    .select(['nro', 'code', 'name', 'status', 'definition'])
    .where('merchant_id', '=', merchantId);
  if (by.code) q = q.where('code', '=', by.code);
  if (by.name) q = q.where('name', '=', by.name);
  return q.orderBy('created_at').orderBy('nro').execute();
}

export function exclusionsOnDates(db: Db, merchantId: string, store: string, dates: readonly string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('promotion_exclusions')
    .select(['promotion_nro', 'date'])
    .where('merchant_id', '=', merchantId)
    .where('store_code', '=', store)
    .where('date', 'in', dates)
    .execute();
}

export async function deleteExclusionsOnDates(
  db: Db,
  merchantId: string,
  store: string,
  dates: readonly string[],
) {
  if (dates.length === 0) return 0;
  const r = await db
    .deleteFrom('promotion_exclusions')
    .where('merchant_id', '=', merchantId)
    .where('store_code', '=', store)
    .where('date', 'in', dates)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Changes a limit's definition; its counters stay. */
export async function updateLimit(
  db: Db,
  merchantId: string,
  id: string,
  set: Pick<PromotionLimitTable, 'scope' | 'store_code' | 'period_days' | 'type' | 'max'>,
): Promise<boolean> {
  const r = await db
    .updateTable('promotion_limits')
    .set(set)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function clearSegmentMembers(db: Db, segmentId: string): Promise<void> {
  await db.deleteFrom('segment_members').where('segment_id', '=', segmentId).execute();
}
