/** A customer's coupons still usable now (active, within validity), each with its full history. */
import { usableCouponsOf } from '../../db/repos/coupons.repo.js';
import type { Deps } from '../context.js';
import { couponRecord, type CouponRecord } from './coupon-events.js';

export async function usableCoupons(
  deps: Deps,
  merchantId: string,
  customerId: string,
): Promise<CouponRecord[]> {
  const barcodes = await usableCouponsOf(deps.db, merchantId, customerId, deps.now().toISOString());
  const out: CouponRecord[] = [];
  for (const barcode of barcodes) {
    const c = await couponRecord(deps, merchantId, barcode);
    if (c) out.push(c);
  }
  return out;
}
