import { describe, expect, it } from 'vitest';
import type { Basket, BasketLine, Evaluation } from './basket.js';
import { evaluate } from './evaluate.js';
import type { Limit, MapVersion } from './model.js';
import { basket, mapOf, promo, type Param } from './evaluate.fixture.js';

const skuSet = (name: string, skus: string) => ({ name, type: 'item', attribute: 'code', value: skus });
const exists = (set: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: set },
});

const line = (
  sku: string,
  quantity: number,
  unitPrice: number,
  attributes: BasketLine['attributes'] = {},
): BasketLine => ({
  sku,
  quantity,
  unitPrice,
  attributes,
});

const NOW = '2026-11-28T14:00:00.000Z';
const run = (b: Basket, m: MapVersion, limits = new Map()) => evaluate(b, m, limits, NOW);
const only = (e: Evaluation) => {
  expect(e.promotions).toHaveLength(1);
  return e.promotions[0]!;
};

describe('evaluate: benefit kinds', () => {
  const three = [line('A', 1, 1000), line('B', 2, 333), line('C', 1, 1)];

  it('PercentageDiscount resume: rounded once, prorated half-even, remainder to the largest line', () => {
    const e = run(
      basket(three),
      mapOf([promo('P10', { instance: 'PercentageDiscount', params: [['percent', '10']] })]),
    );
    const p = only(e);
    // 10 % of 16.67 = 1.667 → 167; shares 100.0, 66.6 (67), 0.1 (0) → 167
    expect(p.discount).toBe(167);
    expect(p.lineDiscounts).toEqual([
      { index: 0, discount: 100 },
      { index: 1, discount: 67 },
    ]);
    expect(e.lines.map((l) => l.discount).reduce((s, x) => s + x, 0)).toBe(e.totalDiscount);
    expect(e.lines[1]).toEqual({ index: 1, sku: 'B', quantity: 2, unitPrice: 333, discount: 67, total: 599 });
  });

  it('PercentageDiscount lineByLine: each line rounded on its own', () => {
    const p = only(
      run(
        basket(three),
        mapOf([
          promo('P', {
            instance: 'PercentageDiscount',
            params: [
              ['percent', '15'],
              ['applicationMethod', 'lineByLine'],
            ],
          }),
        ]),
      ),
    );
    // 150, 99.9→100, 0.15→0
    expect(p.lineDiscounts).toEqual([
      { index: 0, discount: 150 },
      { index: 1, discount: 100 },
    ]);
    expect(p.discount).toBe(250);
  });

  it('FixedDiscount resume (once per application) and lineByLine (per unit)', () => {
    const resume = only(
      run(basket(three), mapOf([promo('F', { instance: 'FixedDiscount', params: [['amount', '5']] })])),
    );
    expect(resume.discount).toBe(500);
    const perUnit = only(
      run(
        basket(three),
        mapOf([
          promo('F', {
            instance: 'FixedDiscount',
            params: [
              ['amount', '2'],
              ['applicationMethod', 'lineByLine'],
            ],
          }),
        ]),
      ),
    );
    // 200 on A, 2 × 200 capped at 666 on B, 1 on C (never more than the line)
    expect(perUnit.lineDiscounts).toEqual([
      { index: 0, discount: 200 },
      { index: 1, discount: 400 },
      { index: 2, discount: 1 },
    ]);
  });

  it('NewPrice: the benefited units cost the new price', () => {
    const m = mapOf([
      promo(
        'N',
        { instance: 'NewPrice', params: [['price', '2.50']], applied: [{ name: 'b' }] },
        { sets: { set: skuSet('b', 'B') }, condition: exists('b') },
      ),
    ]);
    const p = only(run(basket(three), m));
    expect(p.lineDiscounts).toEqual([{ index: 1, discount: 166 }]);
  });

  it('staggered steps choose the value by the benefited quantity', () => {
    const m = (qty: number) =>
      run(
        basket([line('A', qty, 1000)]),
        mapOf([
          promo('S', {
            instance: 'PercentageDiscount',
            extra: {
              staggered: {
                unit: 'qty',
                staggeredStep: [
                  { min: '1', max: '2', applyValue: '5' },
                  { min: '3', applyValue: '20' },
                ],
              },
            },
          }),
        ]),
      );
    expect(m(2).totalDiscount).toBe(100);
    expect(m(3).totalDiscount).toBe(600);
  });

  it('ContractPercentageDiscount only for a basket under the agreement', () => {
    const m = mapOf([
      promo('C', {
        instance: 'ContractPercentageDiscount',
        params: [
          ['percent', '10'],
          ['contract', 'ACME'],
        ],
      }),
    ]);
    expect(run(basket(three), m).notApplied[0]!.reason).toBe('NOTHING_TO_GRANT');
    expect(run(basket(three, { contract: 'ACME' }), m).totalDiscount).toBe(167);
  });

  it('points: LoyaltyBenefit, PercentLoyaltyBenefit and FactorLoyaltyBenefit', () => {
    const b = basket([line('A', 3, 1000)]);
    expect(
      only(run(b, mapOf([promo('L', { instance: 'LoyaltyBenefit', params: [['value', '50']] })]))).points,
    ).toBe(50);
    expect(
      only(run(b, mapOf([promo('L', { instance: 'PercentLoyaltyBenefit', params: [['percent', '10']] })])))
        .points,
    ).toBe(3);
    expect(
      only(run(b, mapOf([promo('L', { instance: 'FactorLoyaltyBenefit', params: [['factor', '1.5']] })])))
        .points,
    ).toBe(45);
  });

  it('CouponBenefit issues coupons of its type, per application', () => {
    const m = mapOf([
      promo(
        'K',
        {
          instance: 'CouponBenefit',
          params: [
            ['couponid', 'tc01'],
            ['qty', '2'],
          ],
        },
        {
          sets: { set: skuSet('a', 'A') },
          combo: { 'combo-component': { min: '2', max: '2', 'use-set': 'a' } },
        },
      ),
    ]);
    const e = run(basket([line('A', 5, 100)]), m);
    expect(only(e).coupons).toEqual([{ type: 'tc01', quantity: 4 }]);
    expect(e.couponsToIssue).toEqual([{ type: 'tc01', quantity: 4 }]);
    expect(e.totalDiscount).toBe(0);
  });

  it('RedeemPointsBenefit, CatalogRedeemBenefit and GiftBenefit are offers, not discounts', () => {
    const b = basket([line('A', 1, 1000), line('B', 1, 2000)]);
    const redeem = only(
      run(
        b,
        mapOf([
          promo('R', {
            instance: 'RedeemPointsBenefit',
            params: [
              ['factor', '10'],
              ['type', '5'],
            ],
          }),
        ]),
      ),
    );
    expect(redeem.offers).toEqual([
      { kind: 'RedeemPointsBenefit', line: null, code: '5', points: 300, amount: 3000, quantity: 0 },
    ]);
    const catalog = only(
      run(
        b,
        mapOf([
          promo('C', {
            instance: 'CatalogRedeemBenefit',
            extra: {
              catalog: [{ store: '-', code: 'B', points: '200', discountType: 'perc', discountValue: '50' }],
            },
          }),
        ]),
      ),
    );
    expect(catalog.offers).toEqual([
      { kind: 'CatalogRedeemBenefit', line: 1, code: 'B', points: 200, amount: 1000, quantity: 1 },
    ]);
    const gift = only(
      run(
        b,
        mapOf([
          promo('G', {
            instance: 'GiftBenefit',
            params: [
              ['gift', 'TOTE'],
              ['qty', '1'],
            ],
          }),
        ]),
      ),
    );
    expect(gift.offers[0]).toMatchObject({ kind: 'GiftBenefit', code: 'TOTE', quantity: 1 });
    expect(gift.discount).toBe(0);
  });

  it('kinds the model leaves undefined are reported as messages, never computed', () => {
    const e = run(
      basket(three),
      mapOf([
        promo('X', {
          instance: 'PaymentPlanBenefit',
          params: [['displayMessage', '3 payments without interest']],
        }),
      ]),
    );
    const p = only(e);
    expect(p.discount).toBe(0);
    expect(p.messages).toEqual([
      '3 payments without interest',
      'PaymentPlanBenefit is reported to the till and not computed by the engine.',
    ]);
  });

  it('3x2: three units of SKU 2, one free (the cheapest), twice for six units', () => {
    const threeForTwo = promo(
      '3x2',
      {
        instance: 'PercentageDiscount',
        params: [['percent', '100']],
        applied: [{ name: 'sku2', max: '1.0' }],
      },
      {
        sets: { set: skuSet('sku2', '2') },
        condition: exists('sku2'),
        combo: { 'combo-component': { min: '3', max: '3', attribute: 'qty', 'use-set': 'sku2' } },
      },
    );
    expect(run(basket([line('2', 2, 500)]), mapOf([threeForTwo])).notApplied[0]!.reason).toBe(
      'COMBO_NOT_MET',
    );
    expect(only(run(basket([line('2', 3, 500)]), mapOf([threeForTwo]))).discount).toBe(500);
    const six = run(basket([line('2', 4, 500), line('2', 2, 450)]), mapOf([threeForTwo]));
    expect(only(six).lineDiscounts).toEqual([{ index: 1, discount: 900 }]);
  });
});

