import type { Kysely } from 'kysely';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { MerchantTable, ProviderTable, StoreTable, TerminalTable } from '../schema/index.js';

export async function insertProvider(db: Kysely<DB>, row: ProviderTable) {
  await db.insertInto('providers').values(row).execute();
}

export async function insertMerchant(db: Kysely<DB>, row: Omit<MerchantTable, 'api_key' | 'contact_email'>) {
  await db.insertInto('merchants').values(row).execute();
}

export function findMerchantBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('merchants').selectAll().where('slug', '=', slug).executeTakeFirst();
}

const merchantById = hotQuery((db, id: string) =>
  db.selectFrom('merchants').selectAll().where('id', '=', id),
);

/** A merchant by id (a hot statement: a basket evaluation and a sale's promotions read it). */
export async function findMerchantById(db: Kysely<DB>, id: string) {
  return (await merchantById(db, id)).rows[0];
}

export function listMerchantsOfProvider(db: Kysely<DB>, providerId: string) {
  return db.selectFrom('merchants').selectAll().where('provider_id', '=', providerId).orderBy('id').execute();
}

export function listAllMerchants(db: Kysely<DB>) {
  return db.selectFrom('merchants').selectAll().orderBy('id').execute();
}

export async function insertStore(db: Kysely<DB>, row: StoreTable) {
  await db.insertInto('stores').values(row).execute();
}

export function listStores(db: Kysely<DB>, merchantId: string) {
  return db.selectFrom('stores').selectAll().where('merchant_id', '=', merchantId).orderBy('code').execute();
}

const storeById = hotQuery((db, merchantId: string, id: string) =>
  db.selectFrom('stores').selectAll().where('merchant_id', '=', merchantId).where('id', '=', id),
);
const storeByCode = hotQuery((db, merchantId: string, code: string) =>
  db.selectFrom('stores').selectAll().where('merchant_id', '=', merchantId).where('code', '=', code),
);

/** A store of the merchant by id or by code (hot statements for one of them, as most callers ask). */
export async function findStore(db: Kysely<DB>, merchantId: string, by: { id?: string; code?: string }) {
  if (by.id !== undefined && by.code === undefined) return (await storeById(db, merchantId, by.id)).rows[0];
  if (by.code !== undefined && by.id === undefined)
    return (await storeByCode(db, merchantId, by.code)).rows[0];
  let q = db.selectFrom('stores').selectAll().where('merchant_id', '=', merchantId);
  if (by.id !== undefined) q = q.where('id', '=', by.id);
  if (by.code !== undefined) q = q.where('code', '=', by.code);
  return q.executeTakeFirst();
}

export async function updateStore(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  changes: Partial<Pick<StoreTable, 'name' | 'region' | 'time_zone' | 'currency'>>,
): Promise<boolean> {
  if (Object.keys(changes).length === 0) return (await findStore(db, merchantId, { id })) !== undefined;
  const r = await db
    .updateTable('stores')
    .set(changes)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertTerminal(db: Kysely<DB>, row: TerminalTable) {
  await db.insertInto('terminals').values(row).execute();
}

export function listTerminals(db: Kysely<DB>, merchantId: string, storeId?: string) {
  let q = db
    .selectFrom('terminals')
    .innerJoin('stores', 'stores.id', 'terminals.store_id')
    .select([
      'terminals.id',
      'terminals.code',
      'terminals.name',
      'terminals.store_id',
      'stores.code as store_code',
      'terminals.created_at',
    ])
    .where('terminals.merchant_id', '=', merchantId);
  if (storeId !== undefined) q = q.where('terminals.store_id', '=', storeId);
  return q.orderBy('terminals.code').execute();
}

/** Removes a merchant that was just created and holds nothing yet (a failed two-step creation). */
export async function deleteMerchant(db: Kysely<DB>, id: string) {
  await db.deleteFrom('merchants').where('id', '=', id).execute();
}

export async function setProviderKey(db: Kysely<DB>, providerId: string, apiKey: string): Promise<void> {
  await db.updateTable('providers').set({ api_key: apiKey }).where('id', '=', providerId).execute();
}

/** The vendor-facing identity of a merchant: its provider, its API key and contact e-mail. */
export async function setMerchantIdentity(
  db: Kysely<DB>,
  merchantId: string,
  identity: { providerId: string; apiKey: string; contactEmail: string },
): Promise<void> {
  await db
    .updateTable('merchants')
    .set({ provider_id: identity.providerId, api_key: identity.apiKey, contact_email: identity.contactEmail })
    .where('id', '=', merchantId)
    .execute();
}
