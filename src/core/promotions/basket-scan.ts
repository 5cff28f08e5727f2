/**
 * What one evaluation reads of its basket, computed once: quantities in thousandths, the canonical line
 * order (cheapest unit first, then sku, quantity and attributes: independent of the order the till sent
 * the lines in), and an inverted index
 * of the lines by attribute value, so that the lines of a set are found by a few lookups instead of a scan
 * of the basket per promotion.
 */
import type { Basket } from './basket.js';

/** A set as compiled with its map version: every item (attribute null), or those with one of `values`. */
export interface CompiledSet {
  kind: 'item' | 'payment';
  attribute: string | null;
  values: ReadonlySet<string>;
  /** The same values in the order the promotion gives them (iteration of a set is insertion-ordered too). */
  list: readonly string[];
}

export interface BasketScan {
  basket: Basket;
  /** Quantity of each line in thousandths of a unit. */
  qm: readonly number[];
  /** Line indices, cheapest unit first (price, sku, quantity, then position). */
  cheapest: readonly number[];
  /** Rank of each line in `cheapest`. */
  rank: readonly number[];
  /** attribute → value → line indices in canonical order ("code" is the item code, else the sku). */
  byValue: ReadonlyMap<string, ReadonlyMap<string, number[]>>;
  /** The lines of an item set (canonical order), memoised for the evaluation. */
  linesOf(set: CompiledSet): readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lines alike in price, sku and quantity are ordered by their attributes: only identical lines tie. */
const attributesKey = (attributes: Basket['lines'][number]['attributes']) =>
  Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k as keyof typeof attributes] ?? ''}`)
    .join('|');

export function scanBasket(basket: Basket): BasketScan {
  const lines = basket.lines;
  const qm = lines.map((l) => Math.round(l.quantity * 1000));
  const cheapest = [...lines.keys()].sort((a, b) => {
    const x = lines[a]!;
    const y = lines[b]!;
    return (
      x.unitPrice - y.unitPrice ||
      compare(x.sku, y.sku) ||
      qm[a]! - qm[b]! ||
      compare(attributesKey(x.attributes), attributesKey(y.attributes)) ||
      a - b
    );
  });
  const rank = new Array<number>(lines.length);
  cheapest.forEach((i, r) => (rank[i] = r));
  const byValue = new Map<string, Map<string, number[]>>();
  const file = (attribute: string, value: string, i: number) => {
    let values = byValue.get(attribute);
    if (!values) byValue.set(attribute, (values = new Map()));
    const list = values.get(value);
    if (list) list.push(i);
    else values.set(value, [i]);
  };
  for (const i of cheapest) {
    const attributes = lines[i]!.attributes;
    file('code', attributes.code ?? lines[i]!.sku, i);
    for (const k in attributes) {
      const v = attributes[k as keyof typeof attributes];
      if (k !== 'code' && v !== undefined) file(k, v, i);
    }
  }
  const memo = new Map<CompiledSet, readonly number[]>();
  const linesOf = (set: CompiledSet): readonly number[] => {
    if (set.kind !== 'item') return NONE;
    if (set.attribute === null) return cheapest;
    let found = memo.get(set);
    if (found) return found;
    const values = byValue.get(set.attribute);
    let out: number[] | null = null;
    let merged = false;
    if (values)
      for (const v of set.list) {
        const l = values.get(v);
        if (!l) continue;
        if (out === null) out = l;
        else {
          out = out.concat(l);
          merged = true;
        }
      }
    if (merged) out = [...new Set(out)].sort((a, b) => rank[a]! - rank[b]!);
    found = out ?? NONE;
    memo.set(set, found);
    return found;
  };
  return { basket, qm, cheapest, rank, byValue, linesOf };
}
