import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { activePoints, insertCard, insertProgram } from './support/rewards-fixtures.js';

describe.each(databases())('gifts on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  let programId: string;

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
    programId = await insertProgram(h);
  });
  afterAll(() => h.close());

  const createGift = async (payload: object) => {
    const res = await h.request({ method: 'POST', url: '/v1/gifts', token: admin, payload });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; stock: number | null };
  };
  const award = (giftId: string, cardNumber: string) =>
    h.request({ method: 'POST', url: `/v1/gifts/${giftId}/award`, token: cashier, payload: { cardNumber } });
  const restore = (awardId: string, token = admin) =>
    h.request({ method: 'POST', url: `/v1/gift-awards/${awardId}/restore`, token });
  const stockOf = async (giftId: string) => {
    const row = await h.deps.db
      .selectFrom('gifts')
      .select('stock')
      .where('id', '=', giftId)
      .executeTakeFirstOrThrow();
    return row.stock === null ? null : Number(row.stock);
  };

  it('has the demo catalog', async () => {
    const res = await h.request({ method: 'GET', url: '/v1/gifts', token: cashier });
    expect(res.statusCode).toBe(200);
    const titles = res.json().data.map((g: { title: string }) => g.title);
    expect(titles).toEqual(expect.arrayContaining(['Une nuit offerte', 'Tote bag', 'Bon de 10 €']));
    const tote = res.json().data.find((g: { title: string }) => g.title === 'Tote bag');
    expect(tote).toMatchObject({ pointsCost: 300, stock: 50, active: true });
  });

  it('creates gifts; refuses bad input and cashiers', async () => {
    const gift = await createGift({ title: 'Mug', pointsCost: 150, stock: 10, programId });
    expect(gift).toMatchObject({ title: 'Mug', pointsCost: 150, stock: 10, programId, validUntil: null });
    const bad = await h.request({
      method: 'POST',
      url: '/v1/gifts',
      token: admin,
      payload: { title: 'x', pointsCost: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const noProgram = await h.request({
      method: 'POST',
      url: '/v1/gifts',
      token: admin,
      payload: { title: 'x', pointsCost: 1, programId: 'prg_nope' },
    });
    expect(noProgram.json().error.code).toBe('PROGRAM_NOT_FOUND');
    const denied = await h.request({
      method: 'POST',
      url: '/v1/gifts',
      token: cashier,
      payload: { title: 'x', pointsCost: 1 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('lists only the gifts a card can afford, available and in stock', async () => {
    const card = await insertCard(h, programId, 400);
    const cheap = await createGift({ title: 'Stylo', pointsCost: 100 });
    const empty = await createGift({ title: 'Épuisé', pointsCost: 100, stock: 0 });
    const later = await createGift({ title: 'Bientôt', pointsCost: 100, validFrom: '2999-01-01T00:00:00Z' });
    const over = await createGift({ title: 'Trop cher', pointsCost: 401 });
    const res = await h.request({
      method: 'GET',
      url: `/v1/gifts?cardNumber=${card.number}`,
      token: cashier,
    });
    const ids = res.json().data.map((g: { id: string }) => g.id);
    expect(ids).toContain(cheap.id);
    for (const gift of [empty, later, over]) expect(ids).not.toContain(gift.id);
    const titles = res.json().data.map((g: { title: string }) => g.title);
    expect(titles).toContain('Tote bag');
    expect(titles).not.toContain('Une nuit offerte');
    const unknown = await h.request({ method: 'GET', url: '/v1/gifts?cardNumber=404', token: cashier });
    expect(unknown.json().error.code).toBe('CARD_NOT_FOUND');
  });

  it('awards a gift: points debited, stock taken, gift voucher issued; restores it once', async () => {
    const card = await insertCard(h, programId, 1000);
    const gift = await createGift({ title: 'Sac', pointsCost: 300, stock: 2 });
    const res = await award(gift.id, card.number);
    expect(res.statusCode).toBe(201);
    const { awardId, voucher } = res.json();
    expect(awardId).toMatch(/^gaw_/);
    expect(voucher).toMatchObject({
      kind: 'gift',
      label: 'Sac',
      giftId: gift.id,
      cardNumber: card.number,
      status: 'active',
      source: 'gift',
    });
    expect(await activePoints(h, card.id)).toBe(700);
    expect(await stockOf(gift.id)).toBe(1);

    const restored = await restore(awardId);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual({ awardId, status: 'restored', pointsRestored: 300 });
    expect(await activePoints(h, card.id)).toBe(1000);
    expect(await stockOf(gift.id)).toBe(2);
    const v = await h.request({ method: 'GET', url: `/v1/vouchers/${voucher.number}`, token: cashier });
    expect(v.json().status).toBe('cancelled');
    const again = await restore(awardId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GIFT_ALREADY_RESTORED');
    expect(await activePoints(h, card.id)).toBe(1000);
    expect((await restore(awardId, cashier)).statusCode).toBe(403);
    expect((await restore('gaw_nope')).json().error.code).toBe('GIFT_AWARD_NOT_FOUND');
  });

  it('refuses an award the points or the stock do not cover, and changes nothing', async () => {
    const poor = await insertCard(h, programId, 100);
    const gift = await createGift({ title: 'Lampe', pointsCost: 200, stock: 1 });
    const refused = await award(gift.id, poor.number);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INSUFFICIENT_POINTS');
    expect(await stockOf(gift.id)).toBe(1);

    const rich = await insertCard(h, programId, 1000);
    expect((await award(gift.id, rich.number)).statusCode).toBe(201);
    const out = await award(gift.id, rich.number);
    expect(out.json().error.code).toBe('GIFT_OUT_OF_STOCK');
    expect(await activePoints(h, rich.id)).toBe(800);
    const awards = await h.deps.db
      .selectFrom('gift_awards')
      .select('id')
      .where('card_id', '=', rich.id)
      .execute();
    expect(awards).toHaveLength(1);
  });

  it('refuses unknown gifts and cards, gifts out of their window, and a used gift voucher', async () => {
    const card = await insertCard(h, programId, 1000);
    expect((await award('gft_nope', card.number)).json().error.code).toBe('GIFT_NOT_FOUND');
    const gift = await createGift({ title: 'Plaid', pointsCost: 100 });
    expect((await award(gift.id, '4040404040')).json().error.code).toBe('CARD_NOT_FOUND');
    const past = await createGift({ title: 'Ancien', pointsCost: 100, validUntil: '2001-01-01T00:00:00Z' });
    expect((await award(past.id, card.number)).json().error.code).toBe('GIFT_NOT_AVAILABLE');

    const { awardId, voucher } = (await award(gift.id, card.number)).json();
    await h.deps.db
      .updateTable('vouchers')
      .set({ status: 'used' })
      .where('number', '=', voucher.number)
      .execute();
    const refused = await restore(awardId);
    expect(refused.json().error.code).toBe('VOUCHER_ALREADY_USED');
    expect(await activePoints(h, card.id)).toBe(900);
    const row = await h.deps.db
      .selectFrom('gift_awards')
      .select('status')
      .where('id', '=', awardId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('awarded');
  });
});
