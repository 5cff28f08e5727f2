/**
 * Whether a valid promotion is complete: what a promotion must have, beyond being well formed, before it can be
 * imported (a bulk import takes complete promotions only) or counted on. A promotion is complete when
 * - it has at least one benefit (a draft, sent with empty benefits, is kept but incomplete), and
 * - every coupon type it names (a CouponBenefit's coupon type, a Coupon condition's) exists.
 * Sets, conditions, combos and benefit values are checked when the promotion is parsed: an invalid promotion
 * is never stored, so it is never complete either.
 */
import type { Condition, Promotion } from './model.js';

export type CompletenessGap =
  { kind: 'noBenefit'; path: 'benefits' } | { kind: 'unknownCouponType'; path: string; couponType: string };

export interface KnownReferences {
  couponTypes: ReadonlySet<string>;
}

function conditionCouponTypes(
  c: Condition | null,
  path: string,
  out: { path: string; type: string }[],
): void {
  if (c === null) return;
  if (c.kind === 'coupon') out.push({ path, type: c.couponType });
  else if (c.kind === 'and' || c.kind === 'or')
    c.conditions.forEach((x, i) => conditionCouponTypes(x, `${path}.condition[${i}]`, out));
  else if (c.kind === 'not') conditionCouponTypes(c.condition, `${path}.condition`, out);
}

/** The coupon types a promotion names, with where (distinct paths, in order). */
export function namedCouponTypes(p: Promotion): { path: string; type: string }[] {
  const out: { path: string; type: string }[] = [];
  conditionCouponTypes(p.condition, 'condition', out);
  p.benefits.forEach((b, i) => {
    if (b.kind === 'CouponBenefit') out.push({ path: `benefits[${i}]`, type: b.couponType });
  });
  return out;
}

/** What the promotion lacks to be complete; empty when it is. */
export function completenessGaps(p: Promotion, known: KnownReferences): CompletenessGap[] {
  const gaps: CompletenessGap[] = [];
  if (p.benefits.length === 0) gaps.push({ kind: 'noBenefit', path: 'benefits' });
  for (const { path, type } of namedCouponTypes(p))
    if (!known.couponTypes.has(type)) gaps.push({ kind: 'unknownCouponType', path, couponType: type });
  return gaps;
}

/** The gap in English, for the native API's details. */
export function gapMessage(gap: CompletenessGap): string {
  return gap.kind === 'noBenefit'
    ? 'has no benefit (a draft)'
    : `names the coupon type "${gap.couponType}", which does not exist`;
}