describe('evaluate: conditions', () => {
  const sets = {
    set: [
      skuSet('a', 'A'),
      { name: 'visa', type: 'payment', attribute: 'type', value: 'VISA' },
      { name: 'shoes', type: 'item', attribute: 'level1', value: 'SHOES' },
    ],
  };
  const p10 = (condition: object, more = {}) =>
    mapOf([
      promo(
        'P',
        { instance: 'PercentageDiscount', params: [['percent', '10']] },
        { sets, condition, ...more },
      ),
    ]);
  const b = basket([line('A', 1, 1000, { level1: 'SHOES' })], { payments: [{ type: 'VISA', amount: 1000 }] });
  const applies = (m: MapVersion, bk = b) => run(bk, m).promotions.length === 1;

  it('Exists on items (by code or hierarchy level) and on payments', () => {
    expect(applies(p10(exists('a')))).toBe(true);
    expect(applies(p10(exists('shoes')))).toBe(true);
    expect(applies(p10(exists('visa')))).toBe(true);
    expect(applies(p10(exists('visa')), { ...b, payments: [{ type: 'CASH', amount: 1000 }] })).toBe(false);
  });

  it('Header on the store, And / Or / Not', () => {
    const header = (v: string) => ({
      type: 'basic',
      name: 'Header',
      parameter: [
        { key: 'attribute', value: 'store' },
        { key: 'value', value: v },
      ],
    });
    expect(applies(p10(header('S1,S2')))).toBe(true);
    expect(applies(p10(header('S2')))).toBe(false);
    expect(applies(p10({ type: 'composite', name: 'And', condition: [exists('a'), header('S2')] }))).toBe(
      false,
    );
    expect(applies(p10({ type: 'composite', name: 'Or', condition: [exists('a'), header('S2')] }))).toBe(
      true,
    );
    expect(applies(p10({ type: 'composite', name: 'Not', condition: header('S2') }))).toBe(true);
    const why = run(b, p10({ type: 'composite', name: 'And', condition: [exists('a'), header('S2')] }))
      .notApplied[0]!;
    expect(why).toMatchObject({
      reason: 'CONDITION_NOT_MET',
      message: 'Condition not met: store is not one of S2.',
    });
  });

  it("date ranges, time ranges and days of the week, on the basket's local wall-clock", () => {
    const cond = (name: string, params: Param[]) => ({
      type: 'basic',
      name,
      parameter: params.map(([key, value]) => ({ key, value })),
    });
    expect(
      applies(
        p10(
          cond('DateRange', [
            ['from', '2026-11-28'],
            ['to', '2026-11-28'],
          ]),
        ),
      ),
    ).toBe(true);
    expect(applies(p10(cond('DateRange', [['from', '2026-11-29']])))).toBe(false);
    expect(
      applies(
        p10(
          cond('TimeRange', [
            ['from', '14:30'],
            ['to', '15:30'],
          ]),
        ),
      ),
    ).toBe(true); // 15:00 local
    expect(
      applies(
        p10(
          cond('TimeRange', [
            ['from', '22:00'],
            ['to', '06:00'],
          ]),
        ),
      ),
    ).toBe(false);
    expect(applies(p10(cond('DaysOfWeek', [['value', '6,7']])))).toBe(true); // Saturday
    expect(applies(p10(cond('DaysOfWeek', [['value', '1']])))).toBe(false);
  });

  it('a coupon as condition: redeemed when the promotion applies, refused coupons say why', () => {
    const m = p10({ type: 'basic', name: 'Coupon', parameter: { key: 'couponType', value: 'tc01' } });
    const ok = run({ ...b, coupons: [{ barcode: 'C1', couponType: 'tc01', refusal: null }] }, m);
    expect(only(ok).couponsRedeemed).toEqual(['C1']);
    const refused = run(
      { ...b, coupons: [{ barcode: 'C1', couponType: 'tc01', refusal: 'already consumed' }] },
      m,
    );
    expect(refused.notApplied[0]).toMatchObject({
      reason: 'COUPON_REQUIRED',
      message: 'Condition not met: coupon C1 cannot be used: already consumed.',
    });
  });

  it('a coupon under an Or branch that does not hold is neither required nor redeemed', () => {
    const coupon = { type: 'basic', name: 'Coupon', parameter: { key: 'couponType', value: 'tc01' } };
    const header = (v: string) => ({
      type: 'basic',
      name: 'Header',
      parameter: [
        { key: 'attribute', value: 'store' },
        { key: 'value', value: v },
      ],
    });
    const c1 = { barcode: 'C1', couponType: 'tc01', refusal: null };
    // Or(And(store S2, coupon), Exists a): the basket is at S1 and holds A, without a coupon.
    const viaItem = p10({
      type: 'composite',
      name: 'Or',
      condition: [{ type: 'composite', name: 'And', condition: [header('S2'), coupon] }, exists('a')],
    });
    expect(only(run(b, viaItem)).couponsRedeemed).toEqual([]);
    // The coupon presented is kept: the branch that holds does not need it.
    expect(only(run({ ...b, coupons: [c1] }, viaItem)).couponsRedeemed).toEqual([]);
    // Or(coupon, Exists a): the branch without a coupon is preferred, the coupon stays with the customer.
    const either = p10({ type: 'composite', name: 'Or', condition: [coupon, exists('a')] });
    expect(only(run({ ...b, coupons: [c1] }, either)).couponsRedeemed).toEqual([]);
    // Or(And(store S1, coupon), store S2): only the coupon's branch can hold, so it is redeemed.
    const needs = p10({
      type: 'composite',
      name: 'Or',
      condition: [{ type: 'composite', name: 'And', condition: [header('S1'), coupon] }, header('S2')],
    });
    expect(only(run({ ...b, coupons: [c1] }, needs)).couponsRedeemed).toEqual(['C1']);
    expect(run(b, needs).notApplied[0]).toMatchObject({ reason: 'CONDITION_NOT_MET' });
    // And(coupon, coupon) of one type takes two coupons.
    const two = p10({ type: 'composite', name: 'And', condition: [coupon, coupon] });
    expect(run({ ...b, coupons: [c1] }, two).notApplied[0]).toMatchObject({ reason: 'COUPON_REQUIRED' });
    const c2 = { barcode: 'C2', couponType: 'tc01', refusal: null };
    expect(only(run({ ...b, coupons: [c1, c2] }, two)).couponsRedeemed).toEqual(['C1', 'C2']);
  });
});

