import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AccessTokenTable } from '../schema/index.js';

export function findUserByLogin(db: Kysely<DB>, login: string) {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export function findClientByClientId(db: Kysely<DB>, clientId: string) {
  return db.selectFrom('api_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function findClientById(db: Kysely<DB>, id: string) {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertToken(db: Kysely<DB>, row: AccessTokenTable): Promise<void> {
  await db.insertInto('access_tokens').values(row).execute();
}

export function findToken(db: Kysely<DB>, hash: string) {
  return db.selectFrom('access_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function deleteExpiredTokens(db: Kysely<DB>, nowIso: string): Promise<number> {
  const result = await db.deleteFrom('access_tokens').where('expires_at', '<', nowIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findTerminalByCode(db: Kysely<DB>, merchantId: string, code: string) {
  return db
    .selectFrom('terminals')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
}
