import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AccessTokenTable } from '../schema/auth.table.js';

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

export function findLoginAttempts(db: Kysely<DB>, keys: string[]) {
  return db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
}

export async function saveLoginAttempt(
  db: Kysely<DB>,
  row: { key: string; failures: number; window_started_at: string; blocked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        blocked_until: row.blocked_until,
      }),
    )
    .execute();
}

export async function clearLoginAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

export function findTerminalByCode(db: Kysely<DB>, merchantId: string, code: string) {
  return db
    .selectFrom('terminals')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
}
