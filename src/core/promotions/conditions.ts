/** Whether a basket meets a promotion's condition, and if not, the first reason why (for the till's "why"). */
import type { Basket } from './basket.js';
import type { BasketScan, CompiledSet } from './basket-scan.js';
import { inTimeRange, type LocalTime } from './local-time.js';
import type { Condition, HeaderAttribute } from './model.js';

function headerValues(basket: Basket, attribute: HeaderAttribute): string[] {
  switch (attribute) {
    case 'store':
      return [basket.storeCode];
    case 'terminal':
      return basket.terminalCode ? [basket.terminalCode] : [];
    case 'region':
      return basket.region ? [basket.region] : [];
    case 'customerType':
      return basket.customerType ? [basket.customerType] : [];
    case 'segment':
      return basket.segments;
    case 'contract':
      return basket.contract ? [basket.contract] : [];
  }
}

export interface ConditionContext {
  basket: Basket;
  scan: BasketScan;
  local: LocalTime;
  sets: ReadonlyMap<string, CompiledSet>;
  /** Barcodes already redeemed by promotions applied before in this evaluation. */
  usedCoupons: ReadonlySet<string>;
}

export function usableCoupon(ctx: ConditionContext, couponType: string): string | null {
  for (const c of ctx.basket.coupons)
    if (c.couponType === couponType && c.refusal === null && !ctx.usedCoupons.has(c.barcode))
      return c.barcode;
  return null;
}

/** null when the condition holds; else why not. */
export function whyNot(c: Condition, ctx: ConditionContext): string | null {
  switch (c.kind) {
    case 'exists': {
      const set = ctx.sets.get(c.set);
      if (!set) return `set ${c.set} is not defined`;
      const found =
        set.kind === 'item'
          ? ctx.scan.linesOf(set).length > 0
          : ctx.basket.payments.some((p) => set.attribute === null || set.values.has(p.type));
      return found ? null : `no ${set.kind === 'item' ? 'line' : 'payment'} of set ${c.set}`;
    }
    case 'header': {
      const values = headerValues(ctx.basket, c.attribute);
      return values.some((v) => c.values.includes(v))
        ? null
        : `${c.attribute} is not one of ${c.values.join(', ')}`;
    }
    case 'and': {
      for (const x of c.conditions) {
        const why = whyNot(x, ctx);
        if (why !== null) return why;
      }
      return null;
    }
    case 'or': {
      const whys: string[] = [];
      for (const x of c.conditions) {
        const why = whyNot(x, ctx);
        if (why === null) return null;
        whys.push(why);
      }
      return `none of: ${whys.join('; ')}`;
    }
    case 'not':
      return whyNot(c.condition, ctx) === null ? 'an excluded condition holds' : null;
    case 'dateRange': {
      const d = ctx.local.date;
      if (c.from !== null && d < c.from) return `the date is before ${c.from}`;
      if (c.to !== null && d > c.to) return `the date is after ${c.to}`;
      return null;
    }
    case 'timeRange':
      return inTimeRange(ctx.local.minutes, c.from, c.to) ? null : `the time is not within ${c.from}-${c.to}`;
    case 'daysOfWeek':
      return c.days.includes(ctx.local.weekday)
        ? null
        : `day ${ctx.local.weekday} is not one of ${c.days.join(',')}`;
    case 'coupon': {
      if (usableCoupon(ctx, c.couponType) !== null) return null;
      const refused = ctx.basket.coupons.find((x) => x.couponType === c.couponType && x.refusal !== null);
      return refused
        ? `coupon ${refused.barcode} cannot be used: ${refused.refusal}`
        : `no usable coupon of type ${c.couponType} is presented`;
    }
  }
}

/**
 * The coupons the condition redeems when the promotion applies, or null when it cannot hold with the
 * coupons still usable. Only the branches that make it hold count: every operand of an And, one operand of
 * an Or (the one that holds with the fewest coupons, the first on a tie), nothing under a Not; one coupon
 * per Coupon condition (an And of two Coupon conditions of a type takes two coupons of the type).
 */
export function couponsToRedeem(c: Condition, ctx: ConditionContext): string[] | null {
  switch (c.kind) {
    case 'coupon': {
      const barcode = usableCoupon(ctx, c.couponType);
      return barcode === null ? null : [barcode];
    }
    case 'and': {
      const used = new Set(ctx.usedCoupons);
      const out: string[] = [];
      for (const x of c.conditions) {
        const r = couponsToRedeem(x, { ...ctx, usedCoupons: used });
        if (r === null) return null;
        for (const b of r) {
          used.add(b);
          out.push(b);
        }
      }
      return out;
    }
    case 'or': {
      let best: string[] | null = null;
      for (const x of c.conditions) {
        const r = couponsToRedeem(x, ctx);
        if (r !== null && (best === null || r.length < best.length)) best = r;
        if (best !== null && best.length === 0) break;
      }
      return best;
    }
    default:
      return whyNot(c, ctx) === null ? [] : null;
  }
}
