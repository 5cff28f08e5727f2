import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/app/tenancy/tenancy.js';
import { runExpiry } from '../src/jobs/expiry.js';
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

const DAY = 86_400_000;

describe.each(databases())('balances, statement and adjustments on $kind', (target) => {
  let h: Harness;
  let token: string;
  let clock = new Date('2026-03-10T10:00:00.000Z');
  const advance = async (days: number) => {
    clock = new Date(clock.getTime() + days * DAY);
    token = await freshToken(h);
  };
  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    token = await h.clientToken();
  });
  afterAll(() => h.close());

  it('derives pending, active, expired and the nearest expiry from lots and dates, job or no job', async () => {
    const programId = await createProgram(h, { pendingDays: 2, expiry: { kind: 'days', days: 10 } });
    const card = await createCard(h, programId);
    await sale(h, token, { cardNumber: card.number, lines: [purchase(5000)] });
    await advance(1);
    await sale(h, token, { cardNumber: card.number, lines: [purchase(3000)] });
    let b = await balanceOf(h, token, card.number);
    expect(b).toMatchObject({ active: 0, pending: 80, expired: 0, frozen: 0, nearestExpiry: null });

    await advance(1); // first lot active, second still pending
    b = await balanceOf(h, token, card.number);
    expect(b).toMatchObject({ active: 50, pending: 30, expired: 0 });
    expect(b.nearestExpiry).toEqual({ amount: 50, date: '2026-03-20T10:00:00.000Z' });

    const spend = await sale(h, token, { cardNumber: card.number, lines: [], redeemPoints: 60 });
    expect(spend.json().error.code).toBe('INSUFFICIENT_POINTS');

    await advance(8.5); // first lot expired (the job has not run), second active
    b = await balanceOf(h, token, card.number);
    expect(b).toMatchObject({ active: 30, pending: 0, expired: 50 });
    expect(b.nearestExpiry).toEqual({ amount: 30, date: '2026-03-21T10:00:00.000Z' });

    const run = await runExpiry(h.deps, clock);
    expect(run.points).toBeGreaterThanOrEqual(50);
    expect(await balanceOf(h, token, card.number)).toMatchObject({ active: 30, expired: 50 });
    expect((await runExpiry(h.deps, clock)).points).toBe(0);
    const statement = await h.request({ method: 'GET', url: `/v1/cards/${card.number}/statement`, token });
    expect(statement.json().data.map((m: { kind: string; points: number }) => [m.kind, m.points])).toEqual([
      ['expire', -50],
      ['earn', 30],
      ['earn', 50],
    ]);
  });

  it('reports frozen points for a blocked card', async () => {
    const programId = await createProgram(h);
    const card = await createCard(h, programId);
    await credit(h, card.number, 42);
    await h.deps.db.updateTable('cards').set({ status: 'blocked' }).where('id', '=', card.cardId).execute();
    expect(await balanceOf(h, token, card.number)).toMatchObject({ active: 0, frozen: 42 });
  });

  it('gives purchase counts and amounts for a period and in total, with first and last dates', async () => {
    const programId = await createProgram(h);
    const card = await createCard(h, programId);
    const year = clock.getUTCFullYear();
    const post = (date: string, amount: number) =>
      sale(h, token, { cardNumber: card.number, date, lines: [purchase(amount)] });
    expect((await post(`${year - 1}-12-31T23:00:00Z`, 1000)).statusCode).toBe(201);
    await post(`${year}-01-15T09:00:00Z`, 2000);
    const third = await post(`${year}-02-01T09:00:00Z`, 4000);
    await h.request({
      method: 'POST',
      url: `/v1/sales/${third.json().saleId}/returns`,
      token,
      payload: { receipt: 'R', amount: 1000 },
    });
    const b = await balanceOf(h, token, card.number);
    expect(b.purchases).toEqual({
      period: {
        from: `${year}-01-01T00:00:00.000Z`,
        to: `${year + 1}-01-01T00:00:00.000Z`,
        count: 2,
        amount: 5000,
      },
      cumulative: { count: 3, amount: 6000 },
      firstDate: `${year - 1}-12-31T23:00:00.000Z`,
      lastDate: `${year}-02-01T09:00:00.000Z`,
    });
    const jan = await h.request({
      method: 'GET',
      url: `/v1/cards/${card.number}/balance?from=${year}-01-01T00:00:00Z&to=${year}-02-01T00:00:00Z`,
      token,
    });
    expect(jan.json().purchases.period).toMatchObject({ count: 1, amount: 2000 });
  });

  it('finds balances by customer id, mobile and customer code', async () => {
    const programId = await createProgram(h);
    const customer = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { lastName: 'Solde', mobile: '+33 6 99 88 77 66', customerCode: 'BAL-1' },
    });
    const customerId = customer.json().id as string;
    const card = await createCard(h, programId, { withCustomer: false });
    await h.deps.db
      .updateTable('cards')
      .set({ customer_id: customerId })
      .where('id', '=', card.cardId)
      .execute();
    await credit(h, card.number, 7);
    const byId = await h.request({ method: 'GET', url: `/v1/customers/${customerId}/balance`, token });
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toMatchObject({ customerId, cards: [{ cardNumber: card.number, active: 7 }] });
    const byMobile = await h.request({ method: 'GET', url: '/v1/balances?mobile=%2B33699887766', token });
    expect(byMobile.json().data).toEqual([byId.json()]);
    const byCode = await h.request({ method: 'GET', url: '/v1/balances?customerCode=BAL-1', token });
    expect(byCode.json().data).toEqual([byId.json()]);
    const none = await h.request({ method: 'GET', url: '/v1/balances?customerCode=NOPE', token });
    expect(none.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    const unknownCard = await h.request({ method: 'GET', url: '/v1/cards/000/balance', token });
    expect(unknownCard.statusCode).toBe(404);
  });

  it('pages through the statement with store, terminal and receipt', async () => {
    const programId = await createProgram(h);
    const card = await createCard(h, programId);
    for (let i = 0; i < 3; i++) {
      await sale(h, token, {
        receipt: `ST-${i}`,
        terminalCode: '1',
        cardNumber: card.number,
        lines: [purchase(100)],
      });
    }
    await credit(h, card.number, 5);
    const page1 = await h.request({
      method: 'GET',
      url: `/v1/cards/${card.number}/statement?limit=3`,
      token,
    });
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json();
    expect(p1.data).toHaveLength(3);
    expect(p1.data[0]).toMatchObject({ kind: 'adjust', points: 5, reason: 'test setup', receipt: null });
    expect(p1.data[1]).toMatchObject({
      kind: 'earn',
      points: 1,
      receipt: 'ST-2',
      storeCode: 'PARIS-01',
      terminalCode: '1',
    });
    const page2 = await h.request({
      method: 'GET',
      url: `/v1/cards/${card.number}/statement?limit=3&cursor=${p1.nextCursor}`,
      token,
    });
    expect(page2.json().data.map((m: { receipt: string }) => m.receipt)).toEqual(['ST-0']);
    expect(page2.json().nextCursor).toBeNull();
    const bad = await h.request({
      method: 'GET',
      url: `/v1/cards/${card.number}/statement?cursor=xyz`,
      token,
    });
    expect(bad.json().error.code).toBe('INVALID_CURSOR');
  });

  it('lets administrators, directors and senior employees adjust points, with a reason', async () => {
    const programId = await createProgram(h);
    const card = await createCard(h, programId);
    const created = await createUser(h.deps, {
      login: 'senior@demo.test',
      password: 'senior-pass',
      role: 'senior_employee',
      merchantId: h.merchantId,
    });
    expect(created.ok).toBe(true);
    const tokenRes = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'senior@demo.test', password: 'senior-pass' },
    });
    const senior = tokenRes.json().access_token as string;
    const admin = await freshToken(h, 'admin');
    const adjust = (t: string, payload: Record<string, unknown>) =>
      h.request({ method: 'POST', url: '/v1/adjustments', token: t, payload });

    const cashier = await adjust(token, { cardNumber: card.number, points: 10, reason: 'goodwill' });
    expect(cashier.statusCode).toBe(403);
    const plus = await adjust(senior, { cardNumber: card.number, points: 10, reason: 'goodwill' });
    expect(plus.statusCode).toBe(201);
    expect(plus.json()).toMatchObject({ points: 10, reason: 'goodwill', balance: { active: 10 } });
    const minus = await adjust(admin, { cardNumber: card.number, points: -4, reason: 'correction' });
    expect(minus.json().balance.active).toBe(6);
    const tooMuch = await adjust(admin, { cardNumber: card.number, points: -7, reason: 'correction' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe('INSUFFICIENT_POINTS');
    const noReason = await adjust(admin, { cardNumber: card.number, points: 5, reason: '  ' });
    expect(noReason.json().error.code).toBe('ADJUSTMENT_REASON_REQUIRED');
    const zero = await adjust(admin, { cardNumber: card.number, points: 0, reason: 'x' });
    expect(zero.statusCode).toBe(400);
    expect((await balanceOf(h, token, card.number)).active).toBe(6);
  });

  it('passes the ledger consistency check', async () => {
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('makes the check fail when a lot or a movement is tampered with', async () => {
    const lot = await h.deps.db
      .selectFrom('lots')
      .select(['id', 'remaining'])
      .where('amount', '>', 0)
      .executeTakeFirstOrThrow();
    await h.deps.db
      .updateTable('lots')
      .set({ remaining: Number(lot.remaining) + 1 })
      .where('id', '=', lot.id)
      .execute();
    const report = await ledgerCheck(h);
    expect(report.ok).toBe(false);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toHaveLength(2);
    await h.deps.db
      .updateTable('lots')
      .set({ remaining: Number(lot.remaining) })
      .where('id', '=', lot.id)
      .execute();
    expect((await ledgerCheck(h)).ok).toBe(true);
  });
});
