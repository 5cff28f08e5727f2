/** A customer's most recent sales with the codes of their store, terminal and card (newest first). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export interface RecentSale {
  receipt: string;
  storeCode: string;
  terminalCode: string | null;
  cardNumber: string | null;
  soldAt: string;
  status: string;
  totalMinor: number;
  lines: { amount: number; quantity: number; discountPercent?: number; operation?: string }[];
  payments: { method?: string; amount?: number }[];
  earnedPoints: number;
  redeemedPoints: number;
  vouchersUsed: number;
  /** From the stored plan: the promotion map version that evaluated the sale, and what its promotions did. */
  promotions: {
    mapVersion: number;
    discount: number;
    points: number;
    couponsIssued: number;
    couponsRedeemed: number;
  } | null;
}

interface StoredPromotionsPart {
  promotions?: {
    mapVersion: number;
    totalDiscount: number;
    points: number;
    applied: { couponsIssued: string[]; couponsRedeemed: string[] }[];
  };
}

export async function recentSales(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
  count: number,
): Promise<RecentSale[]> {
  const rows = await db
    .selectFrom('sales as s')
    .innerJoin('stores as st', 'st.id', 's.store_id')
    .leftJoin('terminals as t', 't.id', 's.terminal_id')
    .leftJoin('cards as c', 'c.id', 's.card_id')
    .select([
      's.id',
      's.receipt',
      's.sold_at',
      's.status',
      's.total_minor',
      's.lines',
      's.payments',
      's.earned_points',
      's.redeemed_points',
      's.plan',
      'st.code as store_code',
      't.code as terminal_code',
      'c.number as card_number',
    ])
    .where('s.merchant_id', '=', merchantId)
    .where('s.customer_id', '=', customerId)
    .orderBy('s.sold_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(count)
    .execute();
  const uses = rows.length
    ? await db
        .selectFrom('voucher_uses')
        .select(['sale_id'])
        .where(
          'sale_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const parse = <T>(text: string | null, fallback: T): T => {
    try {
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      return fallback;
    }
  };
  return rows.map((r) => ({
    receipt: r.receipt,
    storeCode: r.store_code,
    terminalCode: r.terminal_code ?? null,
    cardNumber: r.card_number ?? null,
    soldAt: r.sold_at,
    status: r.status,
    totalMinor: Number(r.total_minor),
    lines: parse(r.lines, []),
    payments: parse(r.payments, []) ?? [],
    earnedPoints: Number(r.earned_points),
    redeemedPoints: Number(r.redeemed_points),
    vouchersUsed: uses.filter((u) => u.sale_id === r.id).length,
    promotions: promotionsOf(parse<StoredPromotionsPart>(r.plan, {})),
  }));
}

function promotionsOf(plan: StoredPromotionsPart): RecentSale['promotions'] {
  const p = plan.promotions;
  if (!p) return null;
  const applied = p.applied;
  const count = (pick: (a: (typeof applied)[number]) => string[]) =>
    applied.reduce((n, a) => n + pick(a).length, 0);
  return {
    mapVersion: p.mapVersion,
    discount: p.totalDiscount,
    points: p.points,
    couponsIssued: count((a) => a.couponsIssued),
    couponsRedeemed: count((a) => a.couponsRedeemed),
  };
}
