/** Limits loaded in bulk: a limit's definition changed in place (its counters stay). */
import type { LimitScope, LimitType } from '../../core/promotions/model.js';
import * as repo from '../../db/repos/loading.repo.js';
import type { Deps } from '../context.js';

export async function redefineLimit(
  deps: Deps,
  merchantId: string,
  id: string,
  input: {
    scope: LimitScope;
    storeCode: string | null;
    periodDays: number | null;
    type: LimitType;
    max: number;
  },
): Promise<boolean> {
  return repo.updateLimit(deps.db, merchantId, id, {
    scope: input.scope,
    store_code: input.scope === 'store' ? input.storeCode : null,
    period_days: input.periodDays,
    type: input.type,
    max: input.max,
  });
}

/** Promotions by code and/or name (codes may repeat). */
export async function promotionsMatching(
  deps: Deps,
  merchantId: string,
  by: { code?: string | null; name?: string | null },
): Promise<{ nro: string; code: string; name: string; status: string }[]> {
  const rows = await repo.promotionsNamed(deps.db, merchantId, by);
  return rows.map((r) => ({ nro: r.nro, code: r.code, name: r.name, status: r.status }));
}
