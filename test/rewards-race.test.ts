import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardGift, createGift } from '../src/app/rewards/gifts.js';
import { createVoucher } from '../src/app/rewards/vouchers.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { activePoints, insertCard, insertProgram } from './support/rewards-fixtures.js';

describe.each(databases())('rewards under concurrency on $kind', (target) => {
  let h: Harness;
  let programId: string;

  beforeAll(async () => {
    h = await createHarness(target);
    programId = await insertProgram(h);
  });
  afterAll(() => h.close());

  const gift = async (pointsCost: number, stock: number | null) => {
    const created = await createGift(h.deps, h.merchantId, {
      title: `Race ${pointsCost}`,
      pointsCost,
      stock,
    });
    if (!created.ok) throw new Error(created.code);
    return created.value.id;
  };

  it('50 concurrent sales using one bearer voucher, each on its own card: exactly one succeeds', async () => {
    const voucher = await createVoucher(h.deps, h.merchantId, { kind: 'amount', value: 500 });
    if (!voucher.ok) throw new Error(voucher.code);
    const cards = await Promise.all(Array.from({ length: 50 }, () => insertCard(h, programId, 0)));
    const token = await h.clientToken();
    const results = await Promise.all(
      cards.map((card, i) =>
        h.request({
          method: 'POST',
          url: '/v1/sales',
          token,
          payload: {
            receipt: `VRACE-${target.kind}-${i}`,
            date: new Date().toISOString(),
            storeCode: 'PARIS-01',
            cardNumber: card.number,
            lines: [{ operation: 'purchase', amount: 2000, quantity: 1, discountPercent: 0 }],
            vouchers: [{ number: voucher.value.number }],
          },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const codes = new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code));
    expect([...codes]).toEqual(['VOUCHER_ALREADY_USED']);
    const uses = await h.deps.db
      .selectFrom('voucher_uses')
      .select('id')
      .where('voucher_id', '=', voucher.value.id)
      .execute();
    expect(uses).toHaveLength(1);
  });

  it('20 concurrent awards of a gift with a stock of 5: exactly 5', async () => {
    const giftId = await gift(100, 5);
    const cards = await Promise.all(Array.from({ length: 20 }, () => insertCard(h, programId, 100)));
    const results = await Promise.all(cards.map((c) => awardGift(h.deps, h.merchantId, giftId, c.number)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'GIFT_OUT_OF_STOCK')).toBe(true);
    const row = await h.deps.db
      .selectFrom('gifts')
      .select('stock')
      .where('id', '=', giftId)
      .executeTakeFirstOrThrow();
    expect(Number(row.stock)).toBe(0);
    const points = await Promise.all(cards.map((c) => activePoints(h, c.id)));
    expect(points.filter((p) => p === 0)).toHaveLength(5);
    expect(points.filter((p) => p === 100)).toHaveLength(15);
  });

  it('20 concurrent awards against points covering 3: exactly 3, balance 0', async () => {
    const giftId = await gift(100, null);
    const card = await insertCard(h, programId, 300);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => awardGift(h.deps, h.merchantId, giftId, card.number)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await activePoints(h, card.id)).toBe(0);
    const awards = await h.deps.db
      .selectFrom('gift_awards')
      .select('id')
      .where('card_id', '=', card.id)
      .execute();
    expect(awards).toHaveLength(3);
    const movements = await h.deps.db
      .selectFrom('movements')
      .select('points')
      .where('card_id', '=', card.id)
      .execute();
    expect(movements.reduce((sum, m) => sum + Number(m.points), 0)).toBe(0);
  });
});
