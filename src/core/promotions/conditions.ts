/** Whether a basket meets a promotion's condition, and if not, the first reason why (for the till's "why"). */
import type { Basket, BasketLine } from './basket.js';
import { inTimeRange, type LocalTime } from './local-time.js';
import type { CompiledSet } from './map-index.js';
import type { Condition, HeaderAttribute } from './model.js';

export function lineMatches(set: CompiledSet, line: BasketLine): boolean {
  if (set.attribute === null) return true;
  const value =
    set.attribute === 'code' ? (line.attributes.code ?? line.sku) : line.attributes[set.attribute as 'brand'];
  return value !== undefined && set.values.has(value);
}

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
          ? ctx.basket.lines.some((l) => lineMatches(set, l))
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

/** Coupon types the condition needs outside a Not: one coupon of each is redeemed when the promotion applies. */
export function couponsNeeded(c: Condition | null, out: string[] = []): string[] {
  if (c === null) return out;
  if (c.kind === 'coupon') out.push(c.couponType);
  else if (c.kind === 'and' || c.kind === 'or') for (const x of c.conditions) couponsNeeded(x, out);
  return out;
}