describe('evaluate: why a promotion did not apply', () => {
  const p = (code: string, more: Record<string, unknown> = {}, percent = '10') =>
    promo(code, { instance: 'PercentageDiscount', params: [['percent', percent]] }, more);
  const b = basket([line('A', 1, 1000)]);
  const reasons = (e: Evaluation) => Object.fromEntries(e.notApplied.map((n) => [n.code, n.reason]));

  it('validity, excluded dates, stores, segments, and promotions the index rules out', () => {
    const promotions = [
      p('OLD', { validity: { to: '2026-01-01T00:00:00Z' } }),
      p('MON', { validity: { daysOfWeek: [1] } }),
      p('EXCL'),
      p('S2', { stores: ['S2'] }),
      p('VIP', { segments: ['VIP'] }),
      p('SKUZ', { sets: { set: skuSet('z', 'Z') }, condition: exists('z') }),
      p('OK'),
    ];
    const m = mapOf(promotions, { exclusions: new Set([`${promotions[2]!.nro}|S1|2026-11-28`]) });
    const e = run(b, m);
    expect(e.promotions.map((x) => x.code)).toEqual(['OK']);
    expect(reasons(e)).toEqual({
      OLD: 'OUTSIDE_VALIDITY',
      MON: 'OUTSIDE_VALIDITY',
      EXCL: 'EXCLUDED_DATE',
      S2: 'STORE_NOT_INCLUDED',
      VIP: 'CUSTOMER_NOT_TARGETED',
      SKUZ: 'CONDITION_NOT_MET',
    });
  });

  it('an exclusive promotion applies alone when it gives more; else it loses to the combination', () => {
    const big = p('EX30', { exclusive: 'true' }, '30');
    const e = run(b, mapOf([p('A10'), p('B10'), big]));
    expect(e.promotions.map((x) => x.code)).toEqual(['EX30']);
    expect(reasons(e)).toEqual({ A10: 'LOST_TO_EXCLUSIVE', B10: 'LOST_TO_EXCLUSIVE' });
    const small = run(b, mapOf([p('A10'), p('B10'), p('EX15', { exclusive: true }, '15')]));
    expect(small.promotions.map((x) => x.code)).toEqual(['A10', 'B10']);
    expect(reasons(small)).toEqual({ EX15: 'LOST_TO_EXCLUSIVE' });
  });

  it('a SIMPLE step applies only its best promotion; priority orders an ALL step', () => {
    const a = p('A5', {}, '5');
    const c = p('C20', {}, '20');
    const e = run(b, mapOf([a, c], { algorithm: [{ fn: 'SIMPLE', promotions: [a.nro, c.nro] }] }));
    expect(e.promotions.map((x) => x.code)).toEqual(['C20']);
    expect(reasons(e)).toEqual({ A5: 'LOST_IN_STEP' });
    const ordered = run(b, mapOf([p('LOW', { priority: 1 }), p('HIGH', { priority: 9 })]));
    expect(ordered.promotions.map((x) => [x.code, x.discount])).toEqual([
      ['HIGH', 100],
      ['LOW', 90],
    ]);
  });

  it('a map outside its validity or stores applies nothing, and says so', () => {
    const e = run(b, mapOf([p('A')], { stores: ['S9'] }));
    expect(e.promotions).toEqual([]);
    expect(e.notApplied).toEqual([
      { nro: expect.any(String), code: 'A', reason: 'MAP_NOT_VALID', message: expect.any(String) },
    ]);
  });
});

