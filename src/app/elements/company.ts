/** A merchant as a company of an integrating system: its code (slug) and the time zone of its day dates. */
import { findAliasTarget } from '../../db/repos/aliases.repo.js';
import { findCompany } from '../../db/repos/customer-details.repo.js';
import type { Deps } from '../context.js';

export async function companyOf(
  deps: Deps,
  merchantId: string,
): Promise<{ merchantId: string; slug: string; zone: string | null } | undefined> {
  const company = await findCompany(deps.db, merchantId);
  return company ? { merchantId: company.merchantId, slug: company.slug, zone: company.zone } : undefined;
}

/** Another code the merchant is known by to an integrating system (e.g. a numeric company id). */
export async function isCompanyCode(deps: Deps, merchantId: string, code: string): Promise<boolean> {
  return (await findAliasTarget(deps.db, merchantId, 'company-code', code)) === merchantId;
}
