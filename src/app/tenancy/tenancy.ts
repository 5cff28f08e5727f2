import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import { insertClient, insertUser } from '../../db/repos/principals.repo.js';
import {
  findMerchantBySlug as merchantBySlug,
  insertMerchant,
  insertProvider,
  insertStore,
  insertTerminal,
} from '../../db/repos/tenancy.repo.js';
import { hashSecret } from '../auth/secrets.js';
import type { Deps, Role } from '../context.js';
import { newId, newSecret } from '../ids.js';

export async function createProvider(deps: Deps, input: { code: string; name: string }) {
  const id = newId('prv');
  await insertProvider(deps.db, {
    id,
    code: input.code,
    name: input.name,
    api_key: null,
    created_at: deps.now().toISOString(),
  });
  return { id, ...input };
}

export async function createMerchant(
  deps: Deps,
  input: { slug: string; name: string; currency?: string; providerId?: string | null },
) {
  const id = newId('mer');
  const currency = input.currency ?? 'EUR';
  await insertMerchant(deps.db, {
    id,
    provider_id: input.providerId ?? null,
    slug: input.slug,
    name: input.name,
    currency,
    next_customer_ref: 1,
    created_at: deps.now().toISOString(),
  });
  return { id, slug: input.slug, name: input.name, currency };
}

export function findMerchantBySlug(deps: Deps, slug: string) {
  return merchantBySlug(deps.db, slug);
}

export async function createStore(
  deps: Deps,
  input: { merchantId: string; code: string; name: string; region?: string | null },
) {
  const id = newId('sto');
  await insertStore(deps.db, {
    id,
    merchant_id: input.merchantId,
    code: input.code,
    name: input.name,
    region: input.region ?? null,
    time_zone: null,
    currency: null,
    created_at: deps.now().toISOString(),
  });
  return { id, ...input };
}

export async function createTerminal(
  deps: Deps,
  input: { merchantId: string; storeId: string; code: string; name: string },
) {
  const id = newId('trm');
  await insertTerminal(deps.db, {
    id,
    merchant_id: input.merchantId,
    store_id: input.storeId,
    code: input.code,
    name: input.name,
    created_at: deps.now().toISOString(),
  });
  return { id, ...input };
}

export interface NewUser {
  login: string;
  password: string;
  role: Role;
  merchantId?: string | null;
  providerId?: string | null;
  email?: string | null;
}

export async function createUser(deps: Deps, input: NewUser): Promise<Result<{ id: string; login: string }>> {
  const id = newId('usr');
  const login = input.login.trim().toLowerCase();
  if (input.password.length < 4)
    return fail('VALIDATION_FAILED', 'The password needs at least 4 characters.');
  try {
    await insertUser(deps.db, {
      id,
      merchant_id: input.merchantId ?? null,
      provider_id: input.providerId ?? null,
      login,
      email: input.email ?? null,
      password_hash: await hashSecret(input.password),
      role: input.role,
      log_full: 0,
      active: 1,
      created_at: deps.now().toISOString(),
    });
  } catch (error) {
    if (isDuplicate(error)) return fail('LOGIN_TAKEN');
    throw error;
  }
  return ok({ id, login });
}

export interface NewClient {
  name: string;
  role: Role;
  merchantId?: string | null;
  providerId?: string | null;
  clientId?: string;
  clientSecret?: string;
  logFull?: boolean;
}

/** Creates an API client; the secret is returned once and stored only as a hash. */
export async function createApiClient(
  deps: Deps,
  input: NewClient,
): Promise<Result<{ id: string; clientId: string; clientSecret: string }>> {
  const id = newId('cli');
  const clientId = input.clientId ?? `cli-${newSecret(9)}`;
  const clientSecret = input.clientSecret ?? newSecret(24);
  try {
    await insertClient(deps.db, {
      id,
      client_id: clientId,
      secret_hash: await hashSecret(clientSecret),
      name: input.name,
      merchant_id: input.merchantId ?? null,
      provider_id: input.providerId ?? null,
      role: input.role,
      log_full: input.logFull ? 1 : 0,
      active: 1,
      created_at: deps.now().toISOString(),
    });
  } catch (error) {
    if (isDuplicate(error)) return fail('LOGIN_TAKEN', 'This client_id is already used.');
    throw error;
  }
  return ok({ id, clientId, clientSecret });
}