describe('evaluate: limits', () => {
  const p = promo('L', {
    instance: 'FixedDiscount',
    params: [
      ['amount', '1'],
      ['applicationMethod', 'lineByLine'],
    ],
  });
  const limit = (type: Limit['type'], max: number, scope: Limit['scope'] = 'retailer'): Limit => ({
    id: 'lim_1',
    promotion: p.nro,
    benefit: p.benefits[0]!.nro,
    scope,
    storeCode: null,
    periodDays: null,
    type,
    max,
  });
  const b = basket([line('A', 5, 1000)]);

  it('count: reached → not applied; otherwise the use is reported per subject', () => {
    const m = mapOf([p], { limits: [limit('count', 5)] });
    expect(only(run(b, m)).limits).toEqual([
      { limitId: 'lim_1', subject: '-', amount: 1, max: 5, periodDays: null, type: 'count' },
    ]);
    const full = run(b, m, new Map([['lim_1|-', { used: 5, nextReset: null }]]));
    expect(full.notApplied[0]).toMatchObject({ reason: 'LIMIT_REACHED' });
    const reset = run(b, m, new Map([['lim_1|-', { used: 5, nextReset: '2026-11-28T00:00:00.000Z' }]]));
    expect(reset.promotions).toHaveLength(1);
  });

  it('quantity and amount limits cap what is granted', () => {
    const q = run(
      b,
      mapOf([p], { limits: [limit('quantity', 10)] }),
      new Map([['lim_1|-', { used: 8, nextReset: null }]]),
    );
    expect(only(q).discount).toBe(200);
    const a = run(
      b,
      mapOf([p], { limits: [limit('amount', 1000)] }),
      new Map([['lim_1|-', { used: 750, nextReset: null }]]),
    );
    expect(only(a).discount).toBe(250);
    expect(only(a).limits[0]!.amount).toBe(250);
  });

  it('a per-customer limit needs a customer', () => {
    const e = run(
      basket(b.lines, { customerId: null }),
      mapOf([p], { limits: [limit('count', 1, 'customer')] }),
    );
    expect(e.notApplied[0]!.reason).toBe('CUSTOMER_REQUIRED');
  });
});
