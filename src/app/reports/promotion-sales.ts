/**
 * What promotions gave sales, read back from the sales' stored plans (the promotions report, the limit
 * statements): each sale with its lines, the promotions applied and what its returns and its cancellation
 * took back of its lines, and the counters of limits.
 */
import { parseStoredSalePlan, type StoredPromotions } from '../../core/sales/stored-sale.js';
import { purchaseLines } from '../../core/sales/returned-lines.js';
import type { SaleLine } from '../../core/rules/index.js';
import {
  countersOfLimits,
  returnsOfSales,
  salesWithPromotions,
} from '../../db/repos/promotion-sales.repo.js';
import type { Deps } from '../context.js';

/** A return (its receipt) or the cancellation of the sale, and what it took of each purchase line. */
export interface SaleReversal {
  kind: 'return' | 'cancel';
  receipt: string;
  at: string;
  lines: { lineNo: number; amount: number }[];
}

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
  /** Oldest first; a cancellation is last and takes what the returns left of each line. */
  reversals: SaleReversal[];
}

function returnedLines(result: string): { lineNo: number; amount: number }[] {
  const parsed = JSON.parse(result) as { lines?: { lineNo: number; amount: number }[] };
  return Array.isArray(parsed.lines) ? parsed.lines : [];
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
  const returns = await returnsOfSales(
    deps.db,
    rows.map((r) => r.id),
  );
  const out: PromotionSale[] = [];
  for (const r of rows) {
    const plan = parseStoredSalePlan(r.plan);
    if (!plan?.promotions) continue;
    const lines = JSON.parse(r.lines) as SaleLine[];
    const reversals: SaleReversal[] = returns
      .filter((x) => x.sale_id === r.id)
      .map((x) => ({ kind: 'return', receipt: x.receipt, at: x.created_at, lines: returnedLines(x.result) }));
    if (r.status === 'cancelled') {
      const taken = new Map<number, number>();
      for (const x of reversals)
        for (const l of x.lines) taken.set(l.lineNo, (taken.get(l.lineNo) ?? 0) + l.amount);
      reversals.push({
        kind: 'cancel',
        receipt: r.receipt,
        at: r.cancelled_at ?? r.sold_at,
        lines: purchaseLines(lines)
          .map((l) => ({ lineNo: l.lineNo, amount: l.amount - (taken.get(l.lineNo) ?? 0) }))
          .filter((l) => l.amount > 0),
      });
    }
    out.push({
      id: r.id,
      receipt: r.receipt,
      soldAt: r.sold_at,
      status: r.status,
      storeCode: r.store_code,
      storeName: r.store_name,
      terminalCode: r.terminal_code,
      customerCode: r.customer_code,
      lines,
      promotions: plan.promotions,
      reversals,
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
