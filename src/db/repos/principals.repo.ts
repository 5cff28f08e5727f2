import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { ApiClientTable, UserTable } from '../schema/index.js';

const USER_COLUMNS = ['id', 'login', 'email', 'role', 'active', 'log_full', 'created_at'] as const;
const CLIENT_COLUMNS = ['id', 'client_id', 'name', 'role', 'active', 'log_full', 'created_at'] as const;

export async function insertUser(db: Kysely<DB>, row: UserTable) {
  await db.insertInto('users').values(row).execute();
}

export function listUsers(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('merchant_id', '=', merchantId)
    .orderBy('login')
    .execute();
}

export function findUser(db: Kysely<DB>, merchantId: string, id: string) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateUser(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  changes: Partial<Pick<UserTable, 'role' | 'email' | 'active' | 'password_hash'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set(changes)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertClient(db: Kysely<DB>, row: ApiClientTable) {
  await db.insertInto('api_clients').values(row).execute();
}

export function listClients(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('api_clients')
    .select(CLIENT_COLUMNS)
    .where('merchant_id', '=', merchantId)
    .orderBy('name')
    .execute();
}

export function findClient(db: Kysely<DB>, merchantId: string, id: string) {
  return db
    .selectFrom('api_clients')
    .select(CLIENT_COLUMNS)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateClient(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  changes: Partial<Pick<ApiClientTable, 'secret_hash' | 'active' | 'name'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('api_clients')
    .set(changes)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes every access token of one user or API client; returns their hashes (to drop them from memory). */
export async function deleteTokensOf(db: Kysely<DB>, principalId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('access_tokens')
    .where('principal_id', '=', principalId)
    .returning('token_hash')
    .execute();
  return rows.map((r) => r.token_hash);
}

const tableOf = (principalId: string) => (principalId.startsWith('usr_') ? 'users' : 'api_clients');

export async function isActive(db: Kysely<DB>, principalId: string): Promise<boolean> {
  const row = await db
    .selectFrom(tableOf(principalId))
    .select('active')
    .where('id', '=', principalId)
    .executeTakeFirst();
  return Number(row?.active) === 1;
}

export async function setActive(
  db: Kysely<DB>,
  merchantId: string,
  principalId: string,
  active: boolean,
): Promise<boolean> {
  const r = await db
    .updateTable(tableOf(principalId))
    .set({ active: active ? 1 : 0 })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', principalId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setClientSecretHash(
  db: Kysely<DB>,
  merchantId: string,
  clientId: string,
  secretHash: string,
): Promise<boolean> {
  const r = await db
    .updateTable('api_clients')
    .set({ secret_hash: secretHash })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', clientId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteToken(db: Kysely<DB>, hash: string): Promise<void> {
  await db.deleteFrom('access_tokens').where('token_hash', '=', hash).execute();
}
