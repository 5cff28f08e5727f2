import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  credit,
  freshToken,
  ledgerCheck,
  purchase,
  sale,
} from './support/loyalty-fixtures.js';

const ODD_RATE = [
  {
    id: 'odd',
    kind: 'total_amount' as const,
    rate: { points: 7, per: 300 },
    rounding: 'floor' as const,
    minimumAmount: 0,
    excludeDiscounted: false,
  },
];

describe.each(databases())('returns and cancellations on $kind', (target) => {
  let h: Harness;
  let token: string;
  let clock = new Date('2026-03-10T10:00:00.000Z');
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    token = await h.clientToken();
    programId = await createProgram(h, { rules: ODD_RATE });
  });
  afterAll(() => h.close());

  const returnOf = (saleId: string, payload: Record<string, unknown>) =>
    h.request({ method: 'POST', url: `/v1/sales/${saleId}/returns`, token, payload });
  const cancel = (saleId: string) => h.request({ method: 'POST', url: `/v1/sales/${saleId}/cancel`, token });

  it('takes back points in proportion and never more than earned over a sequence of partial returns', async () => {
    const card = await createCard(h, programId);
    const posted = await sale(h, token, { cardNumber: card.number, lines: [purchase(1000)] });
    expect(posted.json().pointsEarned).toBe(23); // floor(1000 × 7 / 300)
    const saleId = posted.json().saleId as string;
    const reversed: number[] = [];
    for (const [i, amount] of [333, 333, 1, 332].entries()) {
      const res = await returnOf(saleId, { receipt: `RET-${i}`, amount });
      expect(res.statusCode).toBe(201);
      reversed.push(res.json().pointsReversed);
    }
    // cumulative targets: floor(23 × 333/1000) = 7, 15, 15, floor(23 × 999/1000) = 22
    expect(reversed).toEqual([7, 8, 0, 7]);
    const last = await returnOf(saleId, { receipt: 'RET-LAST', amount: 1 });
    expect(last.json()).toMatchObject({ pointsReversed: 1, saleReversedPoints: 23, saleReturnedMinor: 1000 });
    const over = await returnOf(saleId, { receipt: 'RET-OVER', amount: 1 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('RETURN_EXCEEDS_SALE');
    expect((await balanceOf(h, token, card.number)).active).toBe(0);
  });

  it('is idempotent on the return receipt', async () => {
    const card = await createCard(h, programId);
    const saleId = (await sale(h, token, { cardNumber: card.number, lines: [purchase(3000)] })).json()
      .saleId as string;
    const first = await returnOf(saleId, { receipt: 'R1', amount: 1500 });
    expect(first.statusCode).toBe(201);
    const again = await returnOf(saleId, { receipt: 'R1', amount: 1500 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await returnOf(saleId, { receipt: 'R1', amount: 1000 });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('SALE_ALREADY_SAVED');
    expect((await balanceOf(h, token, card.number)).active).toBe(70 - 35);
  });

  it('returns by lines', async () => {
    const card = await createCard(h, programId);
    const posted = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(600), purchase(300), { operation: 'discount', amount: -50, quantity: 1 }],
    });
    expect(posted.json().pointsEarned).toBe(21);
    const saleId = posted.json().saleId as string;
    const byLine = await returnOf(saleId, { receipt: 'L1', lines: [{ lineNo: 2 }] });
    expect(byLine.json()).toMatchObject({ amount: 300, pointsReversed: 7 });
    const notPurchase = await returnOf(saleId, { receipt: 'L2', lines: [{ lineNo: 3 }] });
    expect(notPurchase.statusCode).toBe(422);
    const both = await returnOf(saleId, { receipt: 'L3', amount: 1, lines: [{ lineNo: 1 }] });
    expect(both.statusCode).toBe(400);
  });

  it('lets the balance go negative when the points were spent (allow), or caps it at zero', async () => {
    const card = await createCard(h, programId);
    const posted = await sale(h, token, { cardNumber: card.number, lines: [purchase(3000)] });
    const spend = await sale(h, token, { cardNumber: card.number, lines: [], redeemPoints: 70 });
    expect(spend.statusCode).toBe(201);
    const res = await returnOf(posted.json().saleId, { receipt: 'NEG', amount: 3000 });
    expect(res.json()).toMatchObject({ pointsReversed: 70, deficit: 70, waived: 0 });
    expect((await balanceOf(h, token, card.number)).active).toBe(-70);
    await credit(h, card.number, 100);
    expect((await balanceOf(h, token, card.number)).active).toBe(30);

    const capped = await createProgram(h, { rules: ODD_RATE, negativeBalance: 'cap_at_zero' });
    const c2 = await createCard(h, capped);
    const p2 = await sale(h, token, { cardNumber: c2.number, lines: [purchase(3000)] });
    await sale(h, token, { cardNumber: c2.number, lines: [], redeemPoints: 50 });
    const r2 = await returnOf(p2.json().saleId, { receipt: 'CAP', amount: 3000 });
    expect(r2.json()).toMatchObject({ pointsReversed: 70, deficit: 0, waived: 50 });
    expect((await balanceOf(h, token, c2.number)).active).toBe(0);
  });

  it('cancels a sale within the window: earned points back, spent points restored, once', async () => {
    const card = await createCard(h, programId);
    await credit(h, card.number, 100);
    const posted = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(3000)],
      redeemPoints: 40,
    });
    expect(posted.json().balance.active).toBe(130);
    const saleId = posted.json().saleId as string;
    await returnOf(saleId, { receipt: 'PART', amount: 1000 });
    const res = await cancel(saleId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      pointsReversed: 70 - 23,
      pointsRestored: 40,
      balance: { active: 100 },
    });
    const second = await cancel(saleId);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('SALE_CANCELLED');
    const afterCancel = await returnOf(saleId, { receipt: 'LATE', amount: 10 });
    expect(afterCancel.json().error.code).toBe('SALE_CANCELLED');
    const read = await h.request({ method: 'GET', url: `/v1/sales/${saleId}`, token });
    expect(read.json()).toMatchObject({ status: 'cancelled', reversedPoints: 70 });
    const balance = await balanceOf(h, token, card.number);
    expect(balance.purchases.cumulative.count).toBe(0);
  });

  it('restores the vouchers a cancelled sale used', async () => {
    const card = await createCard(h, programId);
    const admin = await h.adminToken();
    const voucher = await h.request({
      method: 'POST',
      url: '/v1/vouchers',
      token: admin,
      payload: { cardNumber: card.number, kind: 'amount', value: 300 },
    });
    const number = voucher.json().number as string;
    const posted = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(900)],
      vouchers: [{ number }],
    });
    expect(posted.json().pointsEarned).toBe(14);
    const res = await cancel(posted.json().saleId);
    expect(res.json()).toMatchObject({ vouchersRestored: [number], pointsReversed: 14 });
    const reuse = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(900)],
      vouchers: [{ number }],
    });
    expect(reuse.statusCode).toBe(201);
  });

  it('refuses to cancel after the window', async () => {
    const card = await createCard(h, programId);
    const posted = await sale(h, token, { cardNumber: card.number, lines: [purchase(300)] });
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    token = await freshToken(h);
    const res = await cancel(posted.json().saleId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CANCEL_WINDOW_PASSED');
    const missing = await cancel('sale_00000000000000000000000000');
    expect(missing.json().error.code).toBe('SALE_NOT_FOUND');
  });

  it('passes the ledger consistency check', async () => {
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
