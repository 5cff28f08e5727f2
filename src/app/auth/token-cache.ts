import type { Kysely } from 'kysely';
import * as repo from '../../db/repos/auth.repo.js';
import type { DB } from '../../db/schema/index.js';

type TokenRow = NonNullable<Awaited<ReturnType<typeof repo.findToken>>>;
interface Entry {
  row: TokenRow;
  /** performance.now() after which the row is read again. */
  freshUntil: number;
}

/**
 * An access token's row never changes once issued (tokens are not edited; they expire or are revoked), so a
 * token that was found once is answered from memory afterwards: one query less on every authenticated request.
 * Revocation in this process forgets them at once; in another process within FRESH_MS, and a deactivated
 * principal is refused on every request anyway (principal-status.ts).
 * Unknown tokens are not remembered (another process may issue them a moment later); expiry is still checked
 * on every request by the caller. An operator who deletes or expires token rows by hand sees it take effect
 * within FRESH_MS. One cache per database handle, bounded, oldest entries dropped first.
 */
const caches = new WeakMap<Kysely<DB>, Map<string, Entry>>();
const MAX_TOKENS = 10_000;
const FRESH_MS = 10_000;

/** The row of a token found lately, without waiting (undefined: not in memory, or to be read again). */
export function knownToken(db: Kysely<DB>, hash: string): TokenRow | undefined {
  const known = caches.get(db)?.get(hash);
  return known && known.freshUntil > performance.now() ? known.row : undefined;
}

export async function findTokenCached(db: Kysely<DB>, hash: string): Promise<TokenRow | undefined> {
  const known = knownToken(db, hash);
  if (known) return known;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  cache.delete(hash);
  const now = performance.now();
  const row = await repo.findToken(db, hash);
  if (row) {
    if (cache.size >= MAX_TOKENS) cache.delete(cache.keys().next().value as string);
    cache.set(hash, { row, freshUntil: now + FRESH_MS });
  }
  return row;
}

/** Drops a token from memory (it expired): the next use reads the database again. */
export function forgetToken(db: Kysely<DB>, hash: string): void {
  caches.get(db)?.delete(hash);
}

/** Drops every remembered token of a principal (its tokens were revoked). */
export function forgetTokensOf(db: Kysely<DB>, principalId: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [hash, entry] of cache) if (entry.row.principal_id === principalId) cache.delete(hash);
}
