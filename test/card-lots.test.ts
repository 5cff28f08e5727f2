import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExpiry } from '../src/jobs/expiry.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { createCard, createProgram, freshToken, purchase, sale } from './support/loyalty-fixtures.js';

const DAY = 86_400_000;
interface LotLine {
  amount: number;
  remaining: number;
  burnt: number;
  state: string;
  receipt: string | null;
  expiresAt: string | null;
}

describe.each(databases())('the lots of a card (GET /v1/cards/{number}/lots) on $kind', (target) => {
  let h: Harness;
  let token: string;
  let clock = new Date('2026-03-10T10:00:00.000Z');
  const advance = async (days: number) => {
    clock = new Date(clock.getTime() + days * DAY);
    token = await freshToken(h);
  };
  const lots = (number: string, query = '') =>
    h.request({ method: 'GET', url: `/v1/cards/${number}/lots${query}`, token });
  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    token = await h.clientToken();
  });
  afterAll(() => h.close());

  it('lists each earning with its state and expiry, newest first, by pages', async () => {
    const programId = await createProgram(h, { pendingDays: 2, expiry: { kind: 'days', days: 10 } });
    const card = await createCard(h, programId);
    await sale(h, token, { cardNumber: card.number, receipt: 'LOT-1', lines: [purchase(5000)] });
    await advance(1);
    await sale(h, token, { cardNumber: card.number, receipt: 'LOT-2', lines: [purchase(3000)] });
    await advance(1.5); // first lot active, second still pending
    const spent = await sale(h, token, {
      cardNumber: card.number,
      receipt: 'LOT-3',
      lines: [],
      redeemPoints: 50,
    });
    expect(spent.statusCode).toBe(201);
    let page = (await lots(card.number)).json() as { data: LotLine[]; nextCursor: string | null };
    expect(page.data.map((l) => [l.receipt, l.amount, l.remaining, l.state])).toEqual([
      ['LOT-2', 30, 30, 'pending'],
      ['LOT-1', 50, 0, 'spent'],
    ]);
    expect(page.data[1]!.expiresAt).toBe('2026-03-20T10:00:00.000Z');

    await advance(9); // the second lot has expired (no job yet): the list says so, as the balance does
    page = (await lots(card.number)).json();
    expect(page.data[0]).toMatchObject({ receipt: 'LOT-2', remaining: 30, burnt: 0, state: 'expired' });
    await runExpiry(h.deps, clock);
    page = (await lots(card.number)).json();
    expect(page.data[0]).toMatchObject({ remaining: 30, burnt: 30, state: 'expired' });

    const first = (await lots(card.number, '?limit=1')).json() as { data: LotLine[]; nextCursor: string };
    expect(first.data.map((l) => l.receipt)).toEqual(['LOT-2']);
    const second = (await lots(card.number, `?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((l: LotLine) => l.receipt)).toEqual(['LOT-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 404 for an unknown card, 400 for a bad cursor or limit', async () => {
    expect((await lots('999999999999')).json().error.code).toBe('CARD_NOT_FOUND');
    const programId = await createProgram(h);
    const card = await createCard(h, programId);
    expect((await lots(card.number)).json()).toEqual({ data: [], nextCursor: null });
    const badCursor = await lots(card.number, '?cursor=nope');
    expect(badCursor.statusCode).toBe(400);
    expect((await lots(card.number, '?limit=0')).statusCode).toBe(400);
  });
});
