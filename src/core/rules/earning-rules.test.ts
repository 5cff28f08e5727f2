import { describe, expect, it } from 'vitest';
import { computeEarning, isDiscountedLine, type EarningRule } from './earning-rules.js';
import type { SaleLine } from './sale-line.js';

const common = { rounding: 'floor', minimumAmount: 0, excludeDiscounted: false } as const;
const perEuro = { points: 1, per: 100 };

const line = (lineNo: number, amount: number, extra: Partial<SaleLine> = {}): SaleLine => ({
  lineNo,
  operation: 'purchase',
  amount,
  quantity: 1,
  discountPercent: 0,
  ...extra,
});

const SALE: SaleLine[] = [
  line(1, 229000, { itemCode: '0021147', attributes: { type: '8', level1: 'SHOES' }, brand: 'BIRKI' }),
  line(2, 70000, { itemCode: '0064051', attributes: { type: '5' }, brand: 'FHCS' }),
  line(3, 1000, { itemCode: '1234', attributes: { type: '5' }, discountPercent: 10 }),
  line(4, -500, { operation: 'discount', itemCode: '0064051' }),
  line(5, 5000, { operation: 'deposit' }),
];

describe('computeEarning: one rule at a time', () => {
  it.each<[string, EarningRule, number, number[]]>([
    ['visit', { ...common, id: 'r', kind: 'visit', rate: { points: 10 } }, 10, [1, 2, 3]],
    [
      'visit below minimum',
      { ...common, id: 'r', kind: 'visit', rate: { points: 10 }, minimumAmount: 400000 },
      0,
      [1, 2, 3],
    ],
    ['total amount', { ...common, id: 'r', kind: 'total_amount', rate: perEuro }, 3000, [1, 2, 3]],
    [
      'total amount, discounted lines excluded',
      { ...common, id: 'r', kind: 'total_amount', rate: perEuro, excludeDiscounted: true },
      2290,
      [1],
    ],
    [
      'total amount 1/700 floor',
      { ...common, id: 'r', kind: 'total_amount', rate: { points: 1, per: 700 } },
      428,
      [1, 2, 3],
    ],
    [
      'total amount 1/700 round',
      { ...common, id: 'r', kind: 'total_amount', rate: { points: 1, per: 700 }, rounding: 'round' },
      429,
      [1, 2, 3],
    ],
    [
      'total amount 1/700 ceil',
      { ...common, id: 'r', kind: 'total_amount', rate: { points: 1, per: 700 }, rounding: 'ceil' },
      429,
      [1, 2, 3],
    ],
    [
      'total amount at exactly the minimum',
      { ...common, id: 'r', kind: 'total_amount', rate: perEuro, minimumAmount: 300000 },
      3000,
      [1, 2, 3],
    ],
    [
      'type 5',
      {
        ...common,
        id: 'r',
        kind: 'attribute_subtotal',
        attribute: 'type',
        values: ['5'],
        rate: { points: 2, per: 100 },
      },
      1420,
      [2, 3],
    ],
    [
      'type 8 below minimum',
      {
        ...common,
        id: 'r',
        kind: 'attribute_subtotal',
        attribute: 'type',
        values: ['8'],
        rate: perEuro,
        minimumAmount: 300000,
      },
      0,
      [1],
    ],
    [
      'type 9 (no line)',
      { ...common, id: 'r', kind: 'attribute_subtotal', attribute: 'type', values: ['9'], rate: perEuro },
      0,
      [],
    ],
    [
      'brand',
      {
        ...common,
        id: 'r',
        kind: 'brand',
        brand: 'BIRKI',
        rate: { points: 1, per: 1000 },
        rounding: 'round',
      },
      229,
      [1],
    ],
    [
      'level1, several values',
      {
        ...common,
        id: 'r',
        kind: 'attribute_subtotal',
        attribute: 'level1',
        values: ['SHOES', 'BAGS'],
        rate: perEuro,
      },
      2290,
      [1],
    ],
    [
      'code falls back to the item code',
      {
        ...common,
        id: 'r',
        kind: 'attribute_subtotal',
        attribute: 'code',
        values: ['0064051'],
        rate: perEuro,
      },
      700,
      [2],
    ],
    [
      'brand attribute falls back to the line brand',
      { ...common, id: 'r', kind: 'attribute_subtotal', attribute: 'brand', values: ['FHCS'], rate: perEuro },
      700,
      [2],
    ],
    ['brand is case-sensitive', { ...common, id: 'r', kind: 'brand', brand: 'birki', rate: perEuro }, 0, []],
    [
      'items',
      { ...common, id: 'r', kind: 'items', itemCodes: ['1234', '4567'], rate: { points: 5, per: 100 } },
      50,
      [3],
    ],
    [
      'items, discounted excluded',
      { ...common, id: 'r', kind: 'items', itemCodes: ['1234'], rate: perEuro, excludeDiscounted: true },
      0,
      [],
    ],
    [
      'zero-point rule',
      { ...common, id: 'r', kind: 'total_amount', rate: { points: 0, per: 100 } },
      0,
      [1, 2, 3],
    ],
  ])('%s', (_name, rule, points, lineNos) => {
    const result = computeEarning([rule], SALE);
    expect(result.points).toBe(points);
    expect(result.perRule).toEqual([expect.objectContaining({ ruleId: 'r', points, lineNos })]);
  });
});

