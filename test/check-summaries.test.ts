import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/app/ids.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  ledgerCheck,
  purchase,
  sale,
} from './support/loyalty-fixtures.js';

// tessera check covers the card summaries (a cache of the ledger) and the card lock: a summary that disagrees
// with the lots, or a sale's movement on a card after its block, is reported.
describe.each(databases())('tessera check on summaries and blocked cards on $kind', (target) => {
  let h: Harness;
  let token: string;
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    programId = await createProgram(h);
  });
  afterAll(() => h.close());

  const failures = async () => (await ledgerCheck(h)).lines.filter((l) => l.startsWith('FAIL'));

  it('keeps a summary that matches the ledger after sales, and reports one that does not', async () => {
    const card = await createCard(h, programId);
    for (const amount of [1000, 2550, 990]) {
      expect((await sale(h, token, { cardNumber: card.number, lines: [purchase(amount)] })).statusCode).toBe(
        201,
      );
    }
    const stored = await h.deps.db
      .selectFrom('card_summaries')
      .selectAll()
      .where('card_id', '=', card.cardId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.active)).toBe(10 + 25 + 9);
    expect(Number(stored.purchase_count)).toBe(3);
    expect((await balanceOf(h, token, card.number)).active).toBe(44);
    expect(await failures()).toEqual([]);

    await h.deps.db
      .updateTable('card_summaries')
      .set({ active: 1000 })
      .where('card_id', '=', card.cardId)
      .execute();
    expect((await failures()).join('\n')).toMatch(/summary agrees with its lots/);
    await h.deps.db.deleteFrom('card_summaries').where('card_id', '=', card.cardId).execute();
    expect((await balanceOf(h, token, card.number)).active).toBe(44); // computed again from the lots
    expect(await failures()).toEqual([]);
  });

  it('reports a sale movement dated after the card was blocked', async () => {
    const card = await createCard(h, programId);
    const blocked = await h.request({
      method: 'POST',
      url: `/v1/cards/${card.number}/block`,
      token: await h.adminToken(),
      payload: { reasonCode: 1 },
    });
    expect(blocked.statusCode).toBe(200);
    expect(await failures()).toEqual([]);
    const later = new Date(Date.now() + 60_000).toISOString();
    // What a sale that missed the block would have written.
    const movementId = newId('mov');
    await h.deps.db
      .insertInto('movements')
      .values({
        id: movementId,
        merchant_id: h.merchantId,
        card_id: card.cardId,
        kind: 'earn',
        points: 7,
        money: 0,
        sale_id: newId('sale'),
        store_id: null,
        terminal_id: null,
        principal_id: null,
        reason: null,
        created_at: later,
      })
      .execute();
    await h.deps.db
      .insertInto('lots')
      .values({
        id: newId('lot'),
        merchant_id: h.merchantId,
        card_id: card.cardId,
        movement_id: movementId,
        sale_id: null,
        amount: 7,
        remaining: 7,
        burnt: 0,
        earned_at: later,
        pending_until: null,
        expires_at: null,
      })
      .execute();
    expect((await failures()).join('\n')).toMatch(/after its block or replacement/);
    await h.deps.db.deleteFrom('lots').where('movement_id', '=', movementId).execute();
    await h.deps.db.deleteFrom('movements').where('id', '=', movementId).execute();
  });
});
