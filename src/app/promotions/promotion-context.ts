/**
 * What evaluating a basket reads: the store (its region), the customer (type, segments), the coupons
 * presented (and why one cannot be used), the active map with its live limits and the day's exclusions, and
 * the limit counters of the subjects the basket touches. Shared by POST /v1/baskets/evaluate and the sale.
 */
import type { Kysely } from 'kysely';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { minorDigits } from '../../core/money/money.js';
import type {
  Basket,
  BasketLine,
  BasketPayment,
  LimitState,
  PresentedCoupon,
} from '../../core/promotions/basket.js';
import { localTime } from '../../core/promotions/local-time.js';
import { findCoupons, type CouponRow } from '../../db/repos/coupons.repo.js';
import { countersOf } from '../../db/repos/limits.repo.js';
import { customerTypeOf, segmentsOfCustomer } from '../../db/repos/segments.repo.js';
import { findMerchantById, findStore } from '../../db/repos/tenancy.repo.js';
import type { DB } from '../../db/schema/index.js';
import { coversStore, loadActiveMap, type ActiveMap } from './promotion-maps.js';

export interface BasketInput {
  storeCode: string;
  terminalCode?: string | null | undefined;
  date: string;
  customerId: string | null;
  contract?: string | null | undefined;
  coupons: readonly string[];
  lines: BasketLine[];
  payments: BasketPayment[];
}

export interface PromotionContext {
  basket: Basket;
  active: ActiveMap | null;
  limitState: LimitState;
  coupons: CouponRow[];
}

function refusal(c: CouponRow, instant: string, customerId: string | null): string | null {
  if (c.status === 'voided') return 'it is voided';
  if (c.status === 'consumed' || c.used_times >= c.max_uses) return 'it is already used';
  if (c.valid_from > instant) return `it is valid from ${c.valid_from}`;
  if (c.valid_to !== null && c.valid_to < instant) return `it expired on ${c.valid_to}`;
  if (c.customer_id !== null && c.customer_id !== customerId) return 'it belongs to another customer';
  return null;
}

export async function loadPromotionContext(
  db: Kysely<DB>,
  merchantId: string,
  input: BasketInput,
  now: string,
): Promise<Result<PromotionContext>> {
  const local = localTime(input.date);
  if (!local || Number.isNaN(Date.parse(input.date)))
    return fail('VALIDATION_FAILED', 'date must be an RFC 3339 date-time.');
  const instant = new Date(input.date).toISOString();
  const [store, merchant] = await Promise.all([
    findStore(db, merchantId, { code: input.storeCode }),
    findMerchantById(db, merchantId),
  ]);
  if (!store) return fail('STORE_NOT_FOUND', `No store has the code "${input.storeCode}".`);
  const barcodes = [...new Set(input.coupons)];
  const active = await loadActiveMap(db, merchantId, local.date, input.storeCode);
  // The customer's segments and type and the limit counters only matter to a map's conditions: without an
  // active map that covers the store (most sales of a merchant that runs no promotions, or a map of other
  // stores) they are not read.
  const covers = active !== null && coversStore(active, input.storeCode);
  const customerId = covers ? input.customerId : null;
  const [coupons, segments, customer] = await Promise.all([
    findCoupons(db, merchantId, barcodes),
    customerId ? segmentsOfCustomer(db, merchantId, customerId) : Promise.resolve([]),
    customerId ? customerTypeOf(db, merchantId, customerId) : Promise.resolve(null),
  ]);
  const byBarcode = new Map(coupons.map((c) => [c.barcode, c]));
  const missing = barcodes.find((b) => !byBarcode.has(b));
  if (missing !== undefined) return fail('COUPON_NOT_FOUND', `No coupon has the barcode ${missing}.`);
  const presented: PresentedCoupon[] = barcodes.map((b) => {
    const c = byBarcode.get(b)!;
    return { barcode: b, couponType: c.coupon_type, refusal: refusal(c, instant, input.customerId) };
  });
  const limitIds = covers ? active.map.limits.map((l) => l.id) : [];
  const subjects = [input.customerId, input.storeCode, '-'].filter((s): s is string => s !== null);
  const counters = await countersOf(db, limitIds, subjects);
  const limitState: LimitState = new Map(
    counters.map((c) => [`${c.limit_id}|${c.subject}`, { used: Number(c.used), nextReset: c.next_reset }]),
  );
  const basket: Basket = {
    storeCode: input.storeCode,
    terminalCode: input.terminalCode ?? null,
    region: store.region,
    date: input.date,
    customerId: input.customerId,
    customerType: customer,
    segments,
    contract: input.contract ?? null,
    coupons: presented,
    lines: input.lines,
    payments: input.payments,
    minorPerUnit: 10 ** minorDigits(merchant?.currency ?? 'EUR'),
  };
  void now;
  return ok({ basket, active, limitState, coupons });
}
