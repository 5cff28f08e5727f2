/**
 * A benefit as the compiled map holds it, and the units it picks on a basket: the lines of its applied sets
 * in the canonical order (cheapest first), within its caps, and the order of line indices a grant lists
 * them in.
 */
import type { BasketScan, CompiledSet } from './basket-scan.js';
import type { Caps, LineState } from './compute-benefit.js';
import type { Benefit, StaggeredStep } from './model.js';

/**
 * A benefit as compiled with its map version: its applied groups with their sets resolved (undefined: a
 * set the promotion does not define, which benefits every item, as before) and its till message, so that
 * a computation reads this record and the benefit, not the promotion's Map of sets nor its message record.
 */
export interface CompiledBenefit {
  benefit: Benefit;
  nro: string;
  kind: Benefit['kind'];
  /** The number of applied groups; the first one's set and max (the common case) are inline. */
  groupCount: number;
  set0: CompiledSet | undefined;
  max0: number | null;
  groups: readonly { set: CompiledSet | undefined; max: number | null }[];
  /** display, else printer, else TLOG message (null: none). */
  message: string | null;
  /** The benefit's fields every computation reads, copied: applicationMethod resume, priceBase original. */
  resume: boolean;
  original: boolean;
  /** A discount's staggered steps (PercentageDiscount, FixedDiscount), else null. */
  staggered: readonly StaggeredStep[] | null;
  /** PercentageDiscount's basis points, FixedDiscount's amount, NewPrice's price (minor units), else 0. */
  value: number;
}

export function compileBenefit(b: Benefit, sets: ReadonlyMap<string, CompiledSet>): CompiledBenefit {
  const groups = b.appliedTo.map((g) => ({ set: sets.get(g.set), max: g.max }));
  return {
    benefit: b,
    nro: b.nro,
    kind: b.kind,
    groupCount: groups.length,
    set0: groups[0]?.set,
    max0: groups[0]?.max ?? null,
    groups,
    message: b.messages.display ?? b.messages.printer ?? b.messages.tlog,
    resume: b.applicationMethod === 'resume',
    original: b.priceBase === 'original',
    staggered: b.kind === 'PercentageDiscount' || b.kind === 'FixedDiscount' ? b.staggered : null,
    value:
      b.kind === 'PercentageDiscount'
        ? b.percentBp
        : b.kind === 'FixedDiscount'
          ? b.amountMinor
          : b.kind === 'NewPrice'
            ? b.priceMinor
            : 0,
  };
}

/** The benefited units: line indices and thousandths of units taken of each, in the canonical line order. */
export interface Picks {
  index: readonly number[];
  qm: readonly number[];
}

export function pickUnits(cb: CompiledBenefit, state: LineState, caps: Caps): Picks {
  const { scan, remaining } = state;
  let unitCap = caps.units ?? Infinity;
  if (cb.groupCount <= 1) {
    // No group (every item) or one (the common case): each line is met once, in the canonical order. The
    // arrays are sized for every line of the set (50 for a set of every item), then cut to the picks.
    const set = cb.set0;
    const lines = set ? scan.linesOf(set) : scan.cheapest;
    // Every item, no cap (a basket-wide promotion): when each line still costs something, the picks are
    // the whole of every line in the canonical order, which the scan holds once for all such promotions.
    if (lines === scan.cheapest && unitCap === Infinity && (cb.groupCount === 0 || cb.max0 === null)) {
      let all = true;
      for (let k = 0; k < lines.length && all; k++)
        all = scan.qm[lines[k]!]! > 0 && remaining[lines[k]!]! > 0;
      if (all) return { index: scan.cheapest, qm: scan.qmByRank };
    }
    const index = new Array<number>(lines.length);
    const qms = new Array<number>(lines.length);
    let n = 0;
    let cap = cb.groupCount === 0 || cb.max0 === null ? Infinity : cb.max0 * caps.applications * 1000;
    for (let k = 0; k < lines.length; k++) {
      if (cap <= 0 || unitCap <= 0) break;
      const i = lines[k]!;
      const left = scan.qm[i]!;
      if (left <= 0 || remaining[i]! <= 0) continue;
      const q = Math.min(left, cap, unitCap);
      index[n] = i;
      qms[n++] = q;
      cap -= q;
      unitCap -= q;
    }
    index.length = n;
    qms.length = n;
    return { index, qm: qms };
  }
  const index: number[] = [];
  const qms: number[] = [];
  // Several groups may name the same line: what a group takes of a line is not offered to the next one.
  const taken = new Map<number, number>();
  for (const g of cb.groups) {
    const set = g.set;
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
  const picked = [...taken.keys()].sort((x, y) => scan.rank[x]! - scan.rank[y]!);
  for (const i of picked) {
    index.push(i);
    qms.push(taken.get(i)!);
  }
  return { index, qm: qms };
}

/**
 * The positions of the picks by line index (the order of a grant's lines and line discounts). Every line
 * picked (a set of every item): the picks are the canonical order itself, so the position of line i is its
 * rank. A handful: put in order by insertion. Else: by marking the lines in a scan of the basket.
 */
const FIRST: readonly number[] = Object.freeze([0]);

export function lineOrder(index: readonly number[], scan: BasketScan): readonly number[] {
  const n = index.length;
  const lineCount = scan.qm.length;
  if (n === lineCount) return scan.rank;
  if (n === 1) return FIRST;
  const order = new Array<number>(n);
  if (n <= 8) {
    for (let k = 0; k < n; k++) {
      const x = index[k]!;
      let j = k - 1;
      for (; j >= 0 && index[order[j]!]! > x; j--) order[j + 1] = order[j]!;
      order[j + 1] = k;
    }
    return order;
  }
  const at = new Int32Array(lineCount).fill(-1);
  for (let k = 0; k < n; k++) at[index[k]!] = k;
  let o = 0;
  for (let i = 0; i < lineCount; i++) if (at[i]! >= 0) order[o++] = at[i]!;
  return order;
}
