/** The import monitor's records and the one-import-at-a-time lock per (merchant, kind). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { ImportTable } from '../schema/index.js';

type Db = Kysely<DB>;

export async function insertImport(db: Db, row: ImportTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

/** Takes the lock (a unique row); a lock older than `staleBefore` is taken over. False when held. */
export async function takeLock(
  db: Db,
  merchantId: string,
  kind: string,
  importId: string,
  now: string,
  staleBefore: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('import_locks')
    .values({ merchant_id: merchantId, kind, import_id: importId, locked_at: now })
    .onConflict((oc) => oc.columns(['merchant_id', 'kind']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const taken = await db
    .updateTable('import_locks')
    .set({ import_id: importId, locked_at: now })
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', kind)
    .where('locked_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0;
}

export async function releaseLock(db: Db, merchantId: string, kind: string, importId: string): Promise<void> {
  await db
    .deleteFrom('import_locks')
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', kind)
    .where('import_id', '=', importId)
    .execute();
}

export async function finishImport(
  db: Db,
  id: string,
  changes: Pick<ImportTable, 'status' | 'counts' | 'error_count' | 'errors' | 'finished_at'>,
): Promise<void> {
  await db.updateTable('imports').set(changes).where('id', '=', id).execute();
}

export function findImport(db: Db, merchantId: string, id: string) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listImports(db: Db, merchantId: string, limit: number, before?: string) {
  let q = db.selectFrom('imports').selectAll().where('merchant_id', '=', merchantId);
  if (before !== undefined) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
