import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

/** A partial return prorates what it takes back of the promotions (core/sales/reversal-promotions.ts). */
describe.each(databases())('returns prorate the promotions of a sale on $kind', (target) => {
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

  it('takes back the discount share, the amount limit in proportion, the count limit and coupon with the whole line', async () => {
    await post('/v1/coupon-types', { code: 'RETNEXT', name: 'next', maxUses: 1 });
    const p = (
      await post('/v1/promotions', {
        name: 'Tarts 30 %',
        code: 'TART30',
        sets: { set: { name: 'tart', type: 'item', attribute: 'code', value: 'TART' } },
        condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'tart' } },
        benefits: {
          benefit: [
            { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '30' }] },
            { instance: 'CouponBenefit', parameter: [{ key: 'couponid', value: 'RETNEXT' }] },
          ],
        },
      })
    ).json();
    const limit = (kind: 'count' | 'amount', max: number) =>
      post('/v1/limits', {
        promotion: p.nro,
        benefit: p.definition.benefits[0].nro,
        scope: 'retailer',
        period: 'undefined',
        type: kind,
        max,
      }).then((r) => r.json().id as string);
    const count = await limit('count', 10);
    const amount = await limit('amount', 100_000);
    const map = (
      await post('/v1/promotion-maps', { name: 'r', promotions: [p.nro], startDate: '2026-01-01T00:00:00Z' })
    ).json();
    await post(`/v1/promotion-maps/${map.version}/activate`, {});
    const customer = (await post('/v1/customers', { lastName: 'Return', firstName: 'Test' })).json().id;
    const posted = await post(
      '/v1/sales',
      {
        receipt: 'RT-1',
        date: '2026-11-28T12:00:00Z',
        storeCode: 'PARIS-01',
        customerId: customer,
        lines: [{ operation: 'purchase', itemCode: 'TART', amount: 3000, quantity: 3, unitPrice: 1000 }],
      },
      till,
    );
    expect(posted.statusCode).toBe(201);
    const applied = posted.json().promotions.applied[0];
    expect(applied).toMatchObject({ discount: 900 });
    const issued = applied.couponsIssued[0] as string;
    const used = async (id: string) => (await get(`/v1/limits/${id}`)).json().state[0].used as number;
    expect([await used(count), await used(amount)]).toEqual([1, 900]);
    const saleId = posted.json().saleId as string;

    const first = await post(
      `/v1/sales/${saleId}/returns`,
      { receipt: 'RT-1-R1', lines: [{ lineNo: 1, amount: 1000 }] },
      till,
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      amount: 1000,
      lines: [{ lineNo: 1, amount: 1000 }],
      promotions: { discount: 300, couponsVoided: [], couponsRestored: [] },
    });
    expect([await used(count), await used(amount)]).toEqual([1, 600]);
    expect((await get(`/v1/coupons/${issued}`)).json().status).toBe('active');

    const again = await post(
      `/v1/sales/${saleId}/returns`,
      { receipt: 'RT-1-R2', lines: [{ lineNo: 1, amount: 2001 }] },
      till,
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('RETURN_EXCEEDS_SALE');

    const rest = await post(
      `/v1/sales/${saleId}/returns`,
      { receipt: 'RT-1-R3', lines: [{ lineNo: 1 }] },
      till,
    );
    expect(rest.json()).toMatchObject({
      amount: 2000,
      promotions: { discount: 600, couponsVoided: [issued] },
    });
    expect([await used(count), await used(amount)]).toEqual([0, 0]);
    expect((await get(`/v1/coupons/${issued}`)).json().status).toBe('voided');

    // Cancelling now gives back nothing more of the promotions than the returns did.
    const cancelled = await post(`/v1/sales/${saleId}/cancel`, {}, till);
    expect(cancelled.statusCode).toBe(200);
    expect([await used(count), await used(amount)]).toEqual([0, 0]);
  });
});
