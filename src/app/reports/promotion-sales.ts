/**
 * What promotions gave sales, read back from the sales' stored plans (the promotions report, the limit
 * statements): each sale with its lines and the promotions applied, and the counters of limits.
 */
import { parseStoredSalePlan, type StoredPromotions } from '../../core/sales/stored-sale.js';
import type { SaleLine } from '../../core/rules/index.js';
import { countersOfLimits, salesWithPromotions } from '../../db/repos/promotion-sales.repo.js';
import type { Deps } from '../context.js';

export interface PromotionSale {
  id: string;
  receipt: string;
  soldAt: string;
  status: string;
  storeCode: string;
  storeName: string;
  terminalCode: string | null;
  customerCode: string | null;
  lines: SaleLine[];
  promotions: StoredPromotions;
}

export async function promotionSales(
  deps: Deps,
  merchantId: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    storeCode?: string | undefined;
    limitUse?: boolean;
  },
): Promise<PromotionSale[]> {
  const rows = await salesWithPromotions(deps.db, merchantId, q);
  const out: PromotionSale[] = [];
  for (const r of rows) {
    const plan = parseStoredSalePlan(r.plan);
    if (!plan?.promotions) continue;
    out.push({
      id: r.id,
      receipt: r.receipt,
      soldAt: r.sold_at,
      status: r.status,
      storeCode: r.store_code,
      storeName: r.store_name,
      terminalCode: r.terminal_code,
      customerCode: r.customer_code,
      lines: JSON.parse(r.lines) as SaleLine[],
      promotions: plan.promotions,
    });
  }
  return out;
}

export async function limitCounters(deps: Deps, limitIds: readonly string[]) {
  const rows = await countersOfLimits(deps.db, limitIds);
  return rows.map((r) => ({
    limitId: r.limit_id,
    subject: r.subject,
    used: Number(r.used),
    nextReset: r.next_reset,
  }));
}
