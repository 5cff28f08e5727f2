import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  credit,
  ledgerCheck,
  purchase,
  receipt,
} from './support/loyalty-fixtures.js';

describe.each(databases())('ledger under concurrency on $kind', (target) => {
  let h: Harness;
  let token: string;
  let admin: string;
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    admin = await h.adminToken();
    // Earns only on item X, so that the redemption sales below earn nothing.
    programId = await createProgram(h, {
      rules: [
        {
          id: 'x',
          kind: 'items',
          itemCodes: ['X'],
          rate: { points: 1, per: 100 },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
    });
  });
  afterAll(() => h.close());

  const postSale = (body: Record<string, unknown>) =>
    h.request({
      method: 'POST',
      url: '/v1/sales',
      token,
      payload: { receipt: receipt('RACE'), date: '2026-03-10T10:00:00Z', storeCode: 'PARIS-01', ...body },
    });

  it('50 concurrent redemptions in sales against a balance covering 10: exactly 10 succeed', async () => {
    const card = await createCard(h, programId);
    await credit(h, card.number, 100);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        postSale({ cardNumber: card.number, lines: [purchase(500, { itemCode: 'Y' })], redeemPoints: 10 }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(40);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('INSUFFICIENT_POINTS');
    }
    expect((await balanceOf(h, token, card.number)).active).toBe(0);
    const sales = await h.request({
      method: 'GET',
      url: `/v1/sales?cardNumber=${card.number}&limit=200`,
      token,
    });
    expect(sales.json().data).toHaveLength(10);
  });

  it('50 concurrent negative adjustments against a balance covering 10: exactly 10 succeed', async () => {
    const card = await createCard(h, programId);
    await credit(h, card.number, 100);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.request({
          method: 'POST',
          url: '/v1/adjustments',
          token: admin,
          payload: { cardNumber: card.number, points: -10, reason: `race ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(40);
    expect((await balanceOf(h, token, card.number)).active).toBe(0);
  });

  it('the same receipt posted 20 times at once: one sale, one set of points', async () => {
    const card = await createCard(h, programId);
    const body = {
      receipt: receipt('SAME'),
      date: '2026-03-10T10:00:00Z',
      storeCode: 'PARIS-01',
      cardNumber: card.number,
      lines: [purchase(12345, { itemCode: 'X' })],
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.request({ method: 'POST', url: '/v1/sales', token, payload: body })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    const ids = new Set(results.map((r) => r.json().saleId));
    expect(ids.size).toBe(1);
    expect((await balanceOf(h, token, card.number)).active).toBe(123);
    const sales = await h.request({ method: 'GET', url: `/v1/sales?cardNumber=${card.number}`, token });
    expect(sales.json().data).toHaveLength(1);
  });

  it('concurrent returns of one sale never take back more than it earned', async () => {
    const card = await createCard(h, programId);
    const posted = await postSale({ cardNumber: card.number, lines: [purchase(9999, { itemCode: 'X' })] });
    expect(posted.json().pointsEarned).toBe(99);
    const saleId = posted.json().saleId as string;
    // 30 returns of 500 (15000) against a sale of 9999: 19 fit, the rest exceed it.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.request({
          method: 'POST',
          url: `/v1/sales/${saleId}/returns`,
          token,
          payload: { receipt: `CR-${i}`, amount: 500 },
        }),
      ),
    );
    const done = results.filter((r) => r.statusCode === 201);
    expect(done).toHaveLength(19);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(11);
    const reversed = done.reduce((sum, r) => sum + (r.json().pointsReversed as number), 0);
    expect(reversed).toBe(Math.floor((99 * 9500) / 9999));
    expect(reversed).toBeLessThanOrEqual(99);
    const rest = await h.request({
      method: 'POST',
      url: `/v1/sales/${saleId}/returns`,
      token,
      payload: { receipt: 'CR-rest', amount: 499 },
    });
    expect(rest.json().saleReversedPoints).toBe(99);
    expect((await balanceOf(h, token, card.number)).active).toBe(0);
  });

  it('passes the ledger consistency check', async () => {
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
