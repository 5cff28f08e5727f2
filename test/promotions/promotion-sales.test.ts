import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

const exists = (name: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: name },
});
const skuSet = (name: string, sku: string) => ({ name, type: 'item', attribute: 'code', value: sku });

describe.each(databases())('promotions in sales on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let till: string;
  let limitId: string;
  const customers: string[] = [];
  const post = (url: string, payload: object, token = admin) =>
    h.request({ method: 'POST', url, payload, token });
  let receipt = 0;
  const sale = (customerId: string, lines: object[], extra: object = {}) =>
    post(
      '/v1/sales',
      {
        receipt: `R-${++receipt}`,
        date: '2026-11-28T12:00:00Z',
        storeCode: 'PARIS-01',
        customerId,
        lines,
        ...extra,
      },
      till,
    );
  const line = (sku: string, quantity: number, unitPrice: number) => ({
    operation: 'purchase',
    itemCode: sku,
    amount: quantity * unitPrice,
    unitPrice,
    quantity,
  });

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date('2026-11-28T12:00:00Z') });
    admin = await h.adminToken();
    till = await h.clientToken();
    const promo = (code: string, sku: string, benefit: object) =>
      post('/v1/promotions', {
        name: code,
        code,
        sets: { set: skuSet(code, sku) },
        condition: exists(code),
        benefits: { benefit },
      }).then((r) => r.json());
    await post('/v1/coupon-types', { code: 'NEXT10', name: '10 % next visit', maxUses: 1, validityDays: 30 });
    const limited = await promo('LIMITED', 'GIFTBOX', {
      instance: 'FixedDiscount',
      parameter: [{ key: 'amount', value: '5' }],
    });
    const issuer = await promo('ISSUE', 'COFFEE', {
      instance: 'CouponBenefit',
      parameter: [{ key: 'couponid', value: 'NEXT10' }],
    });
    const redeemer = (
      await post('/v1/promotions', {
        name: 'REDEEM',
        code: 'REDEEM',
        sets: { set: skuSet('cake', 'CAKE') },
        condition: {
          type: 'composite',
          name: 'And',
          condition: [
            exists('cake'),
            { type: 'basic', name: 'Coupon', parameter: { key: 'couponType', value: 'NEXT10' } },
          ],
        },
        benefits: {
          benefit: {
            instance: 'PercentageDiscount',
            parameter: [{ key: 'percent', value: '10' }],
            'applied-elements': { 'use-set': { name: 'cake' } },
          },
        },
      })
    ).json();
    limitId = (
      await post('/v1/limits', {
        promotion: limited.nro,
        scope: 'retailer',
        period: 'undefined',
        type: 'count',
        max: 5,
      })
    ).json().id;
    const map = await post('/v1/promotion-maps', {
      name: 'm',
      promotions: [limited.nro, issuer.nro, redeemer.nro],
      startDate: '2026-01-01T00:00:00Z',
    });
    await post(`/v1/promotion-maps/${map.json().version}/activate`, {});
    for (let i = 0; i < 50; i++) {
      const c = await post('/v1/customers', { lastName: `Race${i}`, firstName: 'Test' });
      expect(c.statusCode).toBe(201);
      customers.push(c.json().id);
    }
  });
  afterAll(() => h.close());

  it('a coupon issued on one SKU is redeemed on another; the sale records the map version and the promotions', async () => {
    const first = await sale(customers[0]!, [line('COFFEE', 1, 300)]);
    expect(first.statusCode).toBe(201);
    const issued = first.json().promotions;
    // Version 2: the demo merchant's own map (limited to CLF-01) is version 1.
    expect(issued).toMatchObject({ mapVersion: 2, totalDiscount: 0 });
    const barcode = issued.applied[0].couponsIssued[0];
    expect(barcode).toMatch(/^9\d{12}$/);
    const second = await sale(customers[0]!, [line('CAKE', 1, 2000)], { coupons: [barcode] });
    expect(second.statusCode).toBe(201);
    expect(second.json().promotions.applied[0]).toMatchObject({
      code: 'REDEEM',
      discount: 200,
      couponsRedeemed: [barcode],
      lines: [1],
    });
    expect(second.json().promotions.lineDiscounts).toEqual([{ lineNo: 1, discount: 200 }]);
    const coupon = (await h.request({ method: 'GET', url: `/v1/coupons/${barcode}`, token: admin })).json();
    expect(coupon.status).toBe('consumed');
    expect(coupon.history.map((x: { action: string }) => x.action)).toEqual(['CREATE', 'REDEEM']);
    const third = await sale(customers[0]!, [line('CAKE', 1, 2000)], { coupons: [barcode] });
    expect(third.json().promotions.applied).toEqual([]);
  });

  it('50 concurrent sales against a limit of 5 applications: exactly 5 benefit', async () => {
    const results = await Promise.all(customers.map((c) => sale(c, [line('GIFTBOX', 1, 1000)])));
    expect(results.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const benefited = results.filter((r) =>
      r.json().promotions?.applied.some((a: { code: string }) => a.code === 'LIMITED'),
    );
    expect(benefited).toHaveLength(5);
    // The merchant's own limit (the demo map has one too).
    const state = (await h.request({ method: 'GET', url: `/v1/limits/${limitId}`, token: admin })).json()
      .state;
    expect(state).toEqual([{ subject: '-', used: 5, remaining: 0, nextReset: null }]);
  });

  it('one coupon presented by 20 concurrent sales is redeemed exactly once', async () => {
    const issued = await post('/v1/coupons', { type: 'NEXT10', barcode: 'RACE-COUPON' });
    expect(issued.statusCode).toBe(201);
    const results = await Promise.all(
      customers.slice(0, 20).map((c) => sale(c, [line('CAKE', 1, 2000)], { coupons: ['RACE-COUPON'] })),
    );
    expect(results.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const redeemed = results.filter((r) =>
      r.json().promotions?.applied.some((a: { code: string }) => a.code === 'REDEEM'),
    );
    expect(redeemed).toHaveLength(1);
    const coupon = (await h.request({ method: 'GET', url: '/v1/coupons/RACE-COUPON', token: admin })).json();
    expect(coupon).toMatchObject({ status: 'consumed', usedTimes: 1 });
  });
});

