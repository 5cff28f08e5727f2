import { describe, expect, it } from 'vitest';
import { billLines, unusedDetails, type BillDetail } from '../bill-lines.js';

const sub = (category: number, amount: number, quantity = 1): BillDetail => ({
  kind: 'subtotal',
  category,
  amount,
  quantity,
});
const item = (itemCode: string, amount: number, category?: number, quantity = 1): BillDetail => ({
  kind: 'item',
  itemCode,
  amount,
  quantity,
  ...(category !== undefined ? { category } : {}),
});
/** A line as [itemCode, subtotal (its type attribute), amount] for compact tables. */
type Row = [string | null, number | null, number];

describe('Fidelisa bill details → engine lines partitioning the total', () => {
  it.each<[string, number, BillDetail[], Row[], number[][]]>([
    [
      'seed example: the item is inside SubTotal1 = total',
      12350,
      [sub(1, 12350, 2), item('1234', 1250, undefined, 2)],
      [
        [null, 1, 11100],
        ['1234', 1, 1250],
      ],
      [[0], [1, 0]],
    ],
    [
      'disjoint details within the total, rest without category',
      10000,
      [sub(1, 6000), item('A', 1000)],
      [
        [null, 1, 6000],
        ['A', null, 1000],
        [null, null, 3000],
      ],
      [[0], [1], []],
    ],
    ['no details: one uncovered line', 5000, [], [[null, null, 5000]], [[]]],
    ['details equal to the total: no rest line', 5000, [sub(2, 5000)], [[null, 2, 5000]], [[0]]],
    [
      'overlap: first subtotal whose remainder covers the item; uncovered rest kept',
      10000,
      [sub(1, 3000), sub(2, 5000), item('A', 4000), item('B', 2000)],
      [
        [null, 1, 1000],
        [null, 2, 1000],
        ['A', 2, 4000],
        ['B', 1, 2000],
        [null, null, 2000],
      ],
      [[0], [1], [2, 1], [3, 0], []],
    ],
    [
      "the item's own category wins over wire order",
      8000,
      [sub(1, 4000), sub(2, 4000), item('A', 1000, 2), item('B', 3000)],
      [
        [null, 1, 1000],
        [null, 2, 3000],
        ['A', 2, 1000],
        ['B', 1, 3000],
      ],
      [[0], [1], [2, 1], [3, 0]],
    ],
    [
      'a subtotal made only of its item has no line of its own',
      5000,
      [sub(3, 5000), item('A', 5000)],
      [['A', 3, 5000]],
      [[1, 0]],
    ],
  ])('%s', (_, total, details, rows, sources) => {
    const result = billLines(total, details);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { lines } = result.value;
    const type = (l: (typeof lines)[number]) => (l.attributes?.type ? Number(l.attributes.type) : null);
    expect(lines.map((l): Row => [l.itemCode ?? null, type(l), l.amount])).toEqual(rows);
    // An item's line carries its code as an attribute (promotions select on it).
    for (const l of lines) expect(l.attributes?.code).toBe(l.itemCode);
    expect(result.value.sources).toEqual(sources);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(total);
    expect(lines.every((l) => l.operation === 'purchase')).toBe(true);
  });

  it('keeps the quantities of the details', () => {
    const result = billLines(12350, [sub(1, 12350, 2), item('1234', 1250, undefined, 3)]);
    expect(result.ok && result.value.lines.map((l) => l.quantity)).toEqual([2, 3]);
  });

  it.each<[string, number, BillDetail[], RegExp]>([
    [
      'subtotals above the total',
      10000,
      [sub(1, 6000), sub(2, 5000)],
      /subtotals \(110\.00\) exceed the bill total \(100\.00\)/,
    ],
    [
      'an item no subtotal can hold',
      10000,
      [sub(1, 6000), sub(2, 4000), item('A', 7000)],
      /item A \(70\.00, details\.2\) does not fit in what remains of any subtotal/,
    ],
    [
      'items above the total without subtotals',
      1000,
      [item('A', 600), item('B', 600)],
      /items 12\.00\) exceed the bill total \(10\.00\) and item A/,
    ],
    [
      "an item whose own category's subtotal is too small",
      10000,
      [sub(1, 9000), sub(2, 1000), item('A', 2000, 2)],
      /does not fit in what remains of a SubTotal2/,
    ],
    [
      'the second item no longer fits once the first is placed',
      10000,
      [sub(1, 10000), item('A', 6000), item('B', 6000)],
      /item B \(60\.00, details\.2\)/,
    ],
  ])('refuses %s', (_, total, details, message) => {
    const result = billLines(total, details);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('engine unused lines → Fidelisa details "Not Use"', () => {
  const sources = [[0], [1, 0], [2], []];
  it.each<[string, number[], number[]]>([
    ['all lines used', [], []],
    ['the uncovered line is not a detail', [4], []],
    ['an unused disjoint item', [3], [2]],
    ['a subtotal is used through an item taken from it', [1], []],
    ['an item and its subtotal both unused', [1, 2], [0, 1]],
    ['everything unused', [1, 2, 3, 4], [0, 1, 2]],
  ])('%s', (_, unusedLines, details) => expect(unusedDetails(unusedLines, sources, 3)).toEqual(details));
});
