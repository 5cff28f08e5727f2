import type { Limit, LimitScope, LimitType } from '../../core/promotions/model.js';
import type { LimitRow } from '../../db/repos/limits.repo.js';

export interface LimitView {
  id: string;
  promotion: string;
  benefit: string;
  scope: LimitScope;
  storeCode: string | null;
  period: 'undefined' | 'days';
  numberDays: number | null;
  type: LimitType;
  max: number;
  createdAt: string;
}

export const limitOfRow = (r: LimitRow): Limit => ({
  id: r.id,
  promotion: r.promotion_nro,
  benefit: r.benefit_nro,
  scope: r.scope,
  storeCode: r.store_code,
  periodDays: r.period_days,
  type: r.type,
  max: Number(r.max),
});

export const limitView = (r: LimitRow): LimitView => ({
  id: r.id,
  promotion: r.promotion_nro,
  benefit: r.benefit_nro,
  scope: r.scope,
  storeCode: r.store_code,
  period: r.period_days === null ? 'undefined' : 'days',
  numberDays: r.period_days,
  type: r.type,
  max: Number(r.max),
  createdAt: r.created_at,
});
