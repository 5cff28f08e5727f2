import { checkPassword } from '../../core/admin/password-policy.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/tenancy.repo.js';
import type { MerchantTable } from '../../db/schema/index.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { addUser } from './users.js';
import { checkCurrency, SLUG_PATTERN } from './validate.js';

export interface MerchantView {
  id: string;
  slug: string;
  name: string;
  currency: string;
  providerId: string | null;
  createdAt: string;
}

const view = (
  m: Pick<MerchantTable, 'id' | 'slug' | 'name' | 'currency' | 'provider_id' | 'created_at'>,
): MerchantView => ({
  id: m.id,
  slug: m.slug,
  name: m.name,
  currency: m.currency,
  providerId: m.provider_id,
  createdAt: m.created_at,
});

export function checkSlug(slug: string): Result<string> {
  if (new RegExp(SLUG_PATTERN).test(slug)) return ok(slug);
  return fail(
    'VALIDATION_FAILED',
    `The merchant slug "${slug}" must be 2 to 40 lower-case letters, digits and hyphens (e.g. acme-retail).`,
    [detail('VALIDATION_FAILED', 'slug', 'lower-case letters, digits and hyphens, 2 to 40')],
  );
}

/** Creates a merchant (a tenant), under a provider when one creates it. */
export async function addMerchant(
  deps: Deps,
  providerId: string | null,
  input: { slug: string; name: string; currency?: string | undefined },
): Promise<Result<MerchantView>> {
  const slug = checkSlug(input.slug);
  if (!slug.ok) return slug;
  if (input.name.trim() === '') return fail('VALIDATION_FAILED', 'The merchant name must not be empty.');
  const currency = checkCurrency(input.currency ?? 'EUR');
  if (!currency.ok) return currency;
  const row = {
    id: newId('mer'),
    provider_id: providerId,
    slug: slug.value,
    name: input.name.trim(),
    currency: currency.value,
    next_customer_ref: 1,
    created_at: deps.now().toISOString(),
  };
  try {
    await repo.insertMerchant(deps.db, row);
  } catch (error) {
    if (isDuplicate(error))
      return fail('MERCHANT_SLUG_TAKEN', `A merchant with the slug "${slug.value}" already exists.`);
    throw error;
  }
  return ok(view(row));
}

/** The merchants of a provider; with no provider (the command line, run by the operator), all of them. */
export async function listMerchants(deps: Deps, providerId: string | null): Promise<MerchantView[]> {
  const rows =
    providerId === null
      ? await repo.listAllMerchants(deps.db)
      : await repo.listMerchantsOfProvider(deps.db, providerId);
  return rows.map(view);
}

export async function findMerchant(deps: Deps, slug: string): Promise<MerchantView | undefined> {
  const row = await repo.findMerchantBySlug(deps.db, slug);
  return row ? view(row) : undefined;
}

/**
 * A provider creates a merchant and, optionally, its first administrator. The password is checked before
 * anything is written, so a refusal leaves nothing half made; a login already used elsewhere is the only
 * way the second step fails, and then the merchant is removed again.
 */
export async function addMerchantWithAdministrator(
  deps: Deps,
  providerId: string,
  input: {
    slug: string;
    name: string;
    currency?: string | undefined;
    administrator?: { login: string; password: string } | undefined;
  },
): Promise<Result<MerchantView & { administrator: { id: string; login: string } | null }>> {
  const admin = input.administrator;
  if (admin) {
    const check = checkPassword(admin.password, admin.login.trim().toLowerCase());
    if (!check.ok)
      return fail('PASSWORD_TOO_WEAK', check.message, [
        detail('PASSWORD_TOO_WEAK', 'administrator.password', check.message),
      ]);
  }
  const merchant = await addMerchant(deps, providerId, input);
  if (!merchant.ok || !admin) return merchant.ok ? ok({ ...merchant.value, administrator: null }) : merchant;
  const user = await addUser(deps, { merchantId: merchant.value.id }, { ...admin, role: 'administrator' });
  if (!user.ok) {
    await repo.deleteMerchant(deps.db, merchant.value.id);
    return user;
  }
  return ok({ ...merchant.value, administrator: { id: user.value.id, login: user.value.login } });
}
