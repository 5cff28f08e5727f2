/**
 * Coupons as integrating systems read them: one coupon with its full history (each event's store, terminal
 * and external transaction id), and coupon events by time range, action and holder, paged by offset.
 */
import { couponEvents as eventRows, historyWithTransactions } from '../../db/repos/coupon-events.repo.js';
import * as repo from '../../db/repos/coupons.repo.js';
import type { Deps } from '../context.js';

export interface CouponEvent {
  id: string;
  barcode: string;
  couponType: string;
  customerId: string | null;
  action: string;
  at: string;
  storeCode: string | null;
  terminalCode: string | null;
  transactionId: string | null;
  amount: number | null;
}

export interface CouponRecord {
  id: string;
  barcode: string;
  couponType: string;
  format: string;
  status: 'active' | 'consumed' | 'voided';
  usedTimes: number;
  maxUses: number;
  validFrom: string;
  validTo: string | null;
  customerId: string | null;
  amount: number | null;
  emitPromotion: string | null;
  transactionId: string | null;
  createdAt: string;
  history: Omit<CouponEvent, 'barcode' | 'couponType' | 'customerId' | 'amount'>[];
}

export async function couponRecord(
  deps: Deps,
  merchantId: string,
  barcode: string,
): Promise<CouponRecord | null> {
  const row = await repo.findCoupon(deps.db, merchantId, barcode);
  if (!row) return null;
  const history = await historyWithTransactions(deps.db, row.id);
  return {
    id: row.id,
    barcode: row.barcode,
    couponType: row.coupon_type,
    format: row.format,
    status: row.status as CouponRecord['status'],
    usedTimes: row.used_times,
    maxUses: row.max_uses,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    customerId: row.customer_id,
    amount: row.amount === null ? null : Number(row.amount),
    emitPromotion: row.emit_promotion,
    transactionId: row.transaction_id,
    createdAt: row.created_at,
    history: history.map((h) => ({
      id: h.id,
      action: h.action,
      at: h.at,
      storeCode: h.store_code,
      terminalCode: h.terminal_code,
      transactionId: h.transaction_id,
    })),
  };
}

export async function couponEvents(
  deps: Deps,
  merchantId: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    actions?: string[] | undefined;
    customerId?: string | undefined;
    skip: number;
    limit: number;
  },
): Promise<CouponEvent[]> {
  const rows = await eventRows(deps.db, merchantId, q);
  return rows.map((r) => ({
    id: r.id,
    barcode: r.barcode,
    couponType: r.coupon_type,
    customerId: r.customer_id,
    action: r.action,
    at: r.at,
    storeCode: r.store_code,
    terminalCode: r.terminal_code,
    transactionId: r.transaction_id,
    amount: r.amount === null ? null : Number(r.amount),
  }));
}
