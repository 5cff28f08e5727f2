/**
 * Issue 10 (bounds): a card's balance is capped (BOUNDS.balancePoints, 10^12), so that no balance, sum or total
 * leaves the exact-integer range of a double. A sale whose earning, or a credit, would pass it is a 422
 * BALANCE_LIMIT_EXCEEDED; nothing is written and the ledger stays consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDS } from '../src/core/bounds.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  freshToken,
  ledgerCheck,
  purchase,
  sale,
} from './support/loyalty-fixtures.js';

const rule = (points: number) => ({
  id: 'total',
  kind: 'total_amount' as const,
  rate: { points, per: 1 },
  rounding: 'floor' as const,
  minimumAmount: 0,
  excludeDiscounted: false,
});

describe.each(databases())('balance cap on $kind', (target) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
  });
  afterAll(() => h.close());

  it('a sale earning past 2^53 is a 422, not a 500 or a wrong balance', async () => {
    const program = await createProgram(h, { rules: [rule(1_000_000)] });
    const card = await createCard(h, program);
    // 10 lines of 10,000,000.00: 10^16 points at a million points per cent, past 2^53.
    const res = await sale(h, token, {
      cardNumber: card.number,
      lines: Array.from({ length: 10 }, () => purchase(1_000_000_000)),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'BALANCE_LIMIT_EXCEEDED' });
    expect(res.json().error.message).toMatch(/most points a card may hold \(1000000000000\)/);
    expect((await balanceOf(h, token, card.number)).active).toBe(0);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('a card at the cap earns no more from a sale, nor from an adjustment; spending makes room', async () => {
    const program = await createProgram(h, { rules: [rule(1000)] });
    const card = await createCard(h, program);
    const first = await sale(h, token, { cardNumber: card.number, lines: [purchase(1_000_000_000)] });
    expect(first.statusCode, first.body).toBe(201);
    expect((await balanceOf(h, token, card.number)).active).toBe(BOUNDS.balancePoints);

    const second = await sale(h, token, { cardNumber: card.number, lines: [purchase(1)] });
    expect(second.statusCode, second.body).toBe(422);
    expect(second.json().error.code).toBe('BALANCE_LIMIT_EXCEEDED');

    const admin = await freshToken(h, 'admin');
    const adjust = await h.request({
      method: 'POST',
      url: '/v1/adjustments',
      token: admin,
      payload: { cardNumber: card.number, points: 1, reason: 'goodwill' },
    });
    expect(adjust.statusCode, adjust.body).toBe(422);
    expect(adjust.json().error.code).toBe('BALANCE_LIMIT_EXCEEDED');

    // A sale that spends as much as it earns stays within the cap.
    const spendAndEarn = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(5)],
      redeemPoints: 5000,
    });
    expect(spendAndEarn.statusCode, spendAndEarn.body).toBe(201);
    expect((await balanceOf(h, token, card.number)).active).toBe(BOUNDS.balancePoints);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });
});
