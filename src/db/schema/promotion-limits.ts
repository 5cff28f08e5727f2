import type { LimitScope, LimitType } from '../../core/promotions/model.js';

export interface PromotionLimitTable {
  id: string;
  merchant_id: string;
  promotion_nro: string;
  benefit_nro: string;
  scope: LimitScope;
  store_code: string | null;
  period_days: number | null;
  type: LimitType;
  max: number;
  created_at: string;
}
