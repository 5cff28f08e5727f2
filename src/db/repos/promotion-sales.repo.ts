/**
 * Sales whose stored plan holds what a promotion map gave them (the promotions report and the limit
 * statements read them), with their store, terminal and customer codes, oldest first.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export interface PromotionSaleRow {
  id: string;
  receipt: string;
  sold_at: string;
  status: string;
  lines: string;
  plan: string | null;
  store_code: string;
  store_name: string;
  terminal_code: string | null;
  customer_code: string | null;
}

export function salesWithPromotions(
  db: Kysely<DB>,
  merchantId: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    storeCode?: string | undefined;
    limitUse?: boolean;
  },
): Promise<PromotionSaleRow[]> {
  let query = db
    .selectFrom('sales as s')
    .innerJoin('stores as st', 'st.id', 's.store_id')
    .leftJoin('terminals as t', 't.id', 's.terminal_id')
    .leftJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      's.id',
      's.receipt',
      's.sold_at',
      's.status',
      's.lines',
      's.plan',
      'st.code as store_code',
      'st.name as store_name',
      't.code as terminal_code',
      'c.customer_code',
    ])
    .where('s.merchant_id', '=', merchantId)
    .where('s.plan', 'like', '%"promotions":{%');
  if (q.limitUse) query = query.where('s.plan', 'like', '%"limitId":%');
  if (q.from) query = query.where('s.sold_at', '>=', q.from);
  if (q.to) query = query.where('s.sold_at', '<', q.to);
  if (q.storeCode) query = query.where('st.code', '=', q.storeCode);
  return query.orderBy('s.sold_at').orderBy('s.id').execute() as Promise<PromotionSaleRow[]>;
}

/** The counters of limits (every subject), with what they used. */
export function countersOfLimits(db: Kysely<DB>, limitIds: readonly string[]) {
  if (limitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('limit_counters')
    .select(['limit_id', 'subject', 'used', 'next_reset'])
    .where('limit_id', 'in', limitIds)
    .execute();
}
