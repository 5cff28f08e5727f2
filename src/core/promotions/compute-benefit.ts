/**
 * What one benefit grants on the basket as it stands (the discounts of promotions applied before are in
 * `remaining`): the benefited units (cheapest first), then the discount per line, the points, the coupons to
 * issue, the offers and the till's messages. Limits arrive as caps (applications, units, amount).
 */
import { allocate, mulDivFloor, mulDivHalfEven } from './arithmetic.js';
import type { CouponIssue, Offer } from './basket.js';
import type { BasketScan } from './basket-scan.js';
import { lineOrder, pickUnits, type CompiledBenefit, type Picks } from './benefit-picks.js';
import type { StaggeredStep } from './model.js';

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
  /** The positive discounts, in line order. */
  lineDiscounts: { index: number; discount: number }[];
  discount: number;
  points: number;
  coupons: CouponIssue[];
  offers: Offer[];
  messages: string[];
  /** The lines used, in line order. */
  lines: number[];
  applications: number;
  /** Thousandths of units benefited. */
  units: number;
}

function stepValue(steps: readonly StaggeredStep[], units: number): number | null {
  const whole = Math.floor(units / 1000);
  const step = steps.find((s) => whole >= s.min && (s.max === null || whole <= s.max));
  return step ? step.value : null;
}

/** One benefit's computation: the picked units, their price bases and caps, and the grant being built. */
interface Work {
  picks: Picks;
  /** What each picked part of a line still costs: the most it can be discounted. */
  caps: number[];
  /** The amount a rate applies to, per pick. */
  bases: number[];
  capSum: number;
  amountCap: number;
  /** The discount of each pick (null: no discount computed). */
  shares: readonly number[] | null;
  grant: Grant;
}

function setDiscounts(w: Work, shares: readonly number[]): void {
  let sum = 0;
  for (let k = 0; k < shares.length; k++) sum += shares[k]!;
  w.shares = shares;
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

function percent(w: Work, resume_: boolean, bp: number): void {
  const bases = w.bases;
  if (resume_) {
    let baseSum = 0;
    for (let k = 0; k < bases.length; k++) baseSum += bases[k]!;
    resume(w, mulDivHalfEven(baseSum, bp, 10_000));
  } else {
    const raw = new Array<number>(bases.length);
    for (let k = 0; k < bases.length; k++) raw[k] = mulDivHalfEven(bases[k]!, bp, 10_000);
    byLine(w, raw);
  }
}

function fixed(w: Work, resume_: boolean, amount: number, applications: number): void {
  if (resume_) resume(w, amount * applications);
  else
    byLine(
      w,
      w.picks.qm.map((q) => mulDivHalfEven(amount, q, 1000)),
    );
}

export function computeBenefit(cb: CompiledBenefit, state: LineState, caps: Caps): Grant {
  const basket = state.scan.basket;
  const qm = state.scan.qm;
  const remaining = state.remaining;
  const picks = pickUnits(cb, state, caps);
  const index = picks.index;
  const n = index.length;
  let units = 0;
  let baseSum = 0;
  let capSum = 0;
  // What the picked units still cost (the cap of their discount) and the price base a rate applies to.
  // On the benefited price (the default) the bases are the caps: one array for both.
  const original = cb.original;
  const caps_ = new Array<number>(n);
  const bases = original ? new Array<number>(n) : caps_;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    const q = picks.qm[k]!;
    units += q;
    // A whole line's cap is what it still costs (the same as the rounded proportion, computed).
    const cap = q === qm[i]! ? remaining[i]! : mulDivHalfEven(remaining[i]!, q, qm[i]!);
    caps_[k] = cap;
    capSum += cap;
    if (original) {
      const base = mulDivHalfEven(basket.lines[i]!.unitPrice, q, 1000);
      bases[k] = base;
      baseSum += base;
    }
  }
  if (!original) baseSum = capSum;
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
  const w: Work = { picks, caps: caps_, bases, capSum, amountCap, shares: null, grant };
  if (cb.message !== null) grant.messages.push(cb.message);
  if (n === 0) return grant;
  // The discounts read the compiled record only; the other kinds read their benefit.
  const b = cb.benefit;
  if (cb.kind === 'PercentageDiscount') {
    const bp = cb.staggered ? stepValue(cb.staggered, units) : cb.value;
    if (bp !== null) percent(w, cb.resume, bp);
  } else if (cb.kind === 'FixedDiscount') {
    const amount = cb.staggered ? stepValue(cb.staggered, units) : cb.value;
    if (amount !== null) fixed(w, cb.resume, amount, caps.applications);
  } else if (cb.kind === 'NewPrice')
    byLine(
      w,
      picks.qm.map((q, k) => bases[k]! - mulDivHalfEven(cb.value, q, 1000)),
    );
  else
    switch (b.kind) {
      case 'ContractPercentageDiscount':
        if (basket.contract !== null && b.contracts.includes(basket.contract))
          percent(w, cb.resume, b.percentBp);
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
        for (let k = 0; k < n; k++) {
          const line = basket.lines[index[k]!]!;
          const q = picks.qm[k]!;
          const entry = b.entries.find(
            (e) =>
              e.code === (line.attributes.code ?? line.sku) &&
              (e.store === '-' || e.store === basket.storeCode),
          );
          if (!entry) continue;
          const price = caps_[k]!;
          const off =
            entry.discountType === 'perc'
              ? mulDivHalfEven(price, entry.discountValue, 10_000)
              : entry.discountType === 'fix'
                ? mulDivHalfEven(entry.discountValue, q, 1000)
                : price - mulDivHalfEven(entry.discountValue, q, 1000);
          grant.offers.push({
            kind: b.kind,
            line: index[k]!,
            code: entry.code,
            points: entry.points,
            amount: Math.max(0, Math.min(price, off)),
            quantity: q / 1000,
          });
        }
        break;
      default:
        grant.messages.push(`${b.kind} is reported to the till and not computed by the engine.`);
    }
  // The lines used (those discounted, or every picked line when the benefit discounts nothing) and the
  // discount per line, in line order.
  const shares = w.shares;
  const lines = new Array<number>(n);
  const lineDiscounts: Grant['lineDiscounts'] = new Array(n);
  let used = 0;
  let discounted = 0;
  for (const k of lineOrder(index, state.scan)) {
    const d = shares === null ? 0 : shares[k]!;
    if (d > 0) lineDiscounts[discounted++] = { index: index[k]!, discount: d };
    if (grant.discount === 0 || d > 0) lines[used++] = index[k]!;
  }
  lines.length = used;
  lineDiscounts.length = discounted;
  grant.lines = lines;
  grant.lineDiscounts = lineDiscounts;
  return grant;
}

/** Whether the grant gives anything. */
export const grantsSomething = (g: Grant) =>
  g.discount > 0 || g.points > 0 || g.coupons.length > 0 || g.offers.length > 0;
