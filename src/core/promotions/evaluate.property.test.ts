import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivHalfEven } from './arithmetic.js';
import type { Basket, BasketLine } from './basket.js';
import { basket, mapOf, promo } from './evaluate.fixture.js';
import { evaluate, evaluateCompiled } from './evaluate.js';
import { buildCompiledMap } from './map-index.js';
import type { Limit, MapVersion, Promotion } from './model.js';

const SKUS = ['A', 'B', 'C', 'D'];
const skuSet = (name: string, skus: string) => ({ name, type: 'item', attribute: 'code', value: skus });
const exists = (set: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: set },
});

/** A pool of promotions of every computed kind; a map is a subset of it. */
const POOL: Promotion[] = [
  promo('P10', { instance: 'PercentageDiscount', params: [['percent', '10']] }),
  promo(
    'P33',
    {
      instance: 'PercentageDiscount',
      params: [
        ['percent', '33.33'],
        ['applicationMethod', 'lineByLine'],
      ],
    },
    { sets: { set: skuSet('ab', 'A,B') }, condition: exists('ab') },
  ),
  promo('F5', { instance: 'FixedDiscount', params: [['amount', '5']] }),
  promo(
    'F1U',
    {
      instance: 'FixedDiscount',
      params: [
        ['amount', '1'],
        ['applicationMethod', 'lineByLine'],
      ],
      applied: [{ name: 'c' }],
    },
    { sets: { set: skuSet('c', 'C') }, condition: exists('c') },
  ),
  promo(
    'NP',
    {
      instance: 'NewPrice',
      params: [
        ['price', '0.99'],
        ['applicationPriceType', 'original-price'],
      ],
      applied: [{ name: 'd', max: '2' }],
    },
    { sets: { set: skuSet('d', 'D') }, condition: exists('d') },
  ),
  promo(
    '3x2',
    { instance: 'PercentageDiscount', params: [['percent', '100']], applied: [{ name: 'a', max: '1' }] },
    {
      sets: { set: skuSet('a', 'A') },
      condition: exists('a'),
      combo: { 'combo-component': { min: '3', max: '3', 'use-set': 'a' } },
    },
  ),
  promo('STG', {
    instance: 'FixedDiscount',
    extra: {
      staggered: {
        unit: 'qty',
        staggeredStep: [
          { min: '2', max: '4', applyValue: '3' },
          { min: '5', applyValue: '12.5' },
        ],
      },
    },
  }),
  promo('EX', { instance: 'PercentageDiscount', params: [['percent', '25']] }, { exclusive: true }),
  promo('PTS', { instance: 'PercentLoyaltyBenefit', params: [['percent', '5']] }),
  promo('FAC', { instance: 'FactorLoyaltyBenefit', params: [['factor', '2']] }),
  promo('CPN', { instance: 'CouponBenefit', params: [['couponid', 'tc01']] }),
  promo(
    'LIM',
    {
      instance: 'FixedDiscount',
      params: [
        ['amount', '2'],
        ['applicationMethod', 'lineByLine'],
      ],
      applied: [{ name: 'b' }],
    },
    { sets: { set: skuSet('b', 'B') }, condition: exists('b') },
  ),
  promo(
    'LVL',
    { instance: 'PercentageDiscount', params: [['percent', '15']], applied: [{ name: 'shoes' }] },
    {
      sets: { set: { name: 'shoes', type: 'item', attribute: 'level1', value: 'SHOES' } },
      condition: exists('shoes'),
    },
  ),
  promo(
    'BRD',
    {
      instance: 'FixedDiscount',
      params: [
        ['amount', '0.5'],
        ['applicationMethod', 'lineByLine'],
      ],
      applied: [{ name: 'acme' }],
    },
    {
      sets: { set: { name: 'acme', type: 'item', attribute: 'brand', value: 'ACME' } },
      condition: exists('acme'),
    },
  ),
  // Or(And(coupon tc01, Exists c), Exists d): the coupon is redeemed only through the first branch.
  promo(
    'CPO',
    { instance: 'PercentageDiscount', params: [['percent', '20']] },
    {
      sets: { set: [skuSet('c', 'C'), skuSet('d', 'D')] },
      condition: {
        type: 'composite',
        name: 'Or',
        condition: [
          {
            type: 'composite',
            name: 'And',
            condition: [
              { type: 'basic', name: 'Coupon', parameter: { key: 'couponType', value: 'tc01' } },
              exists('c'),
            ],
          },
          exists('d'),
        ],
      },
    },
  ),
  promo('SEG', { instance: 'FactorLoyaltyBenefit', params: [['factor', '3']] }, { segments: ['GOLD'] }),
  promo('STR', { instance: 'PercentageDiscount', params: [['percent', '5']] }, { stores: ['S2'] }),
];
const LIM = POOL.find((p) => p.code === 'LIM')!;
const LIMITS: Limit[] = [
  {
    id: 'lim',
    promotion: LIM.nro,
    benefit: LIM.benefits[0]!.nro,
    scope: 'retailer',
    storeCode: null,
    periodDays: null,
    type: 'quantity',
    max: 3,
  },
];

