import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

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

export async function deleteTokensOf(db: Kysely<DB>, principalId: string): Promise<number> {
  const r = await db.deleteFrom('access_tokens').where('principal_id', '=', principalId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteToken(db: Kysely<DB>, hash: string): Promise<void> {
  await db.deleteFrom('access_tokens').where('token_hash', '=', hash).execute();
}
