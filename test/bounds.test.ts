/**
 * Bounds on amounts, quantities, payments, points and sale dates, in /v1 and the dialects: out of bounds is
 * a 400 in the API's own format, never a silent wrong balance or a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '../src/app/demo/demo-loyalty.js';
import { createHarness, databases, type Harness } from './support/harness.js';

let serial = 0;

describe.each(databases())('bounds on $kind', (target) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  const sale = (over: Record<string, unknown>) =>
    h.request({
      method: 'POST',
      url: '/v1/sales',
      token: admin,
      payload: {
        receipt: `B-${target.kind}-${(serial += 1)}`,
        date: new Date().toISOString(),
        storeCode: 'PARIS-01',
        cardNumber: DEMO_CARDS.withPoints,
        lines: [{ operation: 'purchase', amount: 1000, quantity: 1 }],
        ...over,
      },
    });
  const line = (amount: number, quantity = 1) => ({ operation: 'purchase', amount, quantity });

  it.each([
    ['a line of 9e15', { lines: [line(9e15)] }],
    ['lines summing past the sale bound', { lines: Array.from({ length: 12 }, () => line(1e9)) }],
    ['lines summing past 2^53', { lines: Array.from({ length: 3 }, () => line(2 ** 52)) }],
    ['a zero quantity', { lines: [line(100, 0)] }],
    ['a negative quantity', { lines: [line(100, -2)] }],
    ['a huge quantity', { lines: [line(100, 1e12)] }],
    ['a quantity with four decimals', { lines: [line(100, 1.0001)] }],
    ['a negative payment', { payments: [{ method: 'cash', amount: -500 }] }],
    ['redeemPoints of 2^53', { redeemPoints: 2 ** 53 }],
    ['a date in year 9999', { date: '9999-12-31T00:00:00Z' }],
    ['a date in 1990', { date: '1990-01-01T00:00:00Z' }],
  ])('/v1 refuses %s with a 400', async (_name, over) => {
    const res = await sale(over);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('/v1 still takes a weighed line (3 decimals) and a sale of yesterday', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const res = await sale({ date: yesterday, lines: [line(1234, 0.125)] });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('/v1 refuses an adjustment of more points than one movement may carry', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/v1/adjustments',
      token: admin,
      payload: { cardNumber: DEMO_CARDS.withPoints, points: 9e15, reason: 'x' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('Avomark refuses an out-of-bounds ticket with its own error body', async () => {
    const token = await h.app.inject({
      method: 'POST',
      url: '/avomark/api/token',
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    const res = await h.request({
      method: 'POST',
      url: `/avomark/api/v1/cards/${DEMO_CARDS.withPoints}/sales`,
      token: token.json().access_token,
      payload: {
        receipt: `AV-${target.kind}`,
        date: new Date().toISOString(),
        purchases: [{ operation: { id: 1 }, amount: 9e13, quantity: -1, percentageDiscount: 0 }],
      },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
