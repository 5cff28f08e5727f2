/**
 * A Fidelisa bill's details as engine sale lines that PARTITION the bill total.
 *
 * Fidelisa details overlap: SubTotal1..9 are the category amounts of the bill, and Item details may be
 * parts of them (the seed's example: SubTotal1 = 123.50 = the total, with an Item of 12.50 inside it).
 * One engine line per detail would then count the item twice, so:
 *
 * - subtotals alone above the total: refused (inconsistent bill);
 * - subtotals + items within the total: the details are disjoint, one line each (items without type);
 * - subtotals + items above the total: every item is inside a subtotal. It becomes its own line (its item
 *   code, the type of its subtotal, its amount) and that subtotal's line keeps only the remainder.
 *   The subtotal is chosen deterministically, items in wire order: among the subtotals of the item's own
 *   category when it has one (the seed's wire gives none; kept for callers that know it), else among all,
 *   the first subtotal (wire order) whose remainder still covers the item. An item no subtotal covers:
 *   refused (first fit; no search for another assignment);
 * - what no detail covers stays one line without type.
 *
 * Lines carry item attributes, which earning rules and promotions select on: a subtotal's line (and an item
 * taken out of it) has the subtotal's type (subtotals.ts), an item's line its code.
 */
import { formatDecimal } from '../../core/money/money.js';
import type { SaleLineInput } from '../../app/sales/post-sale.js';
import { subtotalAttributes } from './subtotals.js';

export type BillDetail =
  | { kind: 'subtotal'; category: number; amount: number; quantity: number }
  | {
      kind: 'item';
      itemCode: string;
      amount: number;
      quantity: number;
      category?: number | undefined;
    };

export interface BillLines {
  lines: SaleLineInput[];
  /** sources[k]: the indexes of the details engine line k comes from (none for the uncovered rest). */
  sources: number[][];
}

export type BillLinesResult = { ok: true; value: BillLines } | { ok: false; message: string };

/** 12350 → "123.50", for messages. */
const euros = (minor: number): string => formatDecimal(minor, 2);

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export function billLines(total: number, details: readonly BillDetail[]): BillLinesResult {
  const subtotals = details.flatMap((d, index) => (d.kind === 'subtotal' ? [{ d, index }] : []));
  const items = details.flatMap((d, index) => (d.kind === 'item' ? [{ d, index }] : []));
  const subtotalSum = sum(subtotals.map((s) => s.d.amount));
  const itemSum = sum(items.map((i) => i.d.amount));
  if (subtotalSum > total) {
    return {
      ok: false,
      message: `The subtotals (${euros(subtotalSum)}) exceed the bill total (${euros(total)}).`,
    };
  }

  const lines: SaleLineInput[] = [];
  const sources: number[][] = [];
  const purchase = (line: Omit<SaleLineInput, 'operation'>, from: number[]) => {
    lines.push({ operation: 'purchase', ...line });
    sources.push(from);
  };

  if (subtotalSum + itemSum <= total) {
    // Disjoint details: one line each, as Fidelisa sends them.
    for (const [index, d] of details.entries()) {
      if (d.kind === 'subtotal') {
        const attributes = subtotalAttributes(d.category);
        purchase({ attributes, amount: d.amount, quantity: d.quantity }, [index]);
      } else {
        const attributes = { code: d.itemCode };
        purchase({ itemCode: d.itemCode, attributes, amount: d.amount, quantity: d.quantity }, [index]);
      }
    }
    const rest = total - subtotalSum - itemSum;
    if (rest > 0) purchase({ amount: rest, quantity: 1 }, []);
    return { ok: true, value: { lines, sources } };
  }

  // Overlapping details: each item is taken out of one subtotal.
  const remainder = new Map(subtotals.map((s) => [s.index, s.d.amount]));
  const carved = new Map<number, number[]>(subtotals.map((s) => [s.index, []]));
  const home = new Map<number, number>();
  for (const { d, index } of items) {
    const candidates = subtotals.filter(
      (s) => (d.category === undefined || s.d.category === d.category) && remainder.get(s.index)! >= d.amount,
    );
    const chosen = candidates[0];
    if (!chosen) {
      const where = d.category === undefined ? 'any subtotal' : `a SubTotal${d.category}`;
      return {
        ok: false,
        message:
          `The details (subtotals ${euros(subtotalSum)} + items ${euros(itemSum)}) exceed the bill total ` +
          `(${euros(total)}) and item ${d.itemCode} (${euros(d.amount)}, details.${index}) does not fit in ` +
          `what remains of ${where}.`,
      };
    }
    remainder.set(chosen.index, remainder.get(chosen.index)! - d.amount);
    carved.get(chosen.index)!.push(index);
    home.set(index, chosen.index);
  }
  for (const [index, d] of details.entries()) {
    if (d.kind === 'subtotal') {
      const rest = remainder.get(index)!;
      // A subtotal wholly made of its items has no line of its own; an empty one keeps its line, as sent.
      if (rest > 0 || carved.get(index)!.length === 0) {
        purchase({ attributes: subtotalAttributes(d.category), amount: rest, quantity: d.quantity }, [index]);
      }
    } else {
      const from = home.get(index)!;
      const category = (details[from] as { category: number }).category;
      const attributes = { code: d.itemCode, ...subtotalAttributes(category) };
      purchase({ itemCode: d.itemCode, attributes, amount: d.amount, quantity: d.quantity }, [index, from]);
    }
  }
  const rest = total - subtotalSum;
  if (rest > 0) purchase({ amount: rest, quantity: 1 }, []);
  return { ok: true, value: { lines, sources } };
}

/**
 * The details no rule used ("Not Use"), in wire order, from the engine's unused line numbers (1-based):
 * a detail is used when any of its lines was (a subtotal's lines: its remainder and the items taken from it).
 */
export function unusedDetails(
  unusedLineNos: readonly number[],
  sources: readonly (readonly number[])[],
  detailCount: number,
): number[] {
  const unused = new Set(unusedLineNos);
  const used = new Set<number>();
  for (const [k, from] of sources.entries()) {
    if (!unused.has(k + 1)) for (const index of from) used.add(index);
  }
  return Array.from({ length: detailCount }, (_, index) => index).filter((index) => !used.has(index));
}
