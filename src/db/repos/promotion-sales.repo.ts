/**
 * Sales whose stored plan holds what a promotion map gave them (the promotions report and the limit
 * statements read them), with their store, terminal and customer codes, oldest first; and the returns
 * recorded against them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export interface PromotionSaleRow {
  id: string;
  receipt: string;
  sold_at: string;
  status: string;
  cancelled_at: string | null;
  lines: string;
  plan: string | null;
  store_code: string;
  store_name: string;
  terminal_code: string | null;
  customer_code: string | null;
}

/**
 * With `from`/`to`: the sales sold in [from, to), and those that a return or their cancellation touched
 * then (a cancellation recorded before 0030 has no date of its own: it counts at the sale's).
 */
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
      's.cancelled_at',
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
  if (q.from || q.to) {
    const { from, to } = q;
    query = query.where((eb) => {
      const within = (column: 's.sold_at' | 's.cancelled_at') =>
        eb.and([...(from ? [eb(column, '>=', from)] : []), ...(to ? [eb(column, '<', to)] : [])]);
      let returns = eb.selectFrom('sale_returns as r').select('r.id').whereRef('r.sale_id', '=', 's.id');
      if (from) returns = returns.where('r.created_at', '>=', from);
      if (to) returns = returns.where('r.created_at', '<', to);
      return eb.or([within('s.sold_at'), within('s.cancelled_at'), eb.exists(returns)]);
    });
  }
  if (q.storeCode) query = query.where('st.code', '=', q.storeCode);
  return query.orderBy('s.sold_at').orderBy('s.id').execute() as Promise<PromotionSaleRow[]>;
}

/** The returns of these sales (receipt, date, the answer that lists what each took per line), oldest first. */
export function returnsOfSales(db: Kysely<DB>, saleIds: readonly string[]) {
  if (saleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sale_returns')
    .select(['sale_id', 'receipt', 'created_at', 'result'])
    .where('sale_id', 'in', saleIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
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
