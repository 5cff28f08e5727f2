/** The promotion reads of a sale (the active map, the counters, the coupons presented) and its answer's view. */
import type { Result } from '../../core/error-catalog.js';
import { ok } from '../../core/error-catalog.js';
import type { BasketPayment } from '../../core/promotions/basket.js';
import type { SalePromotionContext } from '../../core/sales/plan-promotions.js';
import type { StoredPromotions } from '../../core/sales/stored-sale.js';
import type { Tx } from '../../db/transaction.js';
import { loadPromotionContext } from './promotion-context.js';
import { activeMapStores, coversStore } from './promotion-maps.js';

export async function loadSalePromotions(
  tx: Tx,
  merchantId: string,
  place: { storeCode: string; terminalCode: string | null },
  input: {
    date: string;
    customerId: string | null;
    coupons: string[];
    payments: BasketPayment[];
    now: string;
  },
): Promise<Result<SalePromotionContext | null>> {
  // Most sales of a merchant that runs no promotions: without an active map and without coupons presented
  // (an unknown coupon is refused even then) there is nothing more to read.
  const stores = input.coupons.length === 0 ? await activeMapStores(tx, merchantId) : [];
  if (!stores) return ok(null);
  // A map limited to other stores: nothing of it is read (coupons presented are still checked below).
  if (input.coupons.length === 0 && stores.length > 0 && !stores.includes(place.storeCode)) return ok(null);
  const loaded = await loadPromotionContext(
    tx,
    merchantId,
    {
      storeCode: place.storeCode,
      terminalCode: place.terminalCode,
      date: input.date,
      customerId: input.customerId,
      coupons: input.coupons,
      lines: [],
      payments: input.payments,
    },
    input.now,
  );
  if (!loaded.ok) return loaded;
  const { basket, active, limitState } = loaded.value;
  // No map, or a map limited to other stores: the sale posts as without promotions (nothing recorded).
  if (!active || !coversStore(active, place.storeCode)) return ok(null);
  const { lines: _lines, ...header } = basket;
  void _lines;
  return ok({ header, map: active.map, limitState, validityAfterVoid: active.validityAfterVoid });
}

export function promotionsView(p: StoredPromotions) {
  return {
    mapVersion: p.mapVersion,
    totalDiscount: p.totalDiscount,
    points: p.points,
    applied: p.applied.map((a) => ({
      nro: a.nro,
      code: a.code,
      benefit: a.benefit,
      discount: a.discount,
      points: a.points,
      lines: a.lines,
      couponsRedeemed: a.couponsRedeemed,
      couponsIssued: a.couponsIssued,
      messages: a.messages,
    })),
    lineDiscounts: p.lineDiscounts,
  };
}
