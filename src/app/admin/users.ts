import { checkPassword } from '../../core/admin/password-policy.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/principals.repo.js';
import { hashSecret } from '../auth/secrets.js';
import type { Caller, Deps, Role } from '../context.js';
import { newId } from '../ids.js';
import { revokeTokens } from './revoke-tokens.js';

export interface UserView {
  id: string;
  login: string;
  email: string | null;
  role: string;
  active: boolean;
  createdAt: string;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;
const view = (u: UserRow): UserView => ({
  id: u.id,
  login: u.login,
  email: u.email,
  role: u.role,
  active: u.active === 1,
  createdAt: u.created_at,
});

function policy(password: string, login: string) {
  const check = checkPassword(password, login);
  return check.ok
    ? undefined
    : fail('PASSWORD_TOO_WEAK', check.message, [detail('PASSWORD_TOO_WEAK', 'password', check.message)]);
}

/** Creates a person of the merchant (or of a provider) with a password that passes the policy. */
export async function addUser(
  deps: Deps,
  owner: { merchantId: string | null; providerId?: string | null },
  input: { login: string; password: string; role: Role; email?: string | null | undefined },
): Promise<Result<UserView>> {
  const login = input.login.trim().toLowerCase();
  if (login === '') return fail('VALIDATION_FAILED', 'The login must not be empty.');
  const weak = policy(input.password, login);
  if (weak) return weak;
  const row = {
    id: newId('usr'),
    merchant_id: owner.merchantId,
    provider_id: owner.providerId ?? null,
    login,
    email: input.email ?? null,
    password_hash: await hashSecret(input.password),
    role: input.role,
    log_full: 0,
    active: 1,
    created_at: deps.now().toISOString(),
  };
  try {
    await repo.insertUser(deps.db, row);
  } catch (error) {
    if (isDuplicate(error)) return fail('LOGIN_TAKEN', `The login "${login}" is already used.`);
    throw error;
  }
  return ok(view(row));
}

export async function listUsers(deps: Deps, merchantId: string): Promise<UserView[]> {
  return (await repo.listUsers(deps.db, merchantId)).map(view);
}

/**
 * Changes a user's role, e-mail or active flag. Deactivating revokes the user's tokens; an administrator may
 * not lock themselves out (deactivate themselves or drop their own administrator role).
 */
export async function updateUser(
  deps: Deps,
  caller: Pick<Caller, 'principalId'>,
  merchantId: string,
  id: string,
  input: { role?: Role | undefined; email?: string | null | undefined; active?: boolean | undefined },
): Promise<Result<UserView>> {
  const current = await repo.findUser(deps.db, merchantId, id);
  if (!current) return fail('USER_NOT_FOUND');
  if (
    id === caller.principalId &&
    (input.active === false || (input.role !== undefined && input.role !== current.role))
  )
    return fail('SELF_LOCKOUT');
  const changes: Parameters<typeof repo.updateUser>[3] = {};
  if (input.role !== undefined) changes.role = input.role;
  if (input.email !== undefined) changes.email = input.email;
  if (input.active !== undefined) changes.active = input.active ? 1 : 0;
  if (Object.keys(changes).length > 0) await repo.updateUser(deps.db, merchantId, id, changes);
  // A token carries the role it was issued with: a new role, like a deactivation, needs a new login.
  if (input.active === false || (input.role !== undefined && input.role !== current.role))
    await revokeTokens(deps, id);
  return ok(view({ ...current, ...changes }));
}

/** Sets a new password (checked against the policy) and revokes the user's tokens. */
export async function resetPassword(
  deps: Deps,
  merchantId: string,
  id: string,
  password: string,
): Promise<Result<{ id: string; tokensRevoked: number }>> {
  const current = await repo.findUser(deps.db, merchantId, id);
  if (!current) return fail('USER_NOT_FOUND');
  const weak = policy(password, current.login);
  if (weak) return weak;
  await repo.updateUser(deps.db, merchantId, id, { password_hash: await hashSecret(password) });
  return ok({ id, tokensRevoked: await revokeTokens(deps, id) });
}
