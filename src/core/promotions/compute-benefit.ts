/**
 * What one benefit grants on the basket as it stands (the discounts of promotions applied before are in
 * `remaining`): the benefited units (cheapest first), then the discount per line, the points, the coupons to
 * issue, the offers and the till's messages. Limits arrive as caps (applications, units, amount).
 */
import { allocate, mulDivFloor, mulDivHalfEven } from './arithmetic.js';
import type { Basket, CouponIssue, Offer } from './basket.js';
import { lineMatches } from './conditions.js';
import type { CompiledSet } from './map-index.js';
import type { Benefit, StaggeredStep } from './model.js';

/** The basket's lines as evaluation changes them; quantities in thousandths. */
export interface LineState {
  qm: readonly number[];
  remaining: number[];
  /** Line indices, cheapest unit first (price, sku, quantity, then position: independent of line order). */
  cheapest: readonly number[];
}

export interface Caps {
  applications: number;
  /** Thousandths of units; null: no cap. */
  units: number | null;
  /** Minor units of discount (or points, for a points benefit); null: no cap. */
  amount: number | null;
}

export interface Grant {
  lineDiscounts: { index: number; discount: number }[];
  discount: number;
  points: number;
  coupons: CouponIssue[];
  offers: Offer[];
  messages: string[];
  lines: number[];
  applications: number;
  /** Thousandths of units benefited. */
  units: number;
}

interface Pick {
  index: number;
  qm: number;
}

function pickUnits(
  b: Benefit,
  sets: ReadonlyMap<string, CompiledSet>,
  basket: Basket,
  state: LineState,
  caps: Caps,
): Pick[] {
  const left = [...state.qm];
  const taken = new Array<number>(left.length).fill(0);
  const groups = b.appliedTo.length > 0 ? b.appliedTo : [{ set: '', max: null }];
  let unitCap = caps.units ?? Infinity;
  for (const g of groups) {
    const set = g.set === '' ? null : sets.get(g.set);
    let cap = g.max === null ? Infinity : g.max * caps.applications * 1000;
    for (const i of state.cheapest) {
      if (cap <= 0 || unitCap <= 0) break;
      if (left[i]! <= 0 || state.remaining[i]! <= 0) continue;
      if (set && (set.kind !== 'item' || !lineMatches(set, basket.lines[i]!))) continue;
      const q = Math.min(left[i]!, cap, unitCap);
      left[i] = left[i]! - q;
      taken[i] = taken[i]! + q;
      cap -= q;
      unitCap -= q;
    }
  }
  // In the canonical order, so that a remainder of proration lands on the same line whatever the line order.
  const picks: Pick[] = [];
  for (const index of state.cheapest) if (taken[index]! > 0) picks.push({ index, qm: taken[index]! });
  return picks;
}

function stepValue(steps: readonly StaggeredStep[], units: number): number | null {
  const whole = Math.floor(units / 1000);
  const step = steps.find((s) => whole >= s.min && (s.max === null || whole <= s.max));
  return step ? step.value : null;
}

