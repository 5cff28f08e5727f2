export type CouponStatus = 'active' | 'consumed' | 'voided';

export interface CouponTable {
  id: string;
  merchant_id: string;
  barcode: string;
  coupon_type: string;
  format: string;
  /** active | consumed | voided */
  status: CouponStatus;
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
