/**
 * What one evaluation reads of its basket, computed once: quantities in thousandths, the canonical line
 * order (cheapest unit first, then sku, quantity and attributes: independent of the order the till sent
 * the lines in), and the basket's values as entries of the compiled map's key table (each value hashed and
 * looked up once per evaluation), each with its lines in canonical order, so that the lines of a set are a
 * few lookups by entry number instead of a scan of the basket per promotion.
 */
import type { Basket } from './basket.js';
import { attributeSeed, findKey, type KeyTable } from './key-table.js';
import { ITEM_ATTRIBUTES } from './model.js';

/** A set as compiled with its map version: every item (attribute null), or those with one of `values`. */
export interface CompiledSet {
  kind: 'item' | 'payment';
  attribute: string | null;
  values: ReadonlySet<string>;
  /** The same values in the order the promotion gives them (iteration of a set is insertion-ordered too). */
  list: readonly string[];
  /** The entry of each value of `list` in the compiled map's key table (an item set's values are all filed). */
  entries: readonly number[];
  /** The only entry of a one-value item set (the common set: read without `entries`), else -1. */
  entry: number;
}

export interface BasketScan {
  basket: Basket;
  /** Quantity of each line in thousandths of a unit. */
  qm: readonly number[];
  /** Line indices, cheapest unit first (price, sku, quantity, then position). */
  cheapest: readonly number[];
  /** Rank of each line in `cheapest`. */
  rank: readonly number[];
  /** The quantities (thousandths) in the order of `cheapest`. */
  qmByRank: readonly number[];
  /** The key-table entries of the lines' values (each once), in the order first met. */
  entries: readonly number[];
  /** The lines of an item set (canonical order), memoised for the evaluation. */
  linesOf(set: CompiledSet): readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);
const CODE = attributeSeed('code');
const SEEDS: ReadonlyMap<string, number> = new Map(ITEM_ATTRIBUTES.map((a) => [a, attributeSeed(a)]));

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lines alike in price, sku and quantity are ordered by their attributes: only identical lines tie. */
const attributesKey = (attributes: Basket['lines'][number]['attributes']) =>
  Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k as keyof typeof attributes] ?? ''}`)
    .join('|');

/**
 * The canonical order: by unit price, then sku, quantity, attributes and position. Prices that are safe
 * integers are sorted with the line's position packed in (a typed array's sort, no comparator), then the
 * runs of equal price (a few) are put in order by the full comparison; the result is the comparison's.
 */
function canonicalOrder(lines: Basket['lines'], qm: readonly number[]): number[] {
  const n = lines.length;
  const full = (a: number, b: number) => {
    const x = lines[a]!;
    const y = lines[b]!;
    return (
      x.unitPrice - y.unitPrice ||
      compare(x.sku, y.sku) ||
      qm[a]! - qm[b]! ||
      compare(attributesKey(x.attributes), attributesKey(y.attributes)) ||
      a - b
    );
  };
  let scale = 1;
  while (scale < n) scale *= 2;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const price = lines[i]!.unitPrice;
    const key = price * scale + i;
    if (!Number.isSafeInteger(price) || price < 0 || !Number.isSafeInteger(key))
      return [...lines.keys()].sort(full);
    packed[i] = key;
  }
  packed.sort();
  const out = new Array<number>(n);
  for (let r = 0; r < n; r++) out[r] = packed[r]! % scale;
  for (let r = 0; r < n;) {
    const price = lines[out[r]!]!.unitPrice;
    let end = r + 1;
    while (end < n && lines[out[end]!]!.unitPrice === price) end++;
    if (end - r > 1) {
      const run = out.slice(r, end).sort(full);
      for (let k = 0; k < run.length; k++) out[r + k] = run[k]!;
    }
    r = end;
  }
  return out;
}

/**
 * `table`: the compiled map's key table (null: no map, no set to find lines of). Each line's values (its
 * code, else its sku, and each attribute) are looked up once; those the map files are kept with their lines.
 */
export function scanBasket(basket: Basket, table: KeyTable | null): BasketScan {
  const lines = basket.lines;
  const n = lines.length;
  const qm = new Array<number>(n);
  for (let i = 0; i < n; i++) qm[i] = Math.round(lines[i]!.quantity * 1000);
  const cheapest = canonicalOrder(lines, qm);
  const rank = new Array<number>(n);
  const qmByRank = new Array<number>(n);
  for (let r = 0; r < n; r++) {
    rank[cheapest[r]!] = r;
    qmByRank[r] = qm[cheapest[r]!]!;
  }
  const entries: number[] = [];
  // entry → its lines in canonical order (an entry is an attribute and a value: a line files it once).
  const byEntry = new Map<number, number[]>();
  const file = (e: number, i: number) => {
    if (e < 0) return;
    const list = byEntry.get(e);
    if (list) list.push(i);
    else {
      byEntry.set(e, [i]);
      entries.push(e);
    }
  };
  if (table !== null)
    for (let r = 0; r < n; r++) {
      const i = cheapest[r]!;
      const attributes = lines[i]!.attributes;
      file(findKey(table, CODE, 'code', attributes.code ?? lines[i]!.sku), i);
      for (const k in attributes) {
        const v = attributes[k as keyof typeof attributes];
        if (k !== 'code' && v !== undefined) file(findKey(table, SEEDS.get(k) ?? attributeSeed(k), k, v), i);
      }
    }
  let memo: Map<CompiledSet, readonly number[]> | null = null;
  const linesOf = (set: CompiledSet): readonly number[] => {
    if (set.kind !== 'item') return NONE;
    if (set.attribute === null) return cheapest;
    if (set.entry >= 0) return byEntry.get(set.entry) ?? NONE;
    const ids = set.entries;
    let found = memo?.get(set);
    if (found) return found;
    let out: number[] | null = null;
    let merged = false;
    for (let k = 0; k < ids.length; k++) {
      const l = byEntry.get(ids[k]!);
      if (!l) continue;
      if (out === null) out = l;
      else {
        out = out.concat(l);
        merged = true;
      }
    }
    if (merged) out = [...new Set(out)].sort((a, b) => rank[a]! - rank[b]!);
    found = out ?? NONE;
    (memo ??= new Map()).set(set, found);
    return found;
  };
  return { basket, qm, cheapest, rank, qmByRank, entries, linesOf };
}