export function computeBenefit(
  b: Benefit,
  sets: ReadonlyMap<string, CompiledSet>,
  basket: Basket,
  state: LineState,
  caps: Caps,
): Grant {
  const picks = pickUnits(b, sets, basket, state, caps);
  const units = picks.reduce((s, p) => s + p.qm, 0);
  // What the picked units still cost (the cap of their discount) and the price base a rate applies to.
  const caps_ = picks.map((p) => mulDivHalfEven(state.remaining[p.index]!, p.qm, state.qm[p.index]!));
  const bases = picks.map((p, k) =>
    b.priceBase === 'original' ? mulDivHalfEven(basket.lines[p.index]!.unitPrice, p.qm, 1000) : caps_[k]!,
  );
  const baseSum = bases.reduce((s, x) => s + x, 0);
  const capSum = caps_.reduce((s, x) => s + x, 0);
  const grant: Grant = {
    lineDiscounts: [],
    discount: 0,
    points: 0,
    coupons: [],
    offers: [],
    messages: [],
    lines: picks.map((p) => p.index),
    applications: caps.applications,
    units,
  };
  const amountCap = caps.amount ?? Infinity;
  const discounts = (shares: number[]) => {
    grant.lineDiscounts = picks.map((p, k) => ({ index: p.index, discount: shares[k]! }));
    grant.discount = shares.reduce((s, x) => s + x, 0);
  };
  const resume = (total: number) => discounts(allocate(Math.min(total, capSum, amountCap), bases, caps_));
  const byLine = (each: (k: number) => number) => {
    const raw = picks.map((_, k) => Math.min(caps_[k]!, Math.max(0, each(k))));
    const total = raw.reduce((s, x) => s + x, 0);
    // An amount limit scales the line discounts down, prorated like a resume discount.
    if (total > amountCap) resume(amountCap);
    else discounts(raw);
  };
  const percent = (bp: number) => {
    if (b.applicationMethod === 'resume') resume(mulDivHalfEven(baseSum, bp, 10_000));
    else byLine((k) => mulDivHalfEven(bases[k]!, bp, 10_000));
  };
  const fixed = (amount: number) => {
    if (b.applicationMethod === 'resume') resume(amount * caps.applications);
    else byLine((k) => mulDivHalfEven(amount, picks[k]!.qm, 1000));
  };
  const pointsAt = (numerator: number, denominator: number) =>
    Math.min(amountCap, mulDivFloor(baseSum, numerator, denominator * basket.minorPerUnit));
  const message = b.messages.display ?? b.messages.printer ?? b.messages.tlog;
  if (message !== null) grant.messages.push(message);
  if (picks.length === 0) return grant;
  switch (b.kind) {
    case 'PercentageDiscount': {
      const bp = b.staggered ? stepValue(b.staggered, units) : b.percentBp;
      if (bp !== null) percent(bp);
      break;
    }
    case 'FixedDiscount': {
      const amount = b.staggered ? stepValue(b.staggered, units) : b.amountMinor;
      if (amount !== null) fixed(amount);
      break;
    }
    case 'NewPrice':
      byLine((k) => bases[k]! - mulDivHalfEven(b.priceMinor, picks[k]!.qm, 1000));
      break;
    case 'ContractPercentageDiscount':
      if (basket.contract !== null && b.contracts.includes(basket.contract)) percent(b.percentBp);
      break;
    case 'LoyaltyBenefit':
      grant.points = Math.min(amountCap, b.points * caps.applications);
      break;
    case 'PercentLoyaltyBenefit':
      grant.points = pointsAt(b.percentBp, 10_000);
      break;
    case 'FactorLoyaltyBenefit':
      grant.points = pointsAt(b.factorMilli, 1000);
      break;
    case 'CouponBenefit':
      grant.coupons = [{ type: b.couponType, quantity: b.quantity * caps.applications }];
      break;
    case 'RedeemPointsBenefit':
      grant.offers.push({
        kind: b.kind,
        line: null,
        code: b.cardType,
        points: Math.ceil((baseSum * b.factorMilli) / (1000 * basket.minorPerUnit)),
        amount: baseSum,
        quantity: 0,
      });
      break;
    case 'GiftBenefit':
      grant.offers.push({
        kind: b.kind,
        line: null,
        code: b.gift,
        points: 0,
        amount: 0,
        quantity: b.quantity * caps.applications,
      });
      break;
    case 'CatalogRedeemBenefit':
      picks.forEach((p, k) => {
        const line = basket.lines[p.index]!;
        const entry = b.entries.find(
          (e) =>
            e.code === (line.attributes.code ?? line.sku) &&
            (e.store === '-' || e.store === basket.storeCode),
        );
        if (!entry) return;
        const price = caps_[k]!;
        const off =
          entry.discountType === 'perc'
            ? mulDivHalfEven(price, entry.discountValue, 10_000)
            : entry.discountType === 'fix'
              ? mulDivHalfEven(entry.discountValue, p.qm, 1000)
              : price - mulDivHalfEven(entry.discountValue, p.qm, 1000);
        grant.offers.push({
          kind: b.kind,
          line: p.index,
          code: entry.code,
          points: entry.points,
          amount: Math.max(0, Math.min(price, off)),
          quantity: p.qm / 1000,
        });
      });
      break;
    default:
      grant.messages.push(`${b.kind} is reported to the till and not computed by the engine.`);
  }
  grant.lines = picks
    .filter((_, k) => grant.discount === 0 || (grant.lineDiscounts[k]?.discount ?? 0) > 0)
    .map((p) => p.index);
  return grant;
}

/** Whether the grant gives anything. */
export const grantsSomething = (g: Grant) =>
  g.discount > 0 || g.points > 0 || g.coupons.length > 0 || g.offers.length > 0;