const lineArb: fc.Arbitrary<BasketLine> = fc.record({
  sku: fc.constantFrom(...SKUS),
  quantity: fc.oneof(
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 1, max: 5000 }).map((n) => n / 1000),
  ),
  unitPrice: fc.integer({ min: 0, max: 200_000 }),
  attributes: fc.record(
    { level1: fc.constantFrom('SHOES', 'HATS'), brand: fc.constantFrom('ACME', 'OTHER') },
    { requiredKeys: [] },
  ),
});
const COUPONS = [
  { barcode: 'C1', couponType: 'tc01', refusal: null },
  { barcode: 'C2', couponType: 'tc01', refusal: null },
  { barcode: 'C3', couponType: 'tc01', refusal: 'already consumed' },
];
const mapArb: fc.Arbitrary<MapVersion> = fc.subarray(POOL, { minLength: 1 }).chain((promotions) =>
  fc.record({ simple: fc.boolean(), used: fc.integer({ min: 0, max: 4 }) }).map(({ simple }) =>
    mapOf(promotions, {
      limits: LIMITS,
      algorithm: simple ? [{ fn: 'SIMPLE', promotions: promotions.slice(0, 2).map((p) => p.nro) }] : [],
    }),
  ),
);
const basketArb: fc.Arbitrary<Basket> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
    coupons: fc.subarray(COUPONS),
    segments: fc.subarray(['GOLD', 'SILVER']),
    storeCode: fc.constantFrom('S1', 'S2'),
  })
  .map(({ lines, ...header }) => basket(lines, header));
const stateArb = fc
  .integer({ min: 0, max: 4 })
  .map((used) => new Map([['lim|-', { used, nextReset: null }]]));
const NOW = '2026-11-28T14:00:00.000Z';
const PARAMS = { seed: 20261128, numRuns: 300 };

describe('evaluate: properties (fast-check, seeded)', () => {
  it('never a negative total, never a discount above the line, sums exact', () => {
    fc.assert(
      fc.property(basketArb, mapArb, stateArb, (b, m, s) => {
        const e = evaluate(b, m, s, NOW);
        let total = 0;
        for (const l of e.lines) {
          expect(l.discount).toBeGreaterThanOrEqual(0);
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.discount + l.total).toBe(
            mulDivHalfEven(b.lines[l.index]!.unitPrice, Math.round(b.lines[l.index]!.quantity * 1000), 1000),
          );
          total += l.discount;
        }
        expect(total).toBe(e.totalDiscount);
        for (const p of e.promotions) {
          expect(p.lineDiscounts.reduce((x, d) => x + d.discount, 0)).toBe(p.discount);
          expect(p.points).toBeGreaterThanOrEqual(0);
        }
        expect(e.promotions.length + e.notApplied.length).toBe(m.promotions.length);
      }),
      PARAMS,
    );
  });

  it('is deterministic: the same input gives the same output byte for byte', () => {
    fc.assert(
      fc.property(basketArb, mapArb, stateArb, (b, m, s) => {
        const copy = structuredClone(b);
        expect(JSON.stringify(evaluate(copy, m, new Map(s), NOW))).toBe(
          JSON.stringify(evaluate(b, m, s, NOW)),
        );
      }),
      PARAMS,
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        basketArb.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.shuffledSubarray(b.lines, { minLength: b.lines.length, maxLength: b.lines.length }),
          ),
        ),
        mapArb,
        stateArb,
        ([b, shuffled], m, s) => {
          const a = evaluate(b, m, s, NOW);
          const c = evaluate({ ...b, lines: shuffled }, m, s, NOW);
          const bag = (e: typeof a, b: Basket) =>
            e.lines
              .map((l) => {
                const attributes = JSON.stringify(Object.entries(b.lines[l.index]!.attributes).sort());
                return `${l.sku}|${l.quantity}|${l.unitPrice}|${attributes}|${l.discount}`;
              })
              .sort();
          expect(bag(c, { ...b, lines: shuffled })).toEqual(bag(a, b));
          expect(c.totalDiscount).toBe(a.totalDiscount);
          expect(c.points).toBe(a.points);
          expect(c.promotions.map((p) => [p.nro, p.discount, p.points])).toEqual(
            a.promotions.map((p) => [p.nro, p.discount, p.points]),
          );
          expect(c.notApplied).toEqual(a.notApplied);
        },
      ),
      PARAMS,
    );
  });

  it('the index never changes the answer: the same as with every promotion a candidate', () => {
    fc.assert(
      fc.property(basketArb, mapArb, stateArb, (b, m, s) => {
        const indexed = evaluate(b, m, s, NOW);
        const all = evaluateCompiled(b, { map: m, compiled: buildCompiledMap(m, false) }, s, NOW);
        expect(indexed.promotions).toEqual(all.promotions);
        expect(indexed.lines).toEqual(all.lines);
        expect(indexed.notApplied.map((n) => n.nro)).toEqual(all.notApplied.map((n) => n.nro));
      }),
      PARAMS,
    );
  });

  it('redeems a coupon only for a promotion that applies, and each coupon once', () => {
    fc.assert(
      fc.property(basketArb, mapArb, stateArb, (b, m, s) => {
        const e = evaluate(b, m, s, NOW);
        const redeemed = e.promotions.flatMap((p) => p.couponsRedeemed);
        expect(new Set(redeemed).size).toBe(redeemed.length);
        const usable = new Set(b.coupons.filter((c) => c.refusal === null).map((c) => c.barcode));
        for (const r of redeemed) expect(usable.has(r)).toBe(true);
      }),
      PARAMS,
    );
  });
});
