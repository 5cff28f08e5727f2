import * as repo from '../../db/repos/principals.repo.js';
import { forgetToken } from '../auth/token-cache.js';
import type { Deps } from '../context.js';

/**
 * Revokes every access token of a user or API client: the rows go, and this process forgets them at once.
 * Other processes that have a token in memory notice within the token cache's freshness (10 s).
 */
export async function revokeTokens(deps: Deps, principalId: string): Promise<number> {
  const hashes = await repo.deleteTokensOf(deps.db, principalId);
  for (const hash of hashes) forgetToken(deps.db, hash);
  return hashes.length;
}
