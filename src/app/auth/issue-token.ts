import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/auth.repo.js';
import { isRole, type Caller, type Deps, type Role } from '../context.js';
import { newSecret } from '../ids.js';
import { DUMMY_HASH, tokenHash, verifySecret } from './secrets.js';
import { isPrincipalActive, knownPrincipalStatus } from './principal-status.js';
import { throttled } from './throttle.js';
import { findTokenCached, forgetToken, knownToken } from './token-cache.js';

export interface TokenGrant {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  caller: Caller;
}

export type TokenRequest =
  | { grantType: 'client_credentials'; clientId: string; clientSecret: string }
  | { grantType: 'password'; username: string; password: string; terminal?: string | undefined };

async function mint(deps: Deps, caller: Caller): Promise<TokenGrant> {
  const token = newSecret();
  const now = deps.now();
  const ttl = deps.config.tokenTtlSeconds;
  await repo.insertToken(deps.db, {
    token_hash: tokenHash(token),
    principal_kind: caller.principalKind,
    principal_id: caller.principalId,
    merchant_id: caller.merchantId,
    provider_id: caller.providerId,
    role: caller.role,
    terminal_id: caller.terminalId,
    expires_at: new Date(now.getTime() + ttl * 1000).toISOString(),
    created_at: now.toISOString(),
  });
  return { accessToken: token, tokenType: 'Bearer', expiresIn: ttl, caller };
}

/** The active user with this login and password, or undefined; unknown logins cost as much as known ones. */
async function verifiedUser(deps: Deps, username: string, password: string) {
  const user = await repo.findUserByLogin(deps.db, username.toLowerCase());
  const valid = await verifySecret(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || !user.active || !isRole(user.role)) return undefined;
  return { ...user, role: user.role };
}

export async function issueToken(
  deps: Deps,
  request: TokenRequest,
  address: string,
): Promise<Result<TokenGrant>> {
  if (request.grantType === 'client_credentials') {
    return throttled(deps, `client:${request.clientId}`, address, async () => {
      const client = await repo.findClientByClientId(deps.db, request.clientId);
      const valid = await verifySecret(request.clientSecret, client?.secret_hash ?? DUMMY_HASH);
      if (!client || !valid || !client.active || !isRole(client.role)) return fail('INVALID_CLIENT');
      return ok(
        await mint(deps, {
          principalKind: 'client',
          principalId: client.id,
          merchantId: client.merchant_id,
          providerId: client.provider_id,
          role: client.role,
          terminalId: null,
        }),
      );
    });
  }
  return throttled(deps, `user:${request.username.toLowerCase()}`, address, async () => {
    const user = await verifiedUser(deps, request.username, request.password);
    if (!user) return fail('INVALID_GRANT');
    let terminalId: string | null = null;
    if (request.terminal !== undefined && request.terminal !== '') {
      const terminal = user.merchant_id
        ? await repo.findTerminalByCode(deps.db, user.merchant_id, request.terminal)
        : undefined;
      if (!terminal) return fail('INVALID_GRANT', `Terminal "${request.terminal}" is unknown for this user.`);
      terminalId = terminal.id;
    }
    return ok(
      await mint(deps, {
        principalKind: 'user',
        principalId: user.id,
        merchantId: user.merchant_id,
        providerId: user.provider_id,
        role: user.role,
        terminalId,
      }),
    );
  });
}

/**
 * Resolves a bearer token to its caller; unknown and expired tokens are told apart for the client's sake.
 * A token and principal read lately are answered without waiting (no promise): every authenticated request
 * asks, and a hook that needs not wait costs the request less.
 */
export function authenticateToken(deps: Deps, token: string): Result<Caller> | Promise<Result<Caller>> {
  const hash = tokenHash(token);
  const row = knownToken(deps.db, hash);
  const active = row ? knownPrincipalStatus(deps.db, row.principal_id) : undefined;
  if (row === undefined || active === undefined) return authenticateRead(deps, hash);
  const role = tokenRole(deps, hash, row);
  return role.ok ? callerOfToken(row, role.value, active) : role;
}

async function authenticateRead(deps: Deps, hash: string): Promise<Result<Caller>> {
  const row = await findTokenCached(deps.db, hash);
  if (!row) return fail('UNAUTHENTICATED', 'The access token is unknown.');
  // Refused for its role or its expiry before the principal is read: no query for a token already refused.
  const role = tokenRole(deps, hash, row);
  if (!role.ok) return role;
  return callerOfToken(row, role.value, await isPrincipalActive(deps.db, row.principal_id));
}

type TokenRow = NonNullable<ReturnType<typeof knownToken>>;

/** The token's role, or why it is refused whatever its principal (an unknown role, an expiry passed). */
function tokenRole(deps: Deps, hash: string, row: TokenRow): Result<Role> {
  if (!isRole(row.role)) return fail('UNAUTHENTICATED', 'The access token is unknown.');
  if (Date.parse(row.expires_at) <= deps.now().getTime()) {
    forgetToken(deps.db, hash);
    return fail('TOKEN_EXPIRED');
  }
  return ok(row.role);
}

function callerOfToken(row: TokenRow, role: Role, active: boolean): Result<Caller> {
  if (!active) return fail('UNAUTHENTICATED', 'The client or user of this token is deactivated.');
  return ok({
    principalKind: row.principal_kind === 'user' ? 'user' : 'client',
    principalId: row.principal_id,
    merchantId: row.merchant_id,
    providerId: row.provider_id,
    role,
    terminalId: row.terminal_id,
  });
}

/** Verifies a login and password directly (HTTP Basic schemes of the dialects), throttled like a token request. */
export async function authenticatePassword(
  deps: Deps,
  username: string,
  password: string,
  address: string,
): Promise<Result<Caller>> {
  return throttled(deps, `user:${username.toLowerCase()}`, address, async () => {
    const user = await verifiedUser(deps, username, password);
    if (!user) return fail('UNAUTHENTICATED', 'Wrong login or password.');
    return ok({
      principalKind: 'user',
      principalId: user.id,
      merchantId: user.merchant_id,
      providerId: user.provider_id,
      role: user.role,
      terminalId: null,
    });
  });
}
