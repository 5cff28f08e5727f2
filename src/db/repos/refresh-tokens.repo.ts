/** Refresh tokens (single use) and the grants an API client may use. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { RefreshTokenTable } from '../schema/index.js';

type Db = Kysely<DB>;

export async function clientHasGrant(db: Db, apiClientId: string, grant: string): Promise<boolean> {
  const row = await db
    .selectFrom('oauth_client_grants')
    .select('grant_type')
    .where('api_client_id', '=', apiClientId)
    .where('grant_type', '=', grant)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRefreshToken(db: Db, row: RefreshTokenTable): Promise<void> {
  await db.insertInto('refresh_tokens').values(row).execute();
}

/** Uses a refresh token once: true when this call was the one that used it. */
export async function useRefreshToken(
  db: Db,
  hash: string,
  apiClientId: string,
  now: string,
): Promise<{ user_id: string } | undefined> {
  const used = await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('api_client_id', '=', apiClientId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) === 0) return undefined;
  return db.selectFrom('refresh_tokens').select('user_id').where('token_hash', '=', hash).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
