/**
 * What one benefit grants on the basket as it stands (the discounts of promotions applied before are in
 * `remaining`): the benefited units (cheapest first), then the discount per line, the points, the coupons to
 * issue, the offers and the till's messages. Limits arrive as caps (applications, units, amount).
 */
import { allocate, mulDivFloor, mulDivHalfEven } from './arithmetic.js';
import type { CouponIssue, Offer } from './basket.js';
import type { BasketScan, CompiledSet } from './basket-scan.js';
import type { Benefit, StaggeredStep } from './model.js';

/** The basket's lines as evaluation changes them. */
export interface LineState {
  scan: BasketScan;
  /** What each line still costs (minor units). */
  remaining: readonly number[];
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

function pickUnits(b: Benefit, sets: ReadonlyMap<string, CompiledSet>, state: LineState, caps: Caps): Pick[] {
  const { scan, remaining } = state;
  const picks: Pick[] = [];
  let unitCap = caps.units ?? Infinity;
  const groups = b.appliedTo;
  if (groups.length === 0) {
    for (const i of scan.cheapest) {
      if (unitCap <= 0) break;
      if (scan.qm[i]! <= 0 || remaining[i]! <= 0) continue;
      const q = Math.min(scan.qm[i]!, unitCap);
      picks.push({ index: i, qm: q });
      unitCap -= q;
    }
    return picks;
  }
  if (groups.length === 1) {
    // One group (the common case): each line is met once, in the canonical order.
    const g = groups[0]!;
    const set = sets.get(g.set);
    let cap = g.max === null ? Infinity : g.max * caps.applications * 1000;
    for (const i of set ? scan.linesOf(set) : scan.cheapest) {
      if (cap <= 0 || unitCap <= 0) break;
      const left = scan.qm[i]!;
      if (left <= 0 || remaining[i]! <= 0) continue;
      const q = Math.min(left, cap, unitCap);
      picks.push({ index: i, qm: q });
      cap -= q;
      unitCap -= q;
    }
    return picks;
  }
  // Several groups may name the same line: what a group takes of a line is not offered to the next one.
  const taken = new Map<number, number>();
  for (const g of groups) {
    const set = sets.get(g.set);
    let cap = g.max === null ? Infinity : g.max * caps.applications * 1000;
    for (const i of set ? scan.linesOf(set) : scan.cheapest) {
      if (cap <= 0 || unitCap <= 0) break;
      const left = scan.qm[i]! - (taken.get(i) ?? 0);
      if (left <= 0 || remaining[i]! <= 0) continue;
      const q = Math.min(left, cap, unitCap);
      taken.set(i, (taken.get(i) ?? 0) + q);
      cap -= q;
      unitCap -= q;
    }
  }
  // In the canonical order, so that a remainder of proration lands on the same line whatever the line order.
  for (const [index, qm] of taken) picks.push({ index, qm });
  picks.sort((x, y) => scan.rank[x.index]! - scan.rank[y.index]!);
  return picks;
}

function stepValue(steps: readonly StaggeredStep[], units: number): number | null {
  const whole = Math.floor(units / 1000);
  const step = steps.find((s) => whole >= s.min && (s.max === null || whole <= s.max));
  return step ? step.value : null;
}

/** One benefit's computation: the picked units, their price bases and caps, and the grant being built. */
interface Work {
  picks: Pick[];
  /** What each picked part of a line still costs: the most it can be discounted. */
  caps: number[];
  /** The amount a rate applies to, per pick. */
  bases: number[];
  capSum: number;
  amountCap: number;
  grant: Grant;
}

function setDiscounts(w: Work, shares: readonly number[]): void {
  const out: { index: number; discount: number }[] = new Array(w.picks.length);
  let sum = 0;
  for (let k = 0; k < w.picks.length; k++) {
    out[k] = { index: w.picks[k]!.index, discount: shares[k]! };
    sum += shares[k]!;
  }
  w.grant.lineDiscounts = out;
  w.grant.discount = sum;
}

/** A discount of the picked units as a whole, prorated over them. */
function resume(w: Work, total: number): void {
  setDiscounts(w, allocate(Math.min(total, w.capSum, w.amountCap), w.bases, w.caps));
}

/** A discount per picked line (clamped to what the line still costs). */
function byLine(w: Work, raw: number[]): void {
  let total = 0;
  for (let k = 0; k < raw.length; k++) {
    raw[k] = Math.min(w.caps[k]!, Math.max(0, raw[k]!));
    total += raw[k]!;
  }
  // An amount limit scales the line discounts down, prorated like a resume discount.
  if (total > w.amountCap) resume(w, w.amountCap);
  else setDiscounts(w, raw);
}

function percent(w: Work, b: Benefit, bp: number): void {
  if (b.applicationMethod === 'resume') {
    let baseSum = 0;
    for (const x of w.bases) baseSum += x;
    resume(w, mulDivHalfEven(baseSum, bp, 10_000));
  } else
    byLine(
      w,
      w.bases.map((base) => mulDivHalfEven(base, bp, 10_000)),
    );
}

function fixed(w: Work, b: Benefit, amount: number, applications: number): void {
  if (b.applicationMethod === 'resume') resume(w, amount * applications);
  else
    byLine(
      w,
      w.picks.map((p) => mulDivHalfEven(amount, p.qm, 1000)),
    );
}

export function computeBenefit(
  b: Benefit,
  sets: ReadonlyMap<string, CompiledSet>,
  state: LineState,
  caps: Caps,
): Grant {
  const basket = state.scan.basket;
  const qm = state.scan.qm;
  const picks = pickUnits(b, sets, state, caps);
  let units = 0;
  let baseSum = 0;
  let capSum = 0;
  // What the picked units still cost (the cap of their discount) and the price base a rate applies to.
  const caps_ = new Array<number>(picks.length);
  const bases = new Array<number>(picks.length);
  for (let k = 0; k < picks.length; k++) {
    const p = picks[k]!;
    units += p.qm;
    const cap = mulDivHalfEven(state.remaining[p.index]!, p.qm, qm[p.index]!);
    const base =
      b.priceBase === 'original' ? mulDivHalfEven(basket.lines[p.index]!.unitPrice, p.qm, 1000) : cap;
    caps_[k] = cap;
    bases[k] = base;
    capSum += cap;
    baseSum += base;
  }
  const grant: Grant = {
    lineDiscounts: [],
    discount: 0,
    points: 0,
    coupons: [],
    offers: [],
    messages: [],
    lines: [],
    applications: caps.applications,
    units,
  };
  const amountCap = caps.amount ?? Infinity;
  const w: Work = { picks, caps: caps_, bases, capSum, amountCap, grant };
  const message = b.messages.display ?? b.messages.printer ?? b.messages.tlog;
  if (message !== null) grant.messages.push(message);
  if (picks.length === 0) return grant;
  switch (b.kind) {
    case 'PercentageDiscount': {
      const bp = b.staggered ? stepValue(b.staggered, units) : b.percentBp;
      if (bp !== null) percent(w, b, bp);
      break;
    }
    case 'FixedDiscount': {
      const amount = b.staggered ? stepValue(b.staggered, units) : b.amountMinor;
      if (amount !== null) fixed(w, b, amount, caps.applications);
      break;
    }
    case 'NewPrice':
      byLine(
        w,
        picks.map((p, k) => bases[k]! - mulDivHalfEven(b.priceMinor, p.qm, 1000)),
      );
      break;
    case 'ContractPercentageDiscount':
      if (basket.contract !== null && b.contracts.includes(basket.contract)) percent(w, b, b.percentBp);
      break;
    case 'LoyaltyBenefit':
      grant.points = Math.min(amountCap, b.points * caps.applications);
      break;
    case 'PercentLoyaltyBenefit':
      grant.points = Math.min(amountCap, mulDivFloor(baseSum, b.percentBp, 10_000 * basket.minorPerUnit));
      break;
    case 'FactorLoyaltyBenefit':
      grant.points = Math.min(amountCap, mulDivFloor(baseSum, b.factorMilli, 1000 * basket.minorPerUnit));
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
  const lines: number[] = [];
  for (let k = 0; k < picks.length; k++)
    if (grant.discount === 0 || (grant.lineDiscounts[k]?.discount ?? 0) > 0) lines.push(picks[k]!.index);
  grant.lines = lines;
  return grant;
}

/** Whether the grant gives anything. */
export const grantsSomething = (g: Grant) =>
  g.discount > 0 || g.points > 0 || g.coupons.length > 0 || g.offers.length > 0;
