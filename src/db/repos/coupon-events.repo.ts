/** Coupon events (coupon_history) with their coupon, filtered by time, action and holder, paged by offset. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export interface CouponEventFilter {
  from?: string | undefined;
  to?: string | undefined;
  actions?: readonly string[] | undefined;
  customerId?: string | undefined;
  /** 0-based rows to skip. */
  skip: number;
  limit: number;
}

export function couponEvents(db: Kysely<DB>, merchantId: string, f: CouponEventFilter) {
  let q = db
    .selectFrom('coupon_history as h')
    .innerJoin('coupons as c', 'c.id', 'h.coupon_id')
    .select([
      'h.id',
      'h.action',
      'h.at',
      'h.store_code',
      'h.terminal_code',
      'h.transaction_id',
      'c.barcode',
      'c.coupon_type',
      'c.customer_id',
      'c.amount',
    ])
    .where('h.merchant_id', '=', merchantId);
  if (f.from !== undefined) q = q.where('h.at', '>=', f.from);
  if (f.to !== undefined) q = q.where('h.at', '<', f.to);
  if (f.actions && f.actions.length > 0) q = q.where('h.action', 'in', f.actions);
  if (f.customerId !== undefined) q = q.where('c.customer_id', '=', f.customerId);
  return q.orderBy('h.at').orderBy('h.id').offset(f.skip).limit(f.limit).execute();
}

export function historyWithTransactions(db: Kysely<DB>, couponId: string) {
  return db
    .selectFrom('coupon_history')
    .selectAll()
    .where('coupon_id', '=', couponId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
