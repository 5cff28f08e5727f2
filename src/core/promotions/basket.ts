/** What evaluation reads (a basket, its customer, its coupons, the limit counters) and what it answers. */
import type { ItemAttribute, LimitCounter } from './model.js';

export type ItemAttributes = Partial<Record<ItemAttribute, string>>;

export interface BasketLine {
  sku: string;
  quantity: number;
  /** Minor units per unit. */
  unitPrice: number;
  attributes: ItemAttributes;
}

export interface BasketPayment {
  type: string;
  amount: number;
}

/** A coupon presented with the basket, as read from storage. */
export interface PresentedCoupon {
  barcode: string;
  couponType: string;
  /** Why it cannot be used (null: usable). */
  refusal: string | null;
}

export interface Basket {
  storeCode: string;
  terminalCode: string | null;
  region: string | null;
  /** RFC 3339; its local wall-clock (date, time, weekday) is the one validity is judged on. */
  date: string;
  customerId: string | null;
  customerType: string | null;
  segments: string[];
  contract: string | null;
  coupons: PresentedCoupon[];
  lines: BasketLine[];
  payments: BasketPayment[];
  /** Minor units per currency unit (100 for EUR): points rates are per currency unit. */
  minorPerUnit: number;
}

/** Counters keyed by `${limitId}|${subject}`. */
export type LimitState = ReadonlyMap<string, LimitCounter>;

export interface LineResult {
  index: number;
  sku: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  total: number;
}

export interface CouponIssue {
  type: string;
  quantity: number;
}

export interface LimitUse {
  limitId: string;
  subject: string;
  amount: number;
  max: number;
  periodDays: number | null;
  /** What the limit counts (reversals give count limits back only with the whole benefit). */
  type: 'count' | 'quantity' | 'amount';
}

export interface Offer {
  kind: 'RedeemPointsBenefit' | 'CatalogRedeemBenefit' | 'GiftBenefit';
  line: number | null;
  code: string | null;
  points: number;
  amount: number;
  quantity: number;
}

export interface AppliedPromotion {
  nro: string;
  code: string;
  name: string;
  benefit: string;
  discount: number;
  points: number;
  coupons: CouponIssue[];
  lines: number[];
  messages: string[];
  /** Discount per line index (sums to `discount`). */
  lineDiscounts: { index: number; discount: number }[];
  couponsRedeemed: string[];
  limits: LimitUse[];
  offers: Offer[];
}

export const NOT_APPLIED_REASONS = [
  'MAP_NOT_VALID',
  'OUTSIDE_VALIDITY',
  'EXCLUDED_DATE',
  'STORE_NOT_INCLUDED',
  'CUSTOMER_NOT_TARGETED',
  'CONDITION_NOT_MET',
  'COMBO_NOT_MET',
  'COUPON_REQUIRED',
  'NOTHING_TO_GRANT',
  'LIMIT_REACHED',
  'CUSTOMER_REQUIRED',
  'LOST_TO_EXCLUSIVE',
  'LOST_IN_STEP',
] as const;
export type NotAppliedReason = (typeof NOT_APPLIED_REASONS)[number];

export interface NotApplied {
  nro: string;
  code: string;
  reason: NotAppliedReason;
  message: string;
}

export interface Evaluation {
  mapVersion: number | null;
  lines: LineResult[];
  promotions: AppliedPromotion[];
  notApplied: NotApplied[];
  totalDiscount: number;
  points: number;
  couponsToIssue: CouponIssue[];
}
