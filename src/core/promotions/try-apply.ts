/**
 * One promotion tried on the basket as it stands (after the promotions applied before it): the coupons its
 * condition redeems, then each benefit within its limits; what it grants and the basket it leaves, or why
 * it does not apply.
 */
import type { AppliedPromotion, NotApplied } from './basket.js';
import { computeBenefit, grantsSomething, type Grant } from './compute-benefit.js';
import { couponsToRedeem } from './conditions.js';
import { no, type Eligible, type Env, type State } from './eligibility.js';
import { checkLimits, limitUses, type LimitCheck } from './limits.js';
import { MESSAGE_ONLY_KINDS, type Limit } from './model.js';

const messageOnly = new Set<string>(MESSAGE_ONLY_KINDS);
const NO_LIMITS: readonly Limit[] = [];

const noLimit = (applications: number): Extract<LimitCheck, { ok: true }> => ({
  ok: true,
  caps: { applications, units: null, amount: null },
  limits: [],
  subjects: [],
});

export type Tried = { applied: AppliedPromotion; state: State } | NotApplied;

export function tryApply(e: Eligible, env: Env, state: State): Tried {
  const { cp } = e;
  const p = cp.promotion;
  let used = state.usedCoupons;
  let redeemed: string[] = [];
  if (cp.usesCoupons && p.condition) {
    const ctx = { basket: env.basket, scan: env.scan, local: env.local, sets: cp.sets, usedCoupons: used };
    const coupons = couponsToRedeem(p.condition, ctx);
    if (coupons === null)
      return no(cp, 'COUPON_REQUIRED', 'The coupons its condition needs are used by other promotions.');
    if (coupons.length > 0) {
      used = new Set([...used, ...coupons]);
      redeemed = coupons;
    }
  }
  // Copied on the first discount: a promotion that grants no discount leaves the lines as they are.
  let remaining: number[] | null = null;
  const applied: AppliedPromotion = {
    nro: p.nro,
    code: p.code,
    name: p.name,
    benefit: '',
    discount: 0,
    points: 0,
    coupons: [],
    lines: [],
    messages: [],
    lineDiscounts: [],
    couponsRedeemed: redeemed,
    limits: [],
    offers: [],
  };
  const kinds: string[] = [];
  const grants: Grant[] = [];
  let refusal: NotApplied | null = null;
  for (const b of p.benefits) {
    const limits = env.limitsByBenefit.get(b.nro) ?? NO_LIMITS;
    const check =
      limits.length === 0
        ? noLimit(e.applications)
        : checkLimits(limits, env.basket, env.limitState, env.now, e.applications);
    if (!check.ok) {
      refusal ??= no(cp, check.reason, check.message);
      continue;
    }
    const g = computeBenefit(
      b,
      cp.sets,
      { scan: env.scan, remaining: remaining ?? state.remaining },
      check.caps,
    );
    if (!grantsSomething(g) && !messageOnly.has(b.kind)) continue;
    kinds.push(b.kind);
    grants.push(g);
    for (const d of g.lineDiscounts) {
      if (d.discount === 0) continue;
      remaining ??= [...state.remaining];
      remaining[d.index] = remaining[d.index]! - d.discount;
    }
    applied.discount += g.discount;
    applied.points += g.points;
    for (const c of g.coupons) applied.coupons.push(c);
    for (const o of g.offers) applied.offers.push(o);
    for (const m of g.messages) applied.messages.push(m);
    if (limits.length > 0) for (const u of limitUses(check, g)) applied.limits.push(u);
  }
  if (kinds.length === 0)
    return (
      refusal ?? no(cp, 'NOTHING_TO_GRANT', 'The condition holds but the benefits have nothing to apply to.')
    );
  applied.benefit = kinds.length === 1 ? kinds[0]! : kinds.join('+');
  mergeLines(applied, grants);
  return { applied, state: { remaining: remaining ?? state.remaining, usedCoupons: used } };
}

/** The lines a promotion used and its discount per line, in line order, over its benefits' grants. */
function mergeLines(applied: AppliedPromotion, grants: readonly Grant[]): void {
  const byIndex = (x: number, y: number) => x - y;
  if (grants.length === 1) {
    const g = grants[0]!;
    applied.lines = g.lines.slice().sort(byIndex);
    applied.lineDiscounts = g.lineDiscounts.filter((d) => d.discount > 0).sort((x, y) => x.index - y.index);
    return;
  }
  const lines = new Set<number>();
  const perLine = new Map<number, number>();
  for (const g of grants) {
    for (const i of g.lines) lines.add(i);
    for (const d of g.lineDiscounts)
      if (d.discount > 0) perLine.set(d.index, (perLine.get(d.index) ?? 0) + d.discount);
  }
  applied.lines = [...lines].sort(byIndex);
  applied.lineDiscounts = [...perLine]
    .sort((x, y) => x[0] - y[0])
    .map(([index, discount]) => ({ index, discount }));
}
