/** Loaded catalogs: code catalogs, reference codes, base price lists, the points-for-product table. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { CatalogEntryTable, PriceListItemTable, RedeemBenefitTable } from '../schema/index.js';

type Db = Kysely<DB>;

// ---- catalog entries

export function catalogEntries(db: Db, merchantId: string, catalog: string, code: string) {
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .orderBy('id')
    .execute();
}

export async function insertCatalogEntry(db: Db, row: CatalogEntryTable): Promise<void> {
  await db.insertInto('catalog_entries').values(row).execute();
}

export async function updateCatalogEntry(
  db: Db,
  id: string,
  set: Pick<CatalogEntryTable, 'name' | 'data' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('catalog_entries').set(set).where('id', '=', id).execute();
}

export async function deleteCatalogEntries(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.deleteFrom('catalog_entries').where('id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function clearCatalog(db: Db, merchantId: string, catalog: string): Promise<void> {
  await db
    .deleteFrom('catalog_entries')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .execute();
}

export function listCatalogEntries(
  db: Db,
  merchantId: string,
  catalog: string,
  limit: number,
  after?: string,
) {
  let q = db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog);
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}

// ---- reference codes (countries, states, cities, id types, genders, customer types)

export async function deleteReferenceCode(db: Db, merchantId: string, catalog: string, code: string) {
  const r = await db
    .deleteFrom('reference_codes')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function clearReferenceCatalog(db: Db, merchantId: string, catalog: string) {
  await db
    .deleteFrom('reference_codes')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .execute();
}

export async function referenceCodeExists(db: Db, merchantId: string, catalog: string, code: string) {
  const row = await db
    .selectFrom('reference_codes')
    .select('code')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- price list

export async function upsertPriceListItem(db: Db, row: PriceListItemTable): Promise<void> {
  await db
    .insertInto('price_list_items')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'store_code', 'sku']).doUpdateSet({
        sale_price_minor: row.sale_price_minor,
        data: row.data,
        enabled_at: row.enabled_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export function listPriceListItems(db: Db, merchantId: string, store: string, limit: number, after?: string) {
  let q = db
    .selectFrom('price_list_items')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('store_code', '=', store);
  if (after) q = q.where('sku', '>', after);
  return q.orderBy('sku').limit(limit).execute();
}

// ---- redeem benefits

export function findRedeemBenefit(db: Db, merchantId: string, store: string, code: string) {
  return db
    .selectFrom('redeem_benefits')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('store_code', '=', store)
    .where('product_code', '=', code)
    .executeTakeFirst();
}

export async function insertRedeemBenefit(db: Db, row: RedeemBenefitTable): Promise<void> {
  await db.insertInto('redeem_benefits').values(row).execute();
}

export async function updateRedeemBenefit(db: Db, row: RedeemBenefitTable): Promise<number> {
  const r = await db
    .updateTable('redeem_benefits')
    .set({
      points_hundredths: row.points_hundredths,
      discount_hundredths: row.discount_hundredths,
      discount_type: row.discount_type,
      updated_at: row.updated_at,
    })
    .where('merchant_id', '=', row.merchant_id)
    .where('store_code', '=', row.store_code)
    .where('product_code', '=', row.product_code)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteRedeemBenefit(db: Db, merchantId: string, store: string, code: string) {
  const r = await db
    .deleteFrom('redeem_benefits')
    .where('merchant_id', '=', merchantId)
    .where('store_code', '=', store)
    .where('product_code', '=', code)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function clearRedeemBenefits(db: Db, merchantId: string) {
  await db.deleteFrom('redeem_benefits').where('merchant_id', '=', merchantId).execute();
}

export function listRedeemBenefits(db: Db, merchantId: string) {
  return db
    .selectFrom('redeem_benefits')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('store_code')
    .orderBy('product_code')
    .limit(1000)
    .execute();
}
