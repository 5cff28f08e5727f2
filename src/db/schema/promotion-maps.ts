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
