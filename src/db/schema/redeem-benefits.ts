export interface RedeemBenefitTable {
  merchant_id: string;
  store_code: string;
  product_code: string;
  points_hundredths: number;
  discount_hundredths: number;
  discount_type: string;
  updated_at: string;
}
