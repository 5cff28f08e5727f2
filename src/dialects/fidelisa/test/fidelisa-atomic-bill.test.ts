/**
 * Fidelisa bills on several cards are one unit of work (issue 11): the bill is posted on every active card of
 * the customer in one transaction. A card that refuses the bill rolls back the cards before it, so the till's
 * retry (the document has no bill id: a new jeton makes a new bill) credits each card once, not the first
 * card twice; a jeton sent twice at once is one bill.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram, type RuleInput } from '../../../app/programs/programs.js';
import { findShopByUuid } from '../use-cases/aliases.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { DEMO_SIGNER, fidelisaCall, fidelisaHeaders, newJeton } from './fidelisa-support.js';

const clock = new Date('2026-11-20T10:00:00Z');

describe.each(databases())('Fidelisa multi-card bills are atomic on $kind', (target) => {
  let h: Harness;
  let own: ReturnType<typeof fidelisaCall>;
  let signer: typeof DEMO_SIGNER;
  let strictProgram: string;

  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    const init = await fidelisaCall(h)(
      'POST',
      '/api/shops/init',
      { user_email: `atomic-${target.kind}@shop.test` },
      false,
    );
    expect(init.statusCode, init.body).toBe(201);
    const shop = init.json();
    signer = { ...DEMO_SIGNER, shop: shop.uuid, shopKey: shop.key };
    own = fidelisaCall(h, signer);
    const merchantId = (await findShopByUuid(h.deps, shop.uuid))!.merchantId;
    const rule = { id: 't', kind: 'total_amount', rate: { points: 1, per: 100 } } as unknown as RuleInput;
    // The oldest card earns on anything; the second one's program wants an item code on every line.
    for (const [code, requireKnownItems] of [
      ['EASY', false],
      ['STRICT', true],
    ] as const) {
      const created = await createProgram(h.deps, merchantId, {
        code,
        name: `Carte ${code}`,
        cardType: 'bonus',
        cardCategory: 'virtual',
        numberFormat: { prefix: code === 'EASY' ? '73' : '74', length: 10, checkDigit: 'luhn' },
        rules: [rule],
        requireKnownItems,
      });
      expect(created.ok).toBe(true);
      if (created.ok && requireKnownItems) strictProgram = created.value.id;
    }
  });
  afterAll(async () => h?.close());

  const newCustomer = async (lastName: string) => {
    const res = await own('POST', '/api/customers', { customer: { last_name: lastName } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().uuid as string;
  };
  const pointsOf = async (uuid: string) =>
    Object.fromEntries(
      (
        (await own('GET', `/api/customers/${uuid}/cards`)).json().cards as { title: string; points: number }[]
      ).map((c) => [c.title, c.points]),
    );
  const bill = (uuid: string) => ({
    bill: {
      total: '30.00',
      date: '2026-11-20',
      customer_id: uuid,
      details: [{ type: 'SubTotal2', amount: '30.00', quantity: '1' }],
    },
  });
  const salesOf = async (uuid: string) => {
    const alias = await h.deps.db
      .selectFrom('aliases')
      .select('target_id')
      .where('alias', '=', uuid.toUpperCase())
      .executeTakeFirstOrThrow();
    return h.deps.db
      .selectFrom('sales')
      .innerJoin('cards', 'cards.id', 'sales.card_id')
      .select('sales.receipt')
      .where('cards.customer_id', '=', alias.target_id)
      .execute();
  };

  it('a card that refuses the bill rolls back the cards before it; the retry credits each card once', async () => {
    const uuid = await newCustomer('Atomique');
    expect(await pointsOf(uuid)).toEqual({ 'Carte EASY': 0, 'Carte STRICT': 0 });
    const refused = await own('POST', '/api/sales', bill(uuid));
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    // Nothing of the bill stayed: not the first card's points, not its sale.
    expect(await pointsOf(uuid)).toEqual({ 'Carte EASY': 0, 'Carte STRICT': 0 });
    expect(await salesOf(uuid)).toEqual([]);

    // The program is fixed; the till sends the bill again (with a new jeton): each card earns once.
    await strict(false);
    const accepted = await own('POST', '/api/sales', bill(uuid));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await pointsOf(uuid)).toEqual({ 'Carte EASY': 30, 'Carte STRICT': 30 });
    expect(await salesOf(uuid)).toHaveLength(2);
    await strict(true);
  });

  it('one jeton sent twice at once is one bill: each card credited once', async () => {
    await strict(false);
    const uuid = await newCustomer('Concurrent');
    const jeton = newJeton();
    const answers = await Promise.all(
      Array.from({ length: 2 }, () =>
        h.request({
          method: 'POST',
          url: '/fidelisa/api/sales',
          headers: fidelisaHeaders(signer, true, jeton),
          payload: bill(uuid),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 401]);
    expect(await pointsOf(uuid)).toEqual({ 'Carte EASY': 30, 'Carte STRICT': 30 });
    await strict(true);
  });

  const strict = (on: boolean) =>
    h.deps.db
      .updateTable('programs')
      .set({
        require_known_items: on ? 1 : 0,
        updated_at: new Date().toISOString(),
        settings_version: sql`settings_version + 1`,
      })
      .where('id', '=', strictProgram)
      .execute();
});