describe('computeEarning: rule sets', () => {
  const rules: EarningRule[] = [
    { ...common, id: 'visit', kind: 'visit', rate: { points: 10 } },
    { ...common, id: 'total', kind: 'total_amount', rate: perEuro },
    { ...common, id: 'cat5', kind: 'attribute_subtotal', attribute: 'type', values: ['5'], rate: perEuro },
  ];

  it('adds up the rules and reports unused lines', () => {
    const result = computeEarning(rules, SALE);
    expect(result.perRule.map((r) => [r.ruleId, r.points])).toEqual([
      ['visit', 10],
      ['total', 3000],
      ['cat5', 710],
    ]);
    expect(result.points).toBe(3720);
    expect(result.unusedLines).toEqual([4, 5]);
    expect(result.deductions).toEqual([]);
  });

  it('deducts voucher money before computing (ties go to the earlier line)', () => {
    const result = computeEarning(rules, SALE, 1000);
    expect(result.deductions).toEqual([
      { lineNo: 1, amount: 764 },
      { lineNo: 2, amount: 233 },
      { lineNo: 3, amount: 3 },
    ]);
    expect(result.perRule.map((r) => r.eligibleAmount)).toEqual([299000, 299000, 70764]);
    expect(result.points).toBe(10 + 2990 + 707);
  });

  it('earns nothing on a sale fully paid by vouchers, but still counts the visit', () => {
    const result = computeEarning(rules, SALE, 1_000_000);
    expect(result.perRule.map((r) => r.points)).toEqual([10, 0, 0]);
  });

  it('replays the Avomark "Cas pratique": 2 290 € + 700 €, two 5 € amount vouchers, 1 point per euro', () => {
    const lines = [line(1, 229000, { itemCode: '0021147' }), line(2, 70000, { itemCode: '0064051' })];
    expect(computeEarning([rules[1]!], lines, 1000).points).toBe(2980);
  });

  it('replays the Fidelisa rule basis: SubTotal1 and Item 1234,4567; item 11234 is "Not Use"', () => {
    const fidelisa: EarningRule[] = [
      {
        ...common,
        id: 'SubTotal1',
        kind: 'attribute_subtotal',
        attribute: 'type',
        values: ['1'],
        rate: perEuro,
      },
      {
        ...common,
        id: 'Item',
        kind: 'items',
        itemCodes: ['1234', '4567'],
        rate: perEuro,
        excludeDiscounted: true,
      },
    ];
    const bill = [line(1, 12350, { attributes: { type: '1' } }), line(2, 1250, { itemCode: '11234' })];
    const result = computeEarning(fidelisa, bill);
    expect(result.points).toBe(123);
    expect(result.unusedLines).toEqual([2]);
  });

  it('earns nothing without rules and reports every line', () => {
    expect(computeEarning([], SALE)).toEqual({
      points: 0,
      perRule: [],
      unusedLines: [1, 2, 3, 4, 5],
      deductions: [],
    });
  });

  it('does not mutate its inputs', () => {
    const lines = structuredClone(SALE);
    const copy = structuredClone(rules);
    computeEarning(rules, lines, 1000);
    expect(lines).toEqual(SALE);
    expect(rules).toEqual(copy);
  });
});

describe('isDiscountedLine', () => {
  it.each([
    ['percentage discount', SALE[2]!, true],
    ['discount operation line for the same item', SALE[1]!, true],
    ['no discount', SALE[0]!, false],
    ['no item code', line(9, 100), false],
  ] as const)('%s', (_name, l, expected) => {
    expect(isDiscountedLine(l, SALE)).toBe(expected);
  });
});
