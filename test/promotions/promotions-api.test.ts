import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

const set = (name: string, skus: string) => ({
  name,
  type: 'item',
  attribute: 'code',
  comparator: 'Into',
  value: skus,
});
const exists = (name: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: name },
});
export const P30 = {
  name: '30 % off shoes',
  code: 'SHOES30',
  sets: { set: { name: 'shoes', type: 'item', attribute: 'level1', value: 'SHOES' } },
  condition: exists('shoes'),
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      parameter: [
        { key: 'percent', value: '30' },
        { key: 'displayMessage', value: '30 % off shoes' },
      ],
      'applied-elements': { 'use-set': { name: 'shoes' } },
    },
  },
};
export const THREE_FOR_TWO = {
  name: '3 socks for 2',
  code: 'SOCKS3X2',
  sets: { set: [set('socks', 'SOCK-1')] },
  condition: exists('socks'),
  combo: { 'combo-component': { min: '3', max: '3', attribute: 'qty', 'use-set': 'socks' } },
  benefits: {
    benefit: [
      {
        instance: 'PercentageDiscount',
        parameter: [{ key: 'percent', value: '100' }],
        'applied-elements': { 'use-set': [{ name: 'socks', max: '1.0', attribute: 'qty' }] },
      },
    ],
  },
};

