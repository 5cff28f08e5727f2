/**
 * One promotion tried on the basket as it stands (after the promotions applied before it): the coupons its
 * condition redeems, then each benefit within its limits; what it grants and the basket it leaves, or why
 * it does not apply.
 */
import type { AppliedPromotion, LimitUse, NotApplied } from './basket.js';
import { computeBenefit, grantsSomething, type Grant } from './compute-benefit.js';
import { couponsToRedeem } from './conditions.js';
import { no, type Eligible, type Env, type State } from './eligibility.js';
import { checkLimits, limitUses, type LimitCheck } from './limits.js';
import { MESSAGE_ONLY_KINDS, type Limit } from './model.js';

const messageOnly = new Set<string>(MESSAGE_ONLY_KINDS);
const NO_LIMITS: readonly Limit[] = [];

export type Tried = { applied: AppliedPromotion; state: State } | NotApplied;

/**
 * `own`: the caller owns `state.remaining` and drops it for the state returned (an ALL step past its first
 * discount): the discounts are then written into it instead of into a copy of the basket's lines.
 */
export function tryApply(e: Eligible, env: Env, state: State, own = false): Tried {
  const { cp } = e;
  let used = state.usedCoupons;
  let redeemed: string[] = [];
  const condition = cp.usesCoupons ? cp.promotion.condition : null;
  if (condition) {
    const ctx = { basket: env.basket, scan: env.scan, local: env.local, sets: cp.sets, usedCoupons: used };
    const coupons = couponsToRedeem(condition, ctx);
    if (coupons === null)
      return no(cp, 'COUPON_REQUIRED', 'The coupons its condition needs are used by other promotions.');
    if (coupons.length > 0) {
      used = new Set([...used, ...coupons]);
      redeemed = coupons;
    }
  }
  // Copied on the first discount (unless owned): a promotion that grants no discount leaves them as they are.
  let remaining: number[] | null = own ? (state.remaining as number[]) : null;
  // The first grant and its kind; the arrays only from a second one (a promotion of one benefit needs none).
  let first: Grant | null = null;
  let firstKind = '';
  let grants: Grant[] | null = null;
  let kinds: string[] | null = null;
  const limitsUsed: LimitUse[] = [];
  let refusal: NotApplied | null = null;
  // A promotion of one benefit (the common case) has it in its own record (no array to read).
  const count = cp.benefit !== null ? 1 : cp.benefits.length;
  for (let k = 0; k < count; k++) {
    const b = cp.benefit ?? cp.benefits[k]!;
    const limits = env.limitsByBenefit.size === 0 ? NO_LIMITS : (env.limitsByBenefit.get(b.nro) ?? NO_LIMITS);
    let check: LimitCheck | null = null;
    if (limits.length > 0) {
      check = checkLimits(limits, env.basket, env.limitState, env.now, e.applications);
      if (!check.ok) {
        refusal ??= no(cp, check.reason, check.message);
        continue;
      }
    }
    const caps = check?.caps ?? { applications: e.applications, units: null, amount: null };
    const g = computeBenefit(b, { scan: env.scan, remaining: remaining ?? state.remaining }, caps);
    if (!grantsSomething(g) && !messageOnly.has(b.kind)) continue;
    if (first === null) {
      first = g;
      firstKind = b.kind;
    } else {
      (grants ??= [first]).push(g);
      (kinds ??= [firstKind]).push(b.kind);
    }
    for (const d of g.lineDiscounts) {
      remaining ??= [...state.remaining];
      remaining[d.index] = remaining[d.index]! - d.discount;
    }
    if (check?.ok) for (const u of limitUses(check, g)) limitsUsed.push(u);
  }
  if (first === null)
    return (
      refusal ?? no(cp, 'NOTHING_TO_GRANT', 'The condition holds but the benefits have nothing to apply to.')
    );
  // Built once, complete (the grants' arrays are this promotion's own: a single grant's are taken as they are).
  const all = grants;
  const one = all === null ? first : null;
  const applied: AppliedPromotion = {
    nro: cp.nro,
    code: cp.code,
    name: cp.name,
    benefit: one ? firstKind : kinds!.join('+'),
    discount: one ? one.discount : sum(all!, 'discount'),
    points: one ? one.points : sum(all!, 'points'),
    coupons: one ? one.coupons : all!.flatMap((g) => g.coupons),
    lines: one ? one.lines : mergedLines(all!),
    messages: one ? one.messages : all!.flatMap((g) => g.messages),
    lineDiscounts: one ? one.lineDiscounts : mergedLineDiscounts(all!),
    couponsRedeemed: redeemed,
    limits: limitsUsed,
    offers: one ? one.offers : all!.flatMap((g) => g.offers),
  };
  return { applied, state: { remaining: remaining ?? state.remaining, usedCoupons: used } };
}

const sum = (grants: readonly Grant[], k: 'discount' | 'points') => grants.reduce((s, g) => s + g[k], 0);

/** The lines several benefits used and their discount per line, in line order. */
function mergedLines(grants: readonly Grant[]): number[] {
  const lines = new Set<number>();
  for (const g of grants) for (const i of g.lines) lines.add(i);
  return [...lines].sort(byIndex);
}

function mergedLineDiscounts(grants: readonly Grant[]): Grant['lineDiscounts'] {
  const perLine = new Map<number, number>();
  for (const g of grants)
    for (const d of g.lineDiscounts)
      if (d.discount > 0) perLine.set(d.index, (perLine.get(d.index) ?? 0) + d.discount);
  return [...perLine].sort((x, y) => x[0] - y[0]).map(([index, discount]) => ({ index, discount }));
}

const byIndex = (x: number, y: number) => x - y;
