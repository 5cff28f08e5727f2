/** Ending tokens: RFC 7009 revocation, and all of a principal's tokens when it is deactivated or re-keyed. */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/principals.repo.js';
import type { Deps } from '../context.js';
import { newSecret } from '../ids.js';
import { forgetPrincipal } from './principal-status.js';
import { hashSecret, tokenHash } from './secrets.js';
import { forgetToken, forgetTokensOf } from './token-cache.js';

/** Revokes one access token; an unknown token is not an error (RFC 7009 2.2). */
export async function revokeToken(deps: Deps, token: string): Promise<void> {
  const hash = tokenHash(token);
  await repo.deleteToken(deps.db, hash);
  forgetToken(deps.db, hash);
}

async function revokeAllOf(deps: Deps, principalId: string): Promise<void> {
  await repo.deleteTokensOf(deps.db, principalId);
  forgetTokensOf(deps.db, principalId);
  forgetPrincipal(deps.db, principalId);
}

/** Activates or deactivates an API client or user of the merchant; deactivation revokes its tokens. */
export async function setPrincipalActive(
  deps: Deps,
  merchantId: string,
  principalId: string,
  active: boolean,
): Promise<Result<{ id: string; active: boolean }>> {
  const found = await repo.setActive(deps.db, merchantId, principalId, active);
  if (!found) return fail('VALIDATION_FAILED', 'No API client or user of this merchant has this id.');
  if (!active) await revokeAllOf(deps, principalId);
  else forgetPrincipal(deps.db, principalId);
  return ok({ id: principalId, active });
}

/** Gives an API client a new secret (returned once) and revokes every token issued under the old one. */
export async function rotateClientSecret(
  deps: Deps,
  merchantId: string,
  clientId: string,
): Promise<Result<{ id: string; clientSecret: string }>> {
  const clientSecret = newSecret(24);
  const found = await repo.setClientSecretHash(deps.db, merchantId, clientId, await hashSecret(clientSecret));
  if (!found) return fail('VALIDATION_FAILED', 'No API client of this merchant has this id.');
  await revokeAllOf(deps, clientId);
  return ok({ id: clientId, clientSecret });
}
