import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/principals.repo.js';
import { hashSecret } from '../auth/secrets.js';
import type { Deps, Role } from '../context.js';
import { newSecret } from '../ids.js';
import { createApiClient } from '../tenancy/tenancy.js';
import { revokeTokens } from './revoke-tokens.js';

export interface ClientView {
  id: string;
  clientId: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: string;
}

type ClientRow = NonNullable<Awaited<ReturnType<typeof repo.findClient>>>;
const view = (c: ClientRow): ClientView => ({
  id: c.id,
  clientId: c.client_id,
  name: c.name,
  role: c.role,
  active: c.active === 1,
  createdAt: c.created_at,
});

/** Creates an API client (a till, a web shop, a back-office job); its secret is returned this once only. */
export async function addClient(
  deps: Deps,
  merchantId: string,
  input: { name: string; role: Role; logFull?: boolean | undefined },
): Promise<Result<ClientView & { clientSecret: string }>> {
  const created = await createApiClient(deps, {
    name: input.name,
    role: input.role,
    merchantId,
    logFull: input.logFull ?? false,
  });
  if (!created.ok) return created;
  const row = await repo.findClient(deps.db, merchantId, created.value.id);
  if (!row) return fail('CLIENT_NOT_FOUND');
  return ok({ ...view(row), clientSecret: created.value.clientSecret });
}

export async function listClients(deps: Deps, merchantId: string): Promise<ClientView[]> {
  return (await repo.listClients(deps.db, merchantId)).map(view);
}

/** A new secret for the client (shown once); the old one stops working and the client's tokens are revoked. */
export async function rotateClientSecret(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<ClientView & { clientSecret: string; tokensRevoked: number }>> {
  const row = await repo.findClient(deps.db, merchantId, id);
  if (!row) return fail('CLIENT_NOT_FOUND');
  const clientSecret = newSecret(24);
  await repo.updateClient(deps.db, merchantId, id, { secret_hash: await hashSecret(clientSecret) });
  return ok({ ...view(row), clientSecret, tokensRevoked: await revokeTokens(deps, id) });
}

/** Deactivates (or reactivates) a client; deactivation revokes its tokens, so it is locked out at once. */
export async function setClientActive(
  deps: Deps,
  merchantId: string,
  id: string,
  active: boolean,
): Promise<Result<ClientView & { tokensRevoked: number }>> {
  const row = await repo.findClient(deps.db, merchantId, id);
  if (!row) return fail('CLIENT_NOT_FOUND');
  await repo.updateClient(deps.db, merchantId, id, { active: active ? 1 : 0 });
  const tokensRevoked = active ? 0 : await revokeTokens(deps, id);
  return ok({ ...view({ ...row, active: active ? 1 : 0 }), tokensRevoked });
}
