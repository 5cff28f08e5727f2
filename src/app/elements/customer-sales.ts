/** A customer's most recent sales with the codes of their store, terminal and card (newest first). */
import { recentSales as recent, type RecentSale } from '../../db/repos/customer-sales.repo.js';
import type { Deps } from '../context.js';

export type { RecentSale } from '../../db/repos/customer-sales.repo.js';

export function recentSales(
  deps: Deps,
  merchantId: string,
  customerId: string,
  count: number,
): Promise<RecentSale[]> {
  return recent(deps.db, merchantId, customerId, count);
}
