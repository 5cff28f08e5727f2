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
