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
