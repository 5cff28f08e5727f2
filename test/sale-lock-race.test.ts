import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  ledgerCheck,
  purchase,
  sale,
} from './support/loyalty-fixtures.js';

// A sale locks its card and reads the card's status under that lock: a block or a replacement answered
// before a sale commits is never overtaken by it (before, PostgreSQL let sales land on a card just blocked
// or replaced, leaving points the customer could not use).
describe.each(databases())('sales racing a block or a replacement on $kind', (target) => {
  let h: Harness;
  let token: string;
  let admin: string;
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    admin = await h.adminToken();
    programId = await createProgram(h);
  });
  afterAll(() => h.close());

  const sales = (cardNumber: string, n: number) =>
    Array.from({ length: n }, () => sale(h, token, { cardNumber, lines: [purchase(1000)] }));
  const later = <T>(ms: number, run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => setTimeout(() => run().then(resolve, reject), ms));

  it('block against 20 concurrent sales: every sale is before the block or refused', async () => {
    for (let round = 0; round < 3; round++) {
      const card = await createCard(h, programId);
      const [blocked, ...answers] = await Promise.all([
        later(3 * round, () =>
          h.request({
            method: 'POST',
            url: `/v1/cards/${card.number}/block`,
            token: admin,
            payload: { reasonCode: 1 },
          }),
        ),
        ...sales(card.number, 20),
      ]);
      expect(blocked.statusCode).toBe(200);
      const posted = answers.filter((r) => r.statusCode === 201);
      for (const r of answers.filter((r) => r.statusCode !== 201)) {
        expect(r.statusCode).toBe(409);
        expect(r.json().error.code).toBe('CARD_STATUS_ERROR');
      }
      const balance = await balanceOf(h, token, card.number);
      expect(balance.active).toBe(0);
      expect(balance.frozen).toBe(10 * posted.length);
      // Nothing lands once the block is answered.
      expect((await Promise.all(sales(card.number, 3))).map((r) => r.statusCode)).toEqual([409, 409, 409]);
    }
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('replace against 20 concurrent sales: every point earned ends on the successor', async () => {
    for (let round = 0; round < 3; round++) {
      const card = await createCard(h, programId);
      const batch = await h.request({
        method: 'POST',
        url: '/v1/cards/batch',
        token: admin,
        payload: { programId, count: 1 },
      });
      expect(batch.statusCode).toBe(201);
      const successor = (batch.json() as { numbers: string[] }).numbers[0]!;
      const [replaced, ...answers] = await Promise.all([
        later(3 * round, () =>
          h.request({
            method: 'POST',
            url: `/v1/cards/${card.number}/replace`,
            token: admin,
            payload: { newNumber: successor },
          }),
        ),
        ...sales(card.number, 20),
      ]);
      expect(replaced.statusCode).toBe(200);
      const posted = answers.filter((r) => r.statusCode === 201);
      for (const r of answers.filter((r) => r.statusCode !== 201)) {
        expect(r.json().error.code).toBe('CARD_STATUS_ERROR');
      }
      expect((await balanceOf(h, token, successor)).active).toBe(10 * posted.length);
      const left = await h.deps.db
        .selectFrom('movements')
        .select('id')
        .where('card_id', '=', card.cardId)
        .execute();
      expect(left).toEqual([]);
    }
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
