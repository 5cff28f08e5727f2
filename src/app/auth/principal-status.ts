import type { Kysely } from 'kysely';
import * as repo from '../../db/repos/principals.repo.js';
import type { DB } from '../../db/schema/index.js';

/**
 * Whether a token's principal is still active, read on each request with a short cache (STATUS_MS): a
 * client or user deactivated in the database, by this or another process, loses its tokens within it.
 */
const caches = new WeakMap<Kysely<DB>, Map<string, { active: boolean; until: number }>>();
const STATUS_MS = 2000;
const MAX_ENTRIES = 10_000;

/** Whether a principal is active as read lately, without waiting (undefined: to be read). */
export function knownPrincipalStatus(db: Kysely<DB>, principalId: string): boolean | undefined {
  const known = caches.get(db)?.get(principalId);
  return known && known.until > performance.now() ? known.active : undefined;
}

export async function isPrincipalActive(db: Kysely<DB>, principalId: string): Promise<boolean> {
  const known = knownPrincipalStatus(db, principalId);
  if (known !== undefined) return known;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = performance.now();
  const active = await repo.isActive(db, principalId);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(principalId, { active, until: now + STATUS_MS });
  return active;
}

export function forgetPrincipal(db: Kysely<DB>, principalId: string): void {
  caches.get(db)?.delete(principalId);
}
