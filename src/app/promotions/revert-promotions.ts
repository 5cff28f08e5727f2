/**
 * Writing what a return or a cancellation gives back of a sale's promotions (planned by planReversal from
 * the sale's stored plan, within its map's validity-after-void): limits given back (within the period they
 * were consumed in), coupons it redeemed restored, coupons it issued voided when still unused. Promotion
 * points sit in the sale's earn lot and go back with the points of the reversal.
 */
import type { PromotionsTaken } from '../../core/sales/reversal-promotions.js';
import * as coupons from '../../db/repos/coupons.repo.js';
import { giveBackLimit } from '../../db/repos/limits.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';

export async function givePromotionsBack(
  tx: Tx,
  sale: { id: string; merchant_id: string },
  taken: PromotionsTaken,
  now: string,
): Promise<{ couponsVoided: string[]; couponsRestored: string[] }> {
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
  for (const l of taken.limits)
    await giveBackLimit(tx, {
      limitId: l.limitId,
      subject: l.subject,
      n: l.amount,
      nextReset: l.nextReset,
      now,
    });
  const couponsRestored: string[] = [];
  for (const barcode of taken.couponsRestored) {
    const c = await coupons.findCoupon(tx, sale.merchant_id, barcode);
    if (c && (await coupons.restoreCoupon(tx, c.id, now))) {
      await event(c.id, 'RESTORE');
      couponsRestored.push(barcode);
    }
  }
  const couponsVoided: string[] = [];
  for (const barcode of taken.couponsVoided) {
    const c = await coupons.findCoupon(tx, sale.merchant_id, barcode);
    if (c && (await coupons.voidUnusedCoupon(tx, c.id, now))) {
      await event(c.id, 'VOID');
      couponsVoided.push(barcode);
    }
  }
  return { couponsVoided, couponsRestored };
}
