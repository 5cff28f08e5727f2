export interface PromotionExclusionTable {
  merchant_id: string;
  promotion_nro: string;
  store_code: string;
  date: string;
}
