import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

const NOW = '2026-11-28T12:00:00.000Z';
const exists = (name: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: name },
});
const skuSet = (name: string, sku: string) => ({ name, type: 'item', attribute: 'code', value: sku });

/** A coupon a sale issues is valid from the sale's date, whatever the server's clock says. */
describe.each(databases())('coupons issued by a sale, by the sale date, on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let till: string;
  let customer: string;
  const post = (url: string, payload: object, token = admin) =>
    h.request({ method: 'POST', url, payload, token });
  const get = (url: string) => h.request({ method: 'GET', url, token: admin });
  let receipt = 0;
  const sale = (date: string, sku: string, coupons: string[] = []) =>
    post(
      '/v1/sales',
      {
        receipt: `D-${++receipt}`,
        date,
        storeCode: 'PARIS-01',
        customerId: customer,
        ...(coupons.length > 0 ? { coupons } : {}),
        lines: [{ operation: 'purchase', itemCode: sku, quantity: 1, unitPrice: 2000, amount: 2000 }],
      },
      till,
    );
  const issue = async (date: string) => {
    const res = await sale(date, 'COFFEE');
    expect(res.statusCode, res.body).toBe(201);
    return res.json().promotions.applied[0].couponsIssued[0] as string;
  };
  const redeemed = (res: { json(): { promotions: { applied: { code: string }[] } } }) =>
    res.json().promotions.applied.some((a) => a.code === 'REDEEM');

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date(NOW) });
    admin = await h.adminToken();
    till = await h.clientToken();
    await post('/v1/coupon-types', { code: 'NEXT10', name: '10 % next visit', maxUses: 1, validityDays: 30 });
    const issuer = (
      await post('/v1/promotions', {
        name: 'ISSUE',
        code: 'ISSUE',
        sets: { set: skuSet('coffee', 'COFFEE') },
        condition: exists('coffee'),
        benefits: {
          benefit: { instance: 'CouponBenefit', parameter: [{ key: 'couponid', value: 'NEXT10' }] },
        },
      })
    ).json();
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
    const map = await post('/v1/promotion-maps', {
      name: 'coupons',
      promotions: [issuer.nro, redeemer.nro],
      startDate: '2026-01-01T00:00:00Z',
    });
    await post(`/v1/promotion-maps/${map.json().version}/activate`, {});
    customer = (await post('/v1/customers', { lastName: 'Dates', firstName: 'Test' })).json().id;
  });
  afterAll(() => h.close());

  it('a sale dated as the issuing one redeems its coupon at once (the server clock is later)', async () => {
    const at = '2026-11-28T11:59:30Z';
    const barcode = await issue(at);
    const coupon = (await get(`/v1/coupons/${barcode}`)).json();
    expect(coupon).toMatchObject({
      validFrom: '2026-11-28T11:59:30.000Z',
      validTo: '2026-12-28T11:59:30.000Z',
    });
    // The coupon is recorded now; it is valid from the sale's date.
    expect(coupon.createdAt).toBe(NOW);
    const second = await sale(at, 'CAKE', [barcode]);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().promotions.applied[0]).toMatchObject({
      code: 'REDEEM',
      discount: 200,
      couponsRedeemed: [barcode],
    });
  });

  it('a back-dated sale (history) issues a coupon valid from its date; a sale dated before it cannot redeem it', async () => {
    const barcode = await issue('2026-11-01T09:00:00Z');
    expect((await get(`/v1/coupons/${barcode}`)).json()).toMatchObject({
      validFrom: '2026-11-01T09:00:00.000Z',
      validTo: '2026-12-01T09:00:00.000Z',
      status: 'active',
    });
    const evaluated = await post(
      '/v1/baskets/evaluate',
      {
        storeCode: 'PARIS-01',
        date: '2026-11-01T08:59:59Z',
        customerId: customer,
        coupons: [barcode],
        lines: [{ sku: 'CAKE', quantity: 1, unitPrice: 2000 }],
      },
      till,
    );
    expect(evaluated.json().notApplied).toContainEqual(
      expect.objectContaining({
        code: 'REDEEM',
        reason: 'CONDITION_NOT_MET',
        message: expect.stringContaining('it is valid from 2026-11-01T09:00:00.000Z'),
      }),
    );
    const before = await sale('2026-11-01T08:59:59Z', 'CAKE', [barcode]);
    expect(before.statusCode, before.body).toBe(201);
    expect(redeemed(before)).toBe(false);
    const later = await sale('2026-11-02T10:00:00Z', 'CAKE', [barcode]);
    expect(redeemed(later)).toBe(true);
    expect((await get(`/v1/coupons/${barcode}`)).json()).toMatchObject({ status: 'consumed', usedTimes: 1 });
  });

  it('a sale dated ahead of the server clock issues a coupon valid from its date, not before', async () => {
    const ahead = '2026-11-28T12:10:00Z';
    const barcode = await issue(ahead);
    expect((await get(`/v1/coupons/${barcode}`)).json().validFrom).toBe('2026-11-28T12:10:00.000Z');
    expect(redeemed(await sale(NOW, 'CAKE', [barcode]))).toBe(false);
    expect(redeemed(await sale(ahead, 'CAKE', [barcode]))).toBe(true);
  });
});
