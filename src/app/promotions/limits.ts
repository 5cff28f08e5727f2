/**
 * Limits attached to a promotion's benefit (to its only benefit when none is named): scope customer, store
 * or retailer; period undefined or N days; type count, quantity or amount; a max. Their counters per subject
 * are read and reset here; sales consume and reversals give back (commit-promotions.ts).
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import type { LimitScope, LimitType, Promotion } from '../../core/promotions/model.js';
import * as repo from '../../db/repos/limits.repo.js';
import { findPromotion } from '../../db/repos/promotions.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { limitView, type LimitView } from './limit-view.js';

export interface LimitInput {
  promotion: string;
  benefit?: string | undefined;
  scope: LimitScope;
  storeCode?: string | undefined;
  period: 'undefined' | 'days';
  numberDays?: number | undefined;
  type: LimitType;
  max: number;
}

export async function attachLimit(
  deps: Deps,
  merchantId: string,
  input: LimitInput,
): Promise<Result<LimitView>> {
  const row = await findPromotion(deps.db, merchantId, input.promotion);
  if (!row) return fail('PROMOTION_NOT_FOUND', `No promotion has the nro ${input.promotion}.`);
  const p = JSON.parse(row.definition) as Promotion;
  let benefit = input.benefit;
  if (benefit === undefined) {
    if (p.benefits.length !== 1)
      return fail('LIMIT_INVALID', 'The promotion has several benefits: name one in benefit.', [
        detail('LIMIT_INVALID', 'benefit', 'is required'),
      ]);
    benefit = p.benefits[0]!.nro;
  } else if (!p.benefits.some((b) => b.nro === benefit))
    return fail('LIMIT_INVALID', `The promotion has no benefit ${benefit}.`, [
      detail('LIMIT_INVALID', 'benefit', 'names no benefit of the promotion'),
    ]);
  if (input.period === 'days' && input.numberDays === undefined)
    return fail('LIMIT_INVALID', 'A period in days needs numberDays.', [
      detail('LIMIT_INVALID', 'numberDays', 'is required'),
    ]);
  if (input.scope !== 'store' && input.storeCode !== undefined)
    return fail('LIMIT_INVALID', 'Only a store limit names a store.', [
      detail('LIMIT_INVALID', 'storeCode', 'is for store limits'),
    ]);
  const limit = {
    id: newId('lim'),
    merchant_id: merchantId,
    promotion_nro: input.promotion,
    benefit_nro: benefit,
    scope: input.scope,
    store_code: input.storeCode ?? null,
    period_days: input.period === 'days' ? input.numberDays! : null,
    type: input.type,
    max: input.max,
    created_at: deps.now().toISOString(),
  };
  await repo.insertLimit(deps.db, limit);
  return ok(limitView(limit));
}

export async function getLimit(
  deps: Deps,
  merchantId: string,
  id: string,
  subject?: string,
): Promise<
  Result<
    LimitView & { state: { subject: string; used: number; remaining: number; nextReset: string | null }[] }
  >
> {
  const row = await repo.findLimit(deps.db, merchantId, id);
  if (!row) return fail('LIMIT_NOT_FOUND', `No limit ${id}.`);
  const now = deps.now().toISOString();
  const counters = await repo.countersOfLimit(deps.db, id, subject);
  const max = Number(row.max);
  return ok({
    ...limitView(row),
    state: counters.map((c) => {
      const used = c.next_reset !== null && c.next_reset <= now ? 0 : Number(c.used);
      return { subject: c.subject, used, remaining: Math.max(0, max - used), nextReset: c.next_reset };
    }),
  });
}

export async function listLimits(deps: Deps, merchantId: string, promotion?: string) {
  const rows = await repo.limitsOf(deps.db, merchantId, promotion === undefined ? undefined : [promotion]);
  return ok({ data: rows.map(limitView) });
}

export async function resetLimit(deps: Deps, merchantId: string, id: string, subject?: string) {
  const row = await repo.findLimit(deps.db, merchantId, id);
  if (!row) return fail('LIMIT_NOT_FOUND', `No limit ${id}.`);
  await repo.resetCounters(deps.db, id, subject);
  return getLimit(deps, merchantId, id);
}

export async function removeLimit(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ id: string; deleted: true }>> {
  const row = await repo.findLimit(deps.db, merchantId, id);
  if (!row) return fail('LIMIT_NOT_FOUND', `No limit ${id}.`);
  await repo.deleteLimit(deps.db, id);
  return ok({ id, deleted: true as const });
}
