import type { Generated } from 'kysely';

export type PromotionStatus = 'active' | 'inactive';
export type PromotionState = 'complete' | 'incomplete';

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
  /** The workflow code it was given on creation (migration 0026); null when the merchant has none. */
  workflow: Generated<string | null>;
  /** complete | incomplete (migration 0026). */
  state: Generated<PromotionState>;
  /** The header fields shown on the promotion, JSON (migration 0026). */
  header_fields: Generated<string>;
  created_at: string;
  updated_at: string;
}
