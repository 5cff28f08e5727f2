/**
 * Issue 10 (bounds), second pass: the wallet has a cap (BOUNDS.walletMinor), and the moves that do not go through a
 * sale's earning are checked against the caps too: giving back redeemed points (sale cancellation, gift award
 * restore), giving back a withdrawal, and the balance and wallet a replacement card takes over. Each refusal is a
 * 422 that leaves nothing half-done, and `tessera check` stays green.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDS } from '../src/core/bounds.js';
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

const money = (operation: string, amount: number) => ({ operation, amount, quantity: 1, discountPercent: 0 });
/** Ten deposit lines of the largest line amount: one sale that fills a wallet to its cap. */
const fill = () => Array.from({ length: 10 }, () => money('deposit', BOUNDS.lineAmountMinor));
const pointsHeld = (b: { active: number; pending: number }) => b.active + b.pending;
/** A thousand points per cent: one sale fills a card up to the points cap. */
const GENEROUS = {
  rules: [
    {
      id: 'total',
      kind: 'total_amount' as const,
      rate: { points: 1000, per: 1 },
      rounding: 'floor' as const,
      minimumAmount: 0,
      excludeDiscounted: false,
    },
  ],
};

describe.each(databases())('caps on wallet and internal moves on $kind', (target) => {
  let h: Harness;
  let token: string;
  let admin: string;
  let walletProgram: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    admin = await freshToken(h, 'admin');
    walletProgram = await createProgram(h, { walletEnabled: true });
  });
  afterAll(() => h.close());

  /** Brings the card to exactly the points cap: one generous sale, then an adjustment for the rest. */
  async function fillPoints(number: string) {
    const room = BOUNDS.balancePoints - pointsHeld(await balanceOf(h, token, number));
    if (room >= 1000) {
      const res = await sale(h, token, { cardNumber: number, lines: [purchase(Math.floor(room / 1000))] });
      if (res.statusCode !== 201) throw new Error(`fill: ${res.statusCode} ${res.body}`);
    }
    if (room % 1000 > 0) await credit(h, number, room % 1000);
    expect(pointsHeld(await balanceOf(h, token, number))).toBe(BOUNDS.balancePoints);
  }

  const wallet = async (number: string) =>
    (await h.request({ method: 'GET', url: `/v1/cards/${number}/balance`, token })).json()
      .walletMinor as number;
  const walletRows = async (number: string) =>
    (
      await h.deps.db
        .selectFrom('movements as m')
        .innerJoin('cards as c', 'c.id', 'm.card_id')
        .select('m.id')
        .where('c.number', '=', number)
        .execute()
    ).length;

  it('a deposit past the wallet cap is a 422 WALLET_LIMIT_EXCEEDED; nothing is written', async () => {
    const { number } = await createCard(h, walletProgram);
    const first = await sale(h, token, { cardNumber: number, lines: fill() });
    expect(first.statusCode, first.body).toBe(201);
    expect(await wallet(number)).toBe(BOUNDS.walletMinor);
    const rows = await walletRows(number);
    const over = await sale(h, token, { cardNumber: number, lines: [purchase(500), money('credit', 1)] });
    expect(over.statusCode, over.body).toBe(422);
    expect(over.json().error.code).toBe('WALLET_LIMIT_EXCEEDED');
    expect(await wallet(number)).toBe(BOUNDS.walletMinor);
    expect(await walletRows(number)).toBe(rows);
    // A withdrawal and a deposit in one sale stay within the cap.
    const both = await sale(h, token, {
      cardNumber: number,
      lines: [money('withdrawal', 700), money('deposit', 700)],
    });
    expect(both.statusCode, both.body).toBe(201);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('cancelling a withdrawal that would bring the wallet past its cap is refused, and nothing moves', async () => {
    const { number } = await createCard(h, walletProgram);
    expect((await sale(h, token, { cardNumber: number, lines: fill() })).statusCode).toBe(201);
    const withdrawal = await sale(h, token, { cardNumber: number, lines: [money('withdrawal', 1000)] });
    expect(withdrawal.statusCode, withdrawal.body).toBe(201);
    expect((await sale(h, token, { cardNumber: number, lines: [money('deposit', 1000)] })).statusCode).toBe(
      201,
    );
    const cancel = await h.request({
      method: 'POST',
      url: `/v1/sales/${withdrawal.json().saleId as string}/cancel`,
      token,
    });
    expect(cancel.statusCode, cancel.body).toBe(422);
    expect(cancel.json().error.code).toBe('WALLET_LIMIT_EXCEEDED');
    expect(await wallet(number)).toBe(BOUNDS.walletMinor);
    const stored = await h.request({
      method: 'GET',
      url: `/v1/sales/${withdrawal.json().saleId as string}`,
      token,
    });
    expect(stored.json().status).not.toBe('cancelled');
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('cancelling a sale whose redeemed points would bring the card past the points cap is refused', async () => {
    const program = await createProgram(h, GENEROUS);
    const { number } = await createCard(h, program);
    await credit(h, number, 5000);
    // Earns 1,000 points and spends 5,000: its cancellation gives back 4,000 net.
    const spend = await sale(h, token, { cardNumber: number, lines: [purchase(1)], redeemPoints: 5000 });
    expect(spend.statusCode, spend.body).toBe(201);
    await fillPoints(number);
    const cancel = await h.request({
      method: 'POST',
      url: `/v1/sales/${spend.json().saleId as string}/cancel`,
      token,
    });
    expect(cancel.statusCode, cancel.body).toBe(422);
    expect(cancel.json().error.code).toBe('BALANCE_LIMIT_EXCEEDED');
    expect(pointsHeld(await balanceOf(h, token, number))).toBe(BOUNDS.balancePoints);
    expect(pointsHeld(await balanceOf(h, token, number))).toBe(BOUNDS.balancePoints);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('restoring a gift award past the points cap is refused; the award and the stock stay as they were', async () => {
    const program = await createProgram(h, GENEROUS);
    const { number } = await createCard(h, program);
    await credit(h, number, 500);
    const gift = await h.request({
      method: 'POST',
      url: '/v1/gifts',
      token: admin,
      payload: { title: 'Mug', pointsCost: 500, stock: 3, programId: program },
    });
    expect(gift.statusCode, gift.body).toBe(201);
    const giftId = gift.json().id as string;
    const award = await h.request({
      method: 'POST',
      url: `/v1/gifts/${giftId}/award`,
      token,
      payload: { cardNumber: number },
    });
    expect(award.statusCode, award.body).toBe(201);
    await fillPoints(number);
    const restore = await h.request({
      method: 'POST',
      url: `/v1/gift-awards/${award.json().awardId as string}/restore`,
      token: admin,
    });
    expect(restore.statusCode, restore.body).toBe(422);
    expect(restore.json().error.code).toBe('BALANCE_LIMIT_EXCEEDED');
    const row = await h.deps.db
      .selectFrom('gift_awards')
      .select('status')
      .where('id', '=', award.json().awardId as string)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('awarded');
    const stock = await h.deps.db
      .selectFrom('gifts')
      .select('stock')
      .where('id', '=', giftId)
      .executeTakeFirstOrThrow();
    expect(Number(stock.stock)).toBe(2);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  /** An old card and an issued successor that each hold something already. */
  async function pair(program: string) {
    const old = await createCard(h, program);
    const successor = await createCard(h, program);
    return { old, successor };
  }
  async function makeIssued(cardId: string) {
    await h.deps.db
      .updateTable('cards')
      .set({ status: 'issued', customer_id: null })
      .where('id', '=', cardId)
      .execute();
  }
  const replace = (number: string, newNumber: string) =>
    h.request({ method: 'POST', url: `/v1/cards/${number}/replace`, token: admin, payload: { newNumber } });

  it('a replacement card that cannot take the points is refused before anything moves', async () => {
    const program = await createProgram(h, GENEROUS);
    const { old, successor } = await pair(program);
    await fillPoints(successor.number);
    await makeIssued(successor.cardId);
    await credit(h, old.number, 10);
    const res = await replace(old.number, successor.number);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('BALANCE_LIMIT_EXCEEDED');
    const cards = await h.deps.db
      .selectFrom('cards')
      .select(['id', 'status'])
      .where('id', 'in', [old.cardId, successor.cardId])
      .execute();
    expect(Object.fromEntries(cards.map((c) => [c.id, c.status]))).toEqual({
      [old.cardId]: 'active',
      [successor.cardId]: 'issued',
    });
    expect((await balanceOf(h, token, old.number)).active).toBe(10);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('a replacement card that cannot take the wallet is refused before anything moves', async () => {
    const { old, successor } = await pair(walletProgram);
    expect((await sale(h, token, { cardNumber: successor.number, lines: fill() })).statusCode).toBe(201);
    await makeIssued(successor.cardId);
    expect((await sale(h, token, { cardNumber: old.number, lines: [money('deposit', 1)] })).statusCode).toBe(
      201,
    );
    const res = await replace(old.number, successor.number);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('WALLET_LIMIT_EXCEEDED');
    expect(await wallet(old.number)).toBe(1);
    const status = await h.deps.db
      .selectFrom('cards')
      .select('status')
      .where('id', '=', old.cardId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('active');
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('a replacement within the caps still moves balance and wallet', async () => {
    const { old, successor } = await pair(walletProgram);
    await credit(h, old.number, 40);
    await credit(h, successor.number, 2);
    await makeIssued(successor.cardId);
    expect(
      (await sale(h, token, { cardNumber: old.number, lines: [money('deposit', 300)] })).statusCode,
    ).toBe(201);
    const res = await replace(old.number, successor.number);
    expect(res.statusCode, res.body).toBe(200);
    expect((await balanceOf(h, token, successor.number)).active).toBe(42);
    expect(await wallet(successor.number)).toBe(300);
  });
});
