import type { Insertable, Kysely, Selectable } from 'kysely';
import { hotQuery } from '../hot.js';
import type { DB, PromotionState, PromotionStatus } from '../schema/index.js';
import type { PromotionMapTable, PromotionTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type PromotionRow = Selectable<PromotionTable>;
export type PromotionMapRow = Selectable<PromotionMapTable>;

export async function insertPromotion(db: Kysely<DB>, row: Insertable<PromotionTable>): Promise<void> {
  await db.insertInto('promotions').values(row).execute();
}

export function findPromotion(db: Kysely<DB>, merchantId: string, nro: string) {
  return db
    .selectFrom('promotions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('nro', '=', nro)
    .executeTakeFirst();
}

export function findPromotions(db: Kysely<DB>, merchantId: string, nros: readonly string[]) {
  if (nros.length === 0) return Promise.resolve([] as PromotionRow[]);
  return db
    .selectFrom('promotions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('nro', 'in', nros)
    .execute();
}

export function listPromotions(
  db: Kysely<DB>,
  merchantId: string,
  filter: {
    after?: string | undefined;
    status?: PromotionStatus | undefined;
    code?: string | undefined;
    limit: number;
  },
) {
  let q = db.selectFrom('promotions').selectAll().where('merchant_id', '=', merchantId);
  if (filter.after) q = q.where('nro', '>', filter.after);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.code) q = q.where('code', '=', filter.code);
  return q
    .orderBy('nro')
    .limit(filter.limit + 1)
    .execute();
}

/** Conditional on the revision read: a concurrent update makes this one answer false, never overwrite. */
export async function updatePromotion(
  db: Kysely<DB>,
  nro: string,
  revision: number,
  set: Partial<Pick<PromotionTable, 'code' | 'name' | 'status' | 'definition' | 'source'>> & {
    state?: PromotionState;
    header_fields?: string;
    updated_at: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('promotions')
    .set({ ...set, revision: revision + 1 })
    .where('nro', '=', nro)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function lastMapVersion(db: Kysely<DB>, merchantId: string): Promise<number> {
  const row = await db
    .selectFrom('promotion_maps')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Inserts unless the version is taken (a concurrent creation): answers whether it was inserted. */
export async function insertMap(db: Kysely<DB>, row: PromotionMapTable): Promise<boolean> {
  const r = await db
    .insertInto('promotion_maps')
    .values(row)
    .onConflict((oc) => oc.columns(['merchant_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findMap(db: Kysely<DB>, merchantId: string, version: number) {
  return db
    .selectFrom('promotion_maps')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findMapById(db: Kysely<DB>, id: string) {
  return db.selectFrom('promotion_maps').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMaps(
  db: Kysely<DB>,
  merchantId: string,
  filter: { before?: number | undefined; limit: number },
) {
  let q = db
    .selectFrom('promotion_maps')
    .select([
      'id',
      'version',
      'name',
      'start_date',
      'end_date',
      'stores',
      'validity_after_void',
      'created_at',
    ])
    .where('merchant_id', '=', merchantId);
  if (filter.before !== undefined) q = q.where('version', '<', filter.before);
  return q
    .orderBy('version', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** One row per merchant, replaced in one statement: activation is atomic. */
export async function activateMap(tx: Tx, merchantId: string, mapId: string, version: number, now: string) {
  await tx
    .insertInto('active_promotion_maps')
    .values({ merchant_id: merchantId, map_id: mapId, version, activated_at: now })
    .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ map_id: mapId, version, activated_at: now }))
    .execute();
}

const activeMapRow = hotQuery((db, merchantId: string) =>
  db
    .selectFrom('active_promotion_maps')
    .select(['map_id', 'version', 'activated_at'])
    .where('merchant_id', '=', merchantId),
);

/** The merchant's active map version, if any (read by every sale: a hot statement). */
export async function activeMapOf(db: Kysely<DB>, merchantId: string) {
  return (await activeMapRow(db, merchantId)).rows[0];
}

/** Date exclusions of a merchant on one local date ("*" store: every store). */
const exclusionsOnDate = hotQuery((db, merchantId: string, date: string) =>
  db
    .selectFrom('promotion_exclusions')
    .select(['promotion_nro', 'store_code', 'date'])
    .where('merchant_id', '=', merchantId)
    .where('date', '=', date),
);

export async function exclusionsOn(db: Kysely<DB>, merchantId: string, date: string) {
  return (await exclusionsOnDate(db, merchantId, date)).rows;
}

export async function insertExclusions(
  db: Kysely<DB>,
  rows: { merchant_id: string; promotion_nro: string; store_code: string; date: string }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('promotion_exclusions')
    .values(rows)
    .onConflict((oc) => oc.columns(['merchant_id', 'promotion_nro', 'store_code', 'date']).doNothing())
    .execute();
}

export async function deleteExclusions(
  db: Kysely<DB>,
  merchantId: string,
  nro: string,
  store: string,
  dates: string[],
) {
  if (dates.length === 0) return;
  await db
    .deleteFrom('promotion_exclusions')
    .where('merchant_id', '=', merchantId)
    .where('promotion_nro', '=', nro)
    .where('store_code', '=', store)
    .where('date', 'in', dates)
    .execute();
}

export function exclusionsOf(db: Kysely<DB>, merchantId: string, nro: string) {
  return db
    .selectFrom('promotion_exclusions')
    .select(['store_code', 'date'])
    .where('merchant_id', '=', merchantId)
    .where('promotion_nro', '=', nro)
    .orderBy('date')
    .orderBy('store_code')
    .execute();
}
