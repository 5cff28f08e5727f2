import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExpiry } from '../src/jobs/expiry.js';
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

const DAY = 86_400_000;

/**
 * A debt (negative balance after a return of spent points) must be paid by points earned while it was
 * pending, once they become active, and before they can expire: the scheduled job settles it.
 */
describe.each(databases())('debts and pending points on $kind', (target) => {
  let h: Harness;
  let clock = new Date('2026-05-01T10:00:00.000Z');
  const at = (days: number) => new Date(Date.parse('2026-05-01T10:00:00.000Z') + days * DAY);
  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
  });
  afterAll(() => h.close());

  it('pays the debt from points that became active, so they are not burnt', async () => {
    const programId = await createProgram(h, {
      pendingDays: 1,
      expiry: { kind: 'days', days: 3 },
      negativeBalance: 'allow',
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: { points: 1, per: 100 },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
    });
    const card = await createCard(h, programId);
    let token = await freshToken(h);
    const first = (await sale(h, token, { cardNumber: card.number, lines: [purchase(10_000)] })).json();
    expect(first.pointsEarned).toBe(100);

    clock = at(1.5);
    token = await freshToken(h);
    const spend = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(6_000)],
      redeemPoints: 100,
    });
    expect(spend.statusCode).toBe(201); // spends the first 100; earns 60, pending for a day
    const back = await h.request({
      method: 'POST',
      url: `/v1/sales/${first.saleId}/returns`,
      token,
      payload: { receipt: 'RET-DEBT', amount: 10_000 },
    });
    expect(back.statusCode).toBe(201);
    expect(back.json().deficit).toBe(100);
    expect(await balanceOf(h, token, card.number)).toMatchObject({ active: -100, pending: 60 });

    clock = at(3); // the 60 are active now; the job settles 60 of the debt
    await runExpiry(h.deps, clock);
    clock = at(6); // past the 60's expiry: nothing is left to burn
    await runExpiry(h.deps, clock);
    token = await freshToken(h);
    expect(await balanceOf(h, token, card.number)).toMatchObject({ active: -40, pending: 0, expired: 0 });
    expect((await ledgerCheck(h)).ok).toBe(true);
  });
});