describe.each(databases())('cancelling a sale reverts its promotions on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let till: string;
  const post = (url: string, payload: object, token = admin) =>
    h.request({ method: 'POST', url, payload, token });
  const get = (url: string) => h.request({ method: 'GET', url, token: admin });

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date('2026-11-28T12:00:00Z') });
    admin = await h.adminToken();
    till = await h.clientToken();
  });
  afterAll(() => h.close());

  it('gives the limit back, restores the coupon it redeemed and voids the coupon it issued', async () => {
    await post('/v1/coupon-types', { code: 'NEXT10', name: 'next', maxUses: 1 });
    await post('/v1/coupons', { type: 'NEXT10', barcode: 'GIVEN-1' });
    const p = (
      await post('/v1/promotions', {
        name: 'Cake with coupon',
        code: 'CAKE',
        sets: { set: skuSet('cake', 'CAKE') },
        condition: {
          type: 'composite',
          name: 'And',
          condition: [
            exists('cake'),
            { type: 'basic', name: 'Coupon', parameter: { key: 'couponType', value: 'NEXT10' } },
          ],
        },
        benefits: {
          benefit: [
            { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '10' }] },
            { instance: 'CouponBenefit', parameter: [{ key: 'couponid', value: 'NEXT10' }] },
          ],
        },
      })
    ).json();
    const limit = (
      await post('/v1/limits', {
        promotion: p.nro,
        benefit: p.definition.benefits[0].nro,
        scope: 'customer',
        period: 'days',
        numberDays: 7,
        type: 'count',
        max: 3,
      })
    ).json();
    const map = (
      await post('/v1/promotion-maps', { name: 'm', promotions: [p.nro], startDate: '2026-01-01T00:00:00Z' })
    ).json();
    await post(`/v1/promotion-maps/${map.version}/activate`, {});
    const customer = (await post('/v1/customers', { lastName: 'Cancel', firstName: 'Test' })).json().id;
    const posted = await post(
      '/v1/sales',
      {
        receipt: 'C-1',
        date: '2026-11-28T12:00:00Z',
        storeCode: 'PARIS-01',
        customerId: customer,
        coupons: ['GIVEN-1'],
        lines: [{ operation: 'purchase', itemCode: 'CAKE', amount: 2000, quantity: 1 }],
      },
      till,
    );
    expect(posted.statusCode).toBe(201);
    const applied = posted.json().promotions.applied[0];
    expect(applied).toMatchObject({ discount: 200, couponsRedeemed: ['GIVEN-1'] });
    const issued = applied.couponsIssued[0];
    expect((await get(`/v1/limits/${limit.id}`)).json().state[0]).toMatchObject({
      subject: customer,
      used: 1,
    });
    const cancelled = await post(`/v1/sales/${posted.json().saleId}/cancel`, {}, till);
    expect(cancelled.statusCode).toBe(200);
    expect((await get(`/v1/limits/${limit.id}`)).json().state[0]).toMatchObject({
      subject: customer,
      used: 0,
    });
    const given = (await get('/v1/coupons/GIVEN-1')).json();
    expect(given).toMatchObject({ status: 'active', usedTimes: 0 });
    expect(given.history.map((x: { action: string }) => x.action)).toEqual(['CREATE', 'REDEEM', 'RESTORE']);
    expect((await get(`/v1/coupons/${issued}`)).json().status).toBe('voided');
  });
});
