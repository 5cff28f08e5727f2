/** Whether a promotion may apply to a basket before its benefits are computed: validity, excluded dates,
 * stores and regions, targeted customers, condition and combo (how many times it applies). */
import type { Basket, LimitState, NotApplied, NotAppliedReason } from './basket.js';
import type { BasketScan } from './basket-scan.js';
import { whyNot } from './conditions.js';
import { inTimeRange, type LocalTime } from './local-time.js';
import { CHECK, type CompiledPromotion } from './map-index.js';
import type { Limit, MapVersion } from './model.js';

export interface Eligible {
  cp: CompiledPromotion;
  applications: number;
}

export interface State {
  remaining: readonly number[];
  usedCoupons: ReadonlySet<string>;
}

export interface Env {
  basket: Basket;
  map: MapVersion;
  limitState: LimitState;
  now: string;
  local: LocalTime;
  scan: BasketScan;
  limitsByBenefit: ReadonlyMap<string, readonly Limit[]>;
}

const NO_COUPONS: ReadonlySet<string> = new Set();

export const no = (cp: CompiledPromotion, reason: NotAppliedReason, message: string): NotApplied => ({
  nro: cp.nro,
  code: cp.code,
  reason,
  message,
});

export function eligibility(cp: CompiledPromotion, env: Env, instant: string): Eligible | NotApplied {
  // The common promotion (no window nor targeting, an Exists on an item set, no combo): one lookup.
  if (cp.simple !== null && env.map.exclusions.size === 0) {
    if (env.scan.linesOf(cp.simple).length > 0) return { cp, applications: 1 };
  }
  // The checks its promotion has (cp.checks): the records of the others are not read.
  const checks = cp.checks;
  const p = cp.promotion;
  const { basket, local } = env;
  if (checks & CHECK.validity) {
    const v = p.validity;
    if ((v.from !== null && instant < v.from) || (v.to !== null && instant > v.to))
      return no(cp, 'OUTSIDE_VALIDITY', `Valid from ${v.from ?? 'always'} to ${v.to ?? 'always'}.`);
    if (v.daysOfWeek.length > 0 && !v.daysOfWeek.includes(local.weekday))
      return no(cp, 'OUTSIDE_VALIDITY', `Not valid on day ${local.weekday} of the week.`);
    if (v.timeRanges.length > 0 && !v.timeRanges.some((t) => inTimeRange(local.minutes, t.from, t.to)))
      return no(cp, 'OUTSIDE_VALIDITY', 'Not valid at this time of day.');
  }
  const ex = env.map.exclusions;
  if (
    ex.size > 0 &&
    (ex.has(`${p.nro}|${basket.storeCode}|${local.date}`) || ex.has(`${p.nro}|*|${local.date}`))
  )
    return no(cp, 'EXCLUDED_DATE', `${local.date} is an excluded date at store ${basket.storeCode}.`);
  if (checks & CHECK.stores && !p.stores.includes(basket.storeCode))
    return no(cp, 'STORE_NOT_INCLUDED', `Store ${basket.storeCode} is not one of the promotion's stores.`);
  if (checks & CHECK.regions && (basket.region === null || !p.regions.includes(basket.region)))
    return no(cp, 'STORE_NOT_INCLUDED', "The store is not in one of the promotion's regions.");
  if (checks & CHECK.segments && !basket.segments.some((s) => p.segments.includes(s)))
    return no(
      cp,
      'CUSTOMER_NOT_TARGETED',
      `The customer is in none of the segments ${p.segments.join(', ')}.`,
    );
  if (
    checks & CHECK.customerTypes &&
    (basket.customerType === null || !p.customerTypes.includes(basket.customerType))
  )
    return no(cp, 'CUSTOMER_NOT_TARGETED', `The customer type is not one of ${p.customerTypes.join(', ')}.`);
  if (checks & CHECK.condition && p.condition) {
    const why = whyNot(p.condition, {
      basket,
      scan: env.scan,
      local,
      sets: cp.sets,
      usedCoupons: NO_COUPONS,
    });
    if (why !== null)
      return no(
        cp,
        p.condition.kind === 'coupon' ? 'COUPON_REQUIRED' : 'CONDITION_NOT_MET',
        `Condition not met: ${why}.`,
      );
  }
  let applications = 1;
  if (checks & CHECK.combo) {
    applications = Infinity;
    for (const c of p.combo) {
      const set = cp.sets.get(c.set);
      let units = 0;
      if (set) for (const i of env.scan.linesOf(set)) units += env.scan.qm[i]!;
      applications = Math.min(applications, Math.floor(units / (c.min * 1000)));
    }
    if (applications === 0)
      return no(cp, 'COMBO_NOT_MET', "The basket does not hold the combo's quantities.");
  }
  return { cp, applications };
}
