import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** The body hash of a key whose request and answer were redacted by a GDPR erasure. */
export const ERASED_HASH = 'erased';

export async function claimKey(
  db: Kysely<DB>,
  row: { scope: string; key: string; method: string; path: string; body_hash: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({ ...row, status: null, response_body: null, response_type: null })
    .execute();
}

/**
 * Takes over a claim whose holder never answered (its process died): only a claim still unanswered and
 * claimed before `staleBefore`, and only once (compare-and-set on its claim time). True when taken.
 */
export async function takeOverKey(
  db: Kysely<DB>,
  scope: string,
  key: string,
  claimedAt: string,
  staleBefore: string,
  nowIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('idempotency_keys')
    .set({ created_at: nowIso })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('status', 'is', null)
    .where('created_at', '=', claimedAt)
    .where('created_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findKey(db: Kysely<DB>, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function completeKey(
  db: Kysely<DB>,
  scope: string,
  key: string,
  response: { status: number; body: string | null; type: string | null },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: response.status, response_body: response.body, response_type: response.type })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

export async function releaseKey(db: Kysely<DB>, scope: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute();
}

export async function deleteKeysBefore(db: Kysely<DB>, before: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