describe.each(databases())('promotions API on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let till: string;
  const post = (url: string, payload: object, token = admin) =>
    h.request({ method: 'POST', url, payload, token });
  const get = (url: string, token = admin) => h.request({ method: 'GET', url, token });

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    till = await h.clientToken();
  });
  afterAll(() => h.close());

  it('creates, reads, lists, updates and deactivates a promotion; 422 names the bad path', async () => {
    const created = await post('/v1/promotions', P30);
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p.nro).toMatch(/^[0-9a-f]{24}$/);
    expect(p.definition.benefits[0]).toMatchObject({ kind: 'PercentageDiscount', percentBp: 3000 });
    expect((await get(`/v1/promotions/${p.nro}`)).json().code).toBe('SHOES30');
    expect((await get('/v1/promotions?code=SHOES30')).json().data).toHaveLength(1);
    const bad = await post('/v1/promotions', {
      ...P30,
      benefits: { benefit: { instance: 'PercentageDiscount', parameter: { key: 'percent', value: 'ten' } } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('PROMOTION_INVALID');
    expect(bad.json().error.details[0]).toMatchObject({ field: 'benefits.benefit.parameter[percent]' });
    const updated = await h.request({
      method: 'PUT',
      url: `/v1/promotions/${p.nro}`,
      token: admin,
      payload: {
        ...P30,
        name: 'Shoes -30 %',
        benefits: { benefit: { ...P30.benefits.benefit, nro: p.definition.benefits[0].nro } },
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Shoes -30 %', revision: 2 });
    expect(updated.json().definition.benefits[0].nro).toBe(p.definition.benefits[0].nro);
    const off = await post(`/v1/promotions/${p.nro}/deactivate`, {});
    expect(off.json().status).toBe('inactive');
    const map = await post('/v1/promotion-maps', {
      name: 'x',
      promotions: [p.nro],
      startDate: '2026-01-01T00:00:00Z',
    });
    expect(map.statusCode).toBe(422);
    expect(map.json().error.details[0].field).toBe('promotions[0]');
    expect((await get(`/v1/promotions/${'f'.repeat(24)}`)).statusCode).toBe(404);
  });

  it('evaluates a basket against the active map: discounts, 3x2, limits, coupons, reasons', async () => {
    const shoes = (await post('/v1/promotions', { ...P30, code: 'SHOES30B' })).json();
    const socks = (await post('/v1/promotions', THREE_FOR_TWO)).json();
    const limit = await post('/v1/limits', {
      promotion: socks.nro,
      scope: 'retailer',
      period: 'undefined',
      type: 'count',
      max: 1,
    });
    expect(limit.statusCode).toBe(201);
    expect((await get(`/v1/promotions/${socks.nro}`)).json().limits).toHaveLength(1);
    const map = await post('/v1/promotion-maps', {
      name: 'Winter',
      promotions: [shoes.nro, socks.nro],
      startDate: '2026-01-01T00:00:00Z',
    });
    expect(map.statusCode).toBe(201);
    const version = map.json().version;
    const basket = {
      storeCode: 'PARIS-01',
      date: '2026-11-28T15:00:00+01:00',
      lines: [
        { sku: 'SHOE-1', quantity: 1, unitPrice: 9999, attributes: { level1: 'SHOES' } },
        { sku: 'SOCK-1', quantity: 3, unitPrice: 500 },
      ],
    };
    const before = await post('/v1/baskets/evaluate', basket, till);
    // The demo's active map (version 1) is limited to CLF-01: nothing of it applies at PARIS-01.
    expect(before.json()).toMatchObject({ mapVersion: 1, totalDiscount: 0, promotions: [] });
    expect((await post(`/v1/promotion-maps/${version}/activate`, {})).json().active).toBe(true);
    const res = await post('/v1/baskets/evaluate', basket, till);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.mapVersion).toBe(version);
    expect(e.promotions.map((p: { code: string; discount: number }) => [p.code, p.discount])).toEqual([
      ['SHOES30B', 3000],
      ['SOCKS3X2', 500],
    ]);
    expect(e.lines).toEqual([
      { index: 0, sku: 'SHOE-1', quantity: 1, unitPrice: 9999, discount: 3000, total: 6999 },
      { index: 1, sku: 'SOCK-1', quantity: 3, unitPrice: 500, discount: 500, total: 1000 },
    ]);
    expect(e.totalDiscount).toBe(3500);
    expect(e.notApplied).toEqual([]);
    const none = (
      await post(
        '/v1/baskets/evaluate',
        { ...basket, lines: [basket.lines[1]!].map((l) => ({ ...l, quantity: 2 })) },
        till,
      )
    ).json();
    expect(none.notApplied.map((n: { code: string; reason: string }) => [n.code, n.reason])).toEqual([
      ['SHOES30B', 'CONDITION_NOT_MET'],
      ['SOCKS3X2', 'COMBO_NOT_MET'],
    ]);
    // ?explain: candidates lists only what the index considered (no SHOES line: the shoe promotion is not
    // one), none omits the reasons; the rest of the answer is the same.
    const twoSocks = { ...basket, lines: [{ ...basket.lines[1]!, quantity: 2 }] };
    const candidates = (await post('/v1/baskets/evaluate?explain=candidates', twoSocks, till)).json();
    expect(candidates.notApplied.map((n: { code: string; reason: string }) => [n.code, n.reason])).toEqual([
      ['SOCKS3X2', 'COMBO_NOT_MET'],
    ]);
    const silent = (await post('/v1/baskets/evaluate?explain=none', twoSocks, till)).json();
    expect(silent).toEqual({ ...none, notApplied: [] });
    expect({ ...candidates, notApplied: [] }).toEqual(silent);
    const wrong = await post('/v1/baskets/evaluate?explain=some', twoSocks, till);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/explain/);
    // Evaluation writes nothing: the limit of one application is still whole.
    const state = (await get(`/v1/limits/${limit.json().id}`)).json();
    expect(state.state).toEqual([]);
    expect((await get('/v1/promotion-maps')).json().active).toBe(version);
    expect((await post('/v1/baskets/evaluate', { ...basket, storeCode: 'NOPE' }, till)).statusCode).toBe(404);
  });

  it('coupon types, coupons with history, redeem once, void, statements', async () => {
    expect(
      (await post('/v1/coupon-types', { code: 'tc01', name: 'Ten off', maxUses: 1, validityDays: 30 }))
        .statusCode,
    ).toBe(201);
    expect((await post('/v1/coupon-types', { code: 'tc01', name: 'again' })).statusCode).toBe(409);
    const issued = await post('/v1/coupons', { type: 'tc01', barcode: 'CPN-0001' });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().data[0]).toMatchObject({ barcode: 'CPN-0001', status: 'active', maxUses: 1 });
    const [a, b] = await Promise.all([
      post('/v1/coupons/CPN-0001/redeem', {}, till),
      post('/v1/coupons/CPN-0001/redeem', {}, till),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const read = (await get('/v1/coupons/CPN-0001')).json();
    expect(read.status).toBe('consumed');
    expect(read.history.map((x: { action: string }) => x.action)).toEqual(['CREATE', 'REDEEM']);
    await post('/v1/coupons', { type: 'tc01', barcode: 'CPN-0002' });
    expect((await post('/v1/coupons/CPN-0002/void', {})).json().status).toBe('voided');
    const st = await get('/v1/coupons/statements?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z');
    expect(st.json().data.map((x: { action: string }) => x.action)).toEqual([
      'CREATE',
      'REDEEM',
      'CREATE',
      'VOID',
    ]);
  });

  it('segments take members in bulk and target promotions', async () => {
    const customers = await get('/v1/customers?limit=2');
    const ids = customers.json().data.map((c: { id: string }) => c.id);
    const res = await post('/v1/segments/VIP/members', {
      operation: 'add',
      customers: [...ids, 'cus_unknown'],
    });
    expect(res.json()).toMatchObject({ code: 'VIP', added: ids.length, unknown: ['cus_unknown'] });
    // The demo has its DEMO-VIP segment too.
    expect((await get('/v1/segments')).json().data).toContainEqual(
      expect.objectContaining({ code: 'VIP', members: ids.length }),
    );
    expect((await get('/v1/segments/VIP/members')).json().data).toHaveLength(ids.length);
  });
});
