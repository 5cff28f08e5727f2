/** A merchant as a company of an integrating system: its code (slug) and the time zone of its day dates. */
import { findCompany } from '../../db/repos/customer-details.repo.js';
import type { Deps } from '../context.js';

export async function companyOf(
  deps: Deps,
  merchantId: string,
): Promise<{ merchantId: string; slug: string; zone: string | null } | undefined> {
  const company = await findCompany(deps.db, merchantId);
  return company ? { merchantId: company.merchantId, slug: company.slug, zone: company.zone } : undefined;
}
