export type PromotionStatus = 'active' | 'inactive';

/** The promotion engine's tables (migration 0016). JSON columns are text; booleans 0 | 1. */
export interface PromotionTable {
  nro: string;
  merchant_id: string;
  code: string;
  name: string;
  /** active | inactive */
  status: PromotionStatus;
  /** The typed Promotion (core/promotions/model.ts), as JSON. */
  definition: string;
  /** The grammar object as posted. */
  source: string;
  revision: number;
  created_at: string;
  updated_at: string;
}
