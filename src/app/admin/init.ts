import { checkPassword } from '../../core/admin/password-policy.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as principals from '../../db/repos/principals.repo.js';
import * as repo from '../../db/repos/tenancy.repo.js';
import type { Deps, Role } from '../context.js';
import { addClient } from './clients.js';
import { addMerchant, checkSlug, type MerchantView } from './merchants.js';
import { addUser } from './users.js';

export interface InitInput {
  merchant: { slug: string; name: string; currency?: string | undefined };
  admin: { login: string; password: string };
  /** An API client to create with the merchant (a till, a web shop). */
  client?: { name: string; role: Role } | undefined;
}

export interface InitReport {
  merchant: MerchantView & { created: boolean };
  admin: { login: string; created: boolean };
  client?: { name: string; created: boolean; clientId: string; clientSecret?: string };
}

/**
 * First start of a production database: the merchant, its administrator and optionally an API client.
 * Safe to re-run: what exists is kept as it is (an existing administrator's password is not changed, an
 * existing client's secret is not shown again), and only what is missing is created.
 */
export async function initialize(deps: Deps, input: InitInput): Promise<Result<InitReport>> {
  // Refuse a weak password before creating anything, so a failed first run leaves nothing half made.
  const password = checkPassword(input.admin.password, input.admin.login.trim().toLowerCase());
  if (!password.ok) return fail('PASSWORD_TOO_WEAK', password.message);
  const slug = checkSlug(input.merchant.slug);
  if (!slug.ok) return slug;
  const existing = await repo.findMerchantBySlug(deps.db, input.merchant.slug);
  let merchant: InitReport['merchant'];
  if (existing) {
    merchant = {
      id: existing.id,
      slug: existing.slug,
      name: existing.name,
      currency: existing.currency,
      providerId: existing.provider_id,
      createdAt: existing.created_at,
      created: false,
    };
  } else {
    const added = await addMerchant(deps, null, input.merchant);
    if (!added.ok) return added;
    merchant = { ...added.value, created: true };
  }

  const login = input.admin.login.trim().toLowerCase();
  const users = await principals.listUsers(deps.db, merchant.id);
  let admin: InitReport['admin'];
  if (users.some((u) => u.login === login)) {
    admin = { login, created: false };
  } else {
    const user = await addUser(deps, { merchantId: merchant.id }, { ...input.admin, role: 'administrator' });
    if (!user.ok) {
      if (user.code === 'LOGIN_TAKEN')
        return fail(
          'LOGIN_TAKEN',
          `The login "${login}" belongs to another merchant; choose another --admin.`,
        );
      return user;
    }
    admin = { login: user.value.login, created: true };
  }

  const report: InitReport = { merchant, admin };
  if (input.client) {
    const clients = await principals.listClients(deps.db, merchant.id);
    const same = clients.find((c) => c.name === input.client!.name);
    if (same) {
      report.client = { name: same.name, created: false, clientId: same.client_id };
    } else {
      const client = await addClient(deps, merchant.id, input.client);
      if (!client.ok) return client;
      report.client = {
        name: client.value.name,
        created: true,
        clientId: client.value.clientId,
        clientSecret: client.value.clientSecret,
      };
    }
  }
  return ok(report);
}
