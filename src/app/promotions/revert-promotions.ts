/**
 * Cancelling a sale within its map's validity-after-void reverts exactly what its stored plan recorded of
 * the promotions: limits given back (within the period they were consumed in), coupons it redeemed restored,
 * coupons it issued voided. Promotion points sit in the sale's earn lot and go back with it.
 */
import { parseStoredSalePlan } from '../../core/sales/stored-sale.js';
import * as coupons from '../../db/repos/coupons.repo.js';
import { giveBackLimit } from '../../db/repos/limits.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';

const DAY = 86_400_000;

export async function revertSalePromotions(
  tx: Tx,
  sale: { id: string; merchant_id: string; plan: string | null; sold_at: string },
  now: string,
): Promise<{ reverted: boolean }> {
  const promotions = parseStoredSalePlan(sale.plan)?.promotions;
  if (!promotions || promotions.applied.length === 0) return { reverted: false };
  if (Date.parse(now) > Date.parse(sale.sold_at) + promotions.validityAfterVoid * DAY)
    return { reverted: false };
  const event = async (couponId: string, action: string) =>
    coupons.insertCouponHistory(tx, [
      {
        id: newId('cph'),
        coupon_id: couponId,
        merchant_id: sale.merchant_id,
        action,
        at: now,
        sale_id: sale.id,
        store_code: null,
        terminal_code: null,
        transaction_id: null,
      },
    ]);
  for (const a of promotions.applied) {
    for (const l of a.limits)
      await giveBackLimit(tx, {
        limitId: l.limitId,
        subject: l.subject,
        n: l.amount,
        nextReset: l.nextReset,
        now,
      });
    for (const barcode of a.couponsRedeemed) {
      const c = await coupons.findCoupon(tx, sale.merchant_id, barcode);
      if (c && (await coupons.restoreCoupon(tx, c.id, now))) await event(c.id, 'RESTORE');
    }
    for (const barcode of a.couponsIssued) {
      const c = await coupons.findCoupon(tx, sale.merchant_id, barcode);
      if (c && (await coupons.voidCoupon(tx, c.id, now))) await event(c.id, 'VOID');
    }
  }
  return { reverted: true };
}
