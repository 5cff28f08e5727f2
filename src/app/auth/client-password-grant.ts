/**
 * The password grant of an authenticated client (RFC 6749 4.3 with client authentication, as Spring
 * Security OAuth servers do it): the client's id and secret are checked first, then the user's login and
 * password; the user must belong to the client's merchant. The token is the user's.
 */
import { fail, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/auth.repo.js';
import type { Deps } from '../context.js';
import { issueToken, type TokenGrant } from './issue-token.js';
import { DUMMY_HASH, verifySecret } from './secrets.js';
import { throttled } from './throttle.js';

export async function clientPasswordGrant(
  deps: Deps,
  client: { id: string; secret: string },
  user: { username: string; password: string },
  address: string,
): Promise<Result<TokenGrant>> {
  const checked = await throttled(deps, `client:${client.id}`, address, async () => {
    const row = await repo.findClientByClientId(deps.db, client.id);
    const valid = await verifySecret(client.secret, row?.secret_hash ?? DUMMY_HASH);
    if (!row || !valid || !row.active) return fail('INVALID_CLIENT');
    return { ok: true as const, value: row };
  });
  if (!checked.ok) return checked;
  const grant = await issueToken(deps, { grantType: 'password', ...user }, address);
  if (!grant.ok) return grant;
  const sameTenant =
    (checked.value.merchant_id !== null && checked.value.merchant_id === grant.value.caller.merchantId) ||
    (checked.value.provider_id !== null && checked.value.provider_id === grant.value.caller.providerId);
  if (!sameTenant) return fail('INVALID_GRANT', 'This user does not belong to the client’s company.');
  return grant;
}
