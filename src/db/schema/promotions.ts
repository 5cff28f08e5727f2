/** The promotion engine's tables (migration 0016). JSON columns are text; booleans 0 | 1. */
export interface PromotionTable {
  nro: string;
  merchant_id: string;
  code: string;
  name: string;
  /** active | inactive */
  status: string;
  /** The typed Promotion (core/promotions/model.ts), as JSON. */
  definition: string;
  /** The grammar object as posted. */
  source: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface PromotionMapTable {
  id: string;
  merchant_id: string;
  version: number;
  name: string;
  start_date: string;
  end_date: string | null;
  stores: string;
  validity_after_void: number;
  algorithm: string;
  /** Promotion[] frozen when the version was created. */
  snapshot: string;
  /** The promotions' grammar objects as posted, frozen with the version (migration 0021; null before). */
  sources: string | null;
  created_at: string;
}

export interface ActivePromotionMapTable {
  merchant_id: string;
  map_id: string;
  version: number;
  activated_at: string;
}

export interface CouponTypeTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  format: string;
  validity_days: number | null;
  max_uses: number;
  created_at: string;
}

export interface CouponTable {
  id: string;
  merchant_id: string;
  barcode: string;
  coupon_type: string;
  format: string;
  /** active | consumed | voided */
  status: string;
  used_times: number;
  max_uses: number;
  valid_from: string;
  valid_to: string | null;
  customer_id: string | null;
  amount: number | null;
  emit_promotion: string | null;
  sale_id: string | null;
  /** External transaction id of the issuing sale (migration 0021). */
  transaction_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CouponHistoryTable {
  id: string;
  coupon_id: string;
  merchant_id: string;
  /** CREATE | REDEEM | VOID | RESTORE */
  action: string;
  at: string;
  sale_id: string | null;
  store_code: string | null;
  terminal_code: string | null;
  /** External transaction id of the event's sale (migration 0021). */
  transaction_id: string | null;
}

export interface SegmentTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  created_at: string;
}

export interface SegmentMemberTable {
  segment_id: string;
  customer_id: string;
  added_at: string;
}

export interface PromotionLimitTable {
  id: string;
  merchant_id: string;
  promotion_nro: string;
  benefit_nro: string;
  scope: string;
  store_code: string | null;
  period_days: number | null;
  type: string;
  max: number;
  created_at: string;
}

export interface LimitCounterTable {
  limit_id: string;
  subject: string;
  used: number;
  next_reset: string | null;
  updated_at: string;
}

export interface PromotionExclusionTable {
  merchant_id: string;
  promotion_nro: string;
  store_code: string;
  date: string;
}
