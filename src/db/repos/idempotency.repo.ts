import type { Kysely } from 'kysely';
import { hotInsert, hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';

/** The body hash of a key whose request and answer were redacted by a GDPR erasure. */
export const ERASED_HASH = 'erased';

const insertKeyRow = hotInsert('idempotency_keys', [
  'scope',
  'key',
  'method',
  'path',
  'body_hash',
  'status',
  'response_body',
  'response_type',
  'created_at',
]);

export async function claimKey(
  db: Kysely<DB>,
  row: { scope: string; key: string; method: string; path: string; body_hash: string; created_at: string },
): Promise<void> {
  await insertKeyRow(db, { ...row, status: null, response_body: null, response_type: null });
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

const completeKeyRow = hotQuery(
  (db, status: number, body: string | null, type: string | null, scope: string, key: string) =>
    db
      .updateTable('idempotency_keys')
      .set({ status, response_body: body, response_type: type })
      .where('scope', '=', scope)
      .where('key', '=', key),
);

export async function completeKey(
  db: Kysely<DB>,
  scope: string,
  key: string,
  response: { status: number; body: string | null; type: string | null },
): Promise<void> {
  await completeKeyRow(db, response.status, response.body, response.type, scope, key);
}

export async function releaseKey(db: Kysely<DB>, scope: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute();
}

export async function deleteKeysBefore(db: Kysely<DB>, before: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
