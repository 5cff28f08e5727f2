/**
 * The OAuth2 password grant of an API client (client id and secret, then a user's login and password) and
 * its refresh-token grant: an access token of a fixed lifetime and a single-use refresh token (30 days).
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as authRepo from '../../db/repos/auth.repo.js';
import * as repo from '../../db/repos/refresh-tokens.repo.js';
import { isRole, type Caller, type Deps } from '../context.js';
import { newSecret } from '../ids.js';
import { authenticatePassword } from './issue-token.js';
import { DUMMY_HASH, tokenHash, verifySecret } from './secrets.js';

export interface PasswordGrant {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  caller: Caller;
}

const REFRESH_TTL_MS = 30 * 86_400_000;

async function verifiedClient(deps: Deps, clientId: string, secret: string, grant: string) {
  const client = await authRepo.findClientByClientId(deps.db, clientId);
  const valid = await verifySecret(secret, client?.secret_hash ?? DUMMY_HASH);
  if (!client || !valid || !client.active) return undefined;
  return (await repo.clientHasGrant(deps.db, client.id, grant)) ? client : undefined;
}

async function mintPair(
  deps: Deps,
  apiClientId: string,
  caller: Caller,
  ttlSeconds: number,
): Promise<PasswordGrant> {
  const now = deps.now();
  const accessToken = newSecret(32);
  const refreshToken = newSecret(32);
  await authRepo.insertToken(deps.db, {
    token_hash: tokenHash(accessToken),
    principal_kind: 'user',
    principal_id: caller.principalId,
    merchant_id: caller.merchantId,
    provider_id: caller.providerId,
    role: caller.role,
    terminal_id: null,
    expires_at: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    created_at: now.toISOString(),
  });
  await repo.insertRefreshToken(deps.db, {
    token_hash: tokenHash(refreshToken),
    api_client_id: apiClientId,
    user_id: caller.principalId,
    expires_at: new Date(now.getTime() + REFRESH_TTL_MS).toISOString(),
    used_at: null,
    created_at: now.toISOString(),
  });
  return { accessToken, refreshToken, expiresIn: ttlSeconds, caller };
}

/** INVALID_CLIENT (wrong client, secret or grant), INVALID_GRANT (wrong user or password), TOO_MANY_ATTEMPTS. */
export async function passwordGrant(
  deps: Deps,
  input: { clientId: string; clientSecret: string; username: string; password: string; ttlSeconds: number },
  address: string,
): Promise<Result<PasswordGrant>> {
  const client = await verifiedClient(deps, input.clientId, input.clientSecret, 'password');
  if (!client) return fail('INVALID_CLIENT');
  const user = await authenticatePassword(deps, input.username, input.password, address);
  if (!user.ok) return user.code === 'UNAUTHENTICATED' ? fail('INVALID_GRANT') : user;
  return ok(await mintPair(deps, client.id, user.value, input.ttlSeconds));
}

/** INVALID_CLIENT, or INVALID_REQUEST when the refresh token is unknown, expired, used or another client's. */
export async function refreshGrant(
  deps: Deps,
  input: { clientId: string; clientSecret: string; refreshToken: string; ttlSeconds: number },
): Promise<Result<PasswordGrant>> {
  const client = await verifiedClient(deps, input.clientId, input.clientSecret, 'refresh_token');
  if (!client) return fail('INVALID_CLIENT');
  const used = await repo.useRefreshToken(
    deps.db,
    tokenHash(input.refreshToken),
    client.id,
    deps.now().toISOString(),
  );
  const user = used ? await repo.findUserById(deps.db, used.user_id) : undefined;
  if (!user || !user.active || !isRole(user.role))
    return fail('INVALID_REQUEST', 'The refresh token is invalid.');
  const caller: Caller = {
    principalKind: 'user',
    principalId: user.id,
    merchantId: user.merchant_id,
    providerId: user.provider_id,
    role: user.role,
    terminalId: null,
  };
  return ok(await mintPair(deps, client.id, caller, input.ttlSeconds));
}
