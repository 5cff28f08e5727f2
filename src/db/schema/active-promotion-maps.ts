export interface ActivePromotionMapTable {
  merchant_id: string;
  map_id: string;
  version: number;
  activated_at: string;
}
