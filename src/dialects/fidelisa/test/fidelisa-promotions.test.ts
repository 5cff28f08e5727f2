/**
 * Promotions on Fidelisa bills: a bill's lines carry item attributes (a SubTotalN line is of type "N", an
 * Item line has its code), so the active promotion map applies to a bill as it does to a /v1 sale. The map is
 * made through /v1; the promotions' discounts lower the basis the cards earn on, and their limits count them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { fidelisaCall } from './fidelisa-support.js';

const exists = (name: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: name },
});

describe.each(databases())('Fidelisa bills and promotions on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let call: ReturnType<typeof fidelisaCall>;
  const limitIds: Record<string, string> = {};
  const post = (url: string, payload: object) => h.request({ method: 'POST', url, payload, token: admin });
  const used = async (code: string) =>
    (await h.request({ method: 'GET', url: `/v1/limits/${limitIds[code]}`, token: admin })).json().state[0]
      ?.used ?? 0;

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date('2026-11-28T12:00:00Z') });
    admin = await h.adminToken();
    call = fidelisaCall(h);
    const promotion = async (code: string, set: object, benefit: object) => {
      const res = await post('/v1/promotions', {
        name: code,
        code,
        sets: { set: { name: code, type: 'item', ...set } },
        condition: exists(code),
        benefits: { benefit },
      });
      expect(res.statusCode, res.body).toBe(201);
      const nro = res.json().nro as string;
      const limit = await post('/v1/limits', {
        promotion: nro,
        scope: 'retailer',
        period: 'undefined',
        type: 'count',
        max: 1000,
      });
      expect(limit.statusCode, limit.body).toBe(201);
      limitIds[code] = limit.json().id;
      return nro;
    };
    // 10 % off the lines of subtotal 2; 1.00 off item A1.
    const bySubtotal = await promotion(
      'SUB2',
      { attribute: 'type', value: '2' },
      {
        instance: 'PercentageDiscount',
        parameter: [{ key: 'percent', value: '10' }],
        'applied-elements': { 'use-set': { name: 'SUB2' } },
      },
    );
    const byItem = await promotion(
      'ITEMA1',
      { attribute: 'code', value: 'A1' },
      {
        instance: 'FixedDiscount',
        parameter: [{ key: 'amount', value: '1' }],
        'applied-elements': { 'use-set': { name: 'ITEMA1' } },
      },
    );
    const map = await post('/v1/promotion-maps', {
      name: 'fidelisa',
      promotions: [bySubtotal, byItem],
      startDate: '2026-01-01T00:00:00Z',
    });
    expect(map.statusCode, map.body).toBe(201);
    expect((await post(`/v1/promotion-maps/${map.json().version}/activate`, {})).statusCode).toBe(200);
  });
  afterAll(() => h?.close());

  const newCustomer = async (lastName: string) => {
    const res = await call('POST', '/api/customers', { customer: { last_name: lastName } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().uuid as string;
  };
  /** Points of the customer's cards that earn (the active ones; a card waiting for fields stays at 0). */
  const cardPoints = async (uuid: string) =>
    ((await call('GET', `/api/customers/${uuid}/cards`)).json().cards as { points: number }[])
      .map((c) => c.points)
      .filter((points) => points !== 0);
  const bill = (uuid: string, details: object[]) =>
    call('POST', '/api/sales/', { bill: { total: '50.00', date: '2026-11-28', customer_id: uuid, details } });

  it('applies the promotions of the subtotal and of the item: each card earns on the total net of them', async () => {
    const uuid = await newCustomer('Promo');
    const res = await bill(uuid, [
      { type: 'SubTotal2', amount: '20.00', quantity: '1' },
      { type: 'Item', item: 'A1', amount: '5.00', quantity: '1' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    // The demo programs earn 1 point per euro of the total: 50.00 less 2.00 (10 % of 20.00) less 1.00.
    const points = await cardPoints(uuid);
    const cards = points.length;
    expect(cards).toBeGreaterThan(0);
    expect(points).toEqual(Array(cards).fill(47));
    expect(await used('SUB2')).toBe(cards);
    expect(await used('ITEMA1')).toBe(cards);
  });

  it('an item carved out of its subtotal keeps the subtotal type: both promotions see it', async () => {
    const uuid = await newCustomer('Carved');
    const [sub, item] = [await used('SUB2'), await used('ITEMA1')];
    // SubTotal2 is the whole bill and the item is inside it: lines of type 2 (45.00) and A1 of type 2 (5.00).
    const res = await call('POST', '/api/sales/', {
      bill: {
        total: '50.00',
        date: '2026-11-28',
        customer_id: uuid,
        details: [
          { type: 'SubTotal2', amount: '50.00', quantity: '1' },
          { type: 'Item', item: 'A1', amount: '5.00', quantity: '1' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // 10 % of the subtotal's lines (45.00 and 5.00) is 5.00; 1.00 off A1: 44 points.
    const points = await cardPoints(uuid);
    const cards = points.length;
    expect(points).toEqual(Array(cards).fill(44));
    expect(await used('SUB2')).toBe(sub + cards);
    expect(await used('ITEMA1')).toBe(item + cards);
  });

  it('applies nothing to lines no promotion selects', async () => {
    const uuid = await newCustomer('Control');
    const [sub, item] = [await used('SUB2'), await used('ITEMA1')];
    const res = await bill(uuid, [
      { type: 'SubTotal3', amount: '20.00', quantity: '1' },
      { type: 'Item', item: 'B1', amount: '5.00', quantity: '1' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const points = await cardPoints(uuid);
    expect(points.length).toBeGreaterThan(0);
    expect(points).toEqual(Array(points.length).fill(50));
    expect([await used('SUB2'), await used('ITEMA1')]).toEqual([sub, item]);
  });
});
