/**
 * Fidelisa, second pass: what a till coded against the document (its Ruby and C# samples) still tripped on.
 * A new customer gets a card in each active program; a bill earns on every active card by its own rules;
 * jetons are refused within a replay window only; TotalAmount and Passage details are reported, not refused;
 * unwrapped bodies, both spellings of /api/sales(/) and /api/corrections(/), quantities by weight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeUsedJetons } from '../use-cases/signature.js';
import { findShopByUuid } from '../use-cases/aliases.js';
import { createProgram, type RuleInput } from '../../../app/programs/programs.js';
import { loadConfig } from '../../../config.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { DEMO_SIGNER, fidelisaCall, fidelisaHeaders, newJeton } from './fidelisa-support.js';

let clock = new Date('2026-11-20T10:00:00Z');

describe.each(databases())('Fidelisa second pass on $kind', (target) => {
  let h: Harness;
  let provider: ReturnType<typeof fidelisaCall>;
  let own: ReturnType<typeof fidelisaCall>;

  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    provider = fidelisaCall(h);
    // A shop initialised with the C# sample's unwrapped body, with two programs of different rules.
    const init = await provider(
      'POST',
      '/api/shops/init',
      { user_email: `two-${target.kind}@shop.test` },
      false,
    );
    expect(init.statusCode, init.body).toBe(201);
    const shop = init.json();
    own = fidelisaCall(h, { ...DEMO_SIGNER, shop: shop.uuid, shopKey: shop.key });
    const merchantId = (await findShopByUuid(h.deps, shop.uuid))!.merchantId;
    const rate = { points: 1, per: 100 };
    for (const [code, name, rule] of [
      ['TOT', 'Carte Total', { id: 't', kind: 'total_amount', rate }],
      [
        'SUB2',
        'Carte Rayon 2',
        { id: 's', kind: 'category_subtotal', category: 2, rate: { points: 2, per: 100 } },
      ],
    ] as const) {
      const created = await createProgram(h.deps, merchantId, {
        code,
        name,
        cardType: 'bonus',
        cardCategory: 'virtual',
        numberFormat: { prefix: code === 'TOT' ? '71' : '72', length: 10, checkDigit: 'luhn' },
        rules: [rule as unknown as RuleInput],
      });
      expect(created.ok).toBe(true);
    }
  });
  afterAll(async () => h?.close());

  const newCustomer = async (body: object) => {
    const res = await own('POST', '/api/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().uuid as string;
  };
  const cards = async (uuid: string) =>
    (await own('GET', `/api/customers/${uuid}/cards`)).json().cards as { title: string; points: number }[];
  const pointsOf = async (uuid: string) =>
    Object.fromEntries((await cards(uuid)).map((c) => [c.title, c.points]));

  it('gives a new customer a card in each active program, and a bill earns on every card', async () => {
    const uuid = await newCustomer({ customer: { last_name: 'Martin', email: 'm@shop.test' } });
    expect(await pointsOf(uuid)).toEqual({ 'Carte Total': 0, 'Carte Rayon 2': 0 });
    const rules = (await own('GET', `/api/rulebasis?customer_id=${uuid}`)).json().rulebasis;
    expect(rules.map((r: { type: string }) => r.type).sort()).toEqual(['SubTotal2', 'TotalAmount']);
    const sale = await own('POST', '/api/sales/', {
      bill: {
        total: '50.00',
        date: '2026-11-20',
        customer_id: uuid,
        details: [{ type: 'SubTotal2', amount: '20.00', quantity: '1' }],
      },
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect(sale.json()).toEqual({ bill: { date: '2026-11-20', total: '50.0' }, errors: [] });
    // Each card by its own program: 1 point per euro of the total; 2 points per euro of SubTotal2.
    expect(await pointsOf(uuid)).toEqual({ 'Carte Total': 50, 'Carte Rayon 2': 40 });
    // Corrections reach the cards (with two cards, card_id is needed; without, the documented 422).
    const cardList = (await own('GET', `/api/customers/${uuid}/cards`)).json().cards;
    const correction = await own('POST', '/api/corrections', {
      correction: { points: 5, customer_id: uuid, card_id: cardList[0].uuid },
    });
    expect(correction.statusCode, correction.body).toBe(201);
  });

  it('reports TotalAmount and Passage details in errors with 201 instead of refusing the bill', async () => {
    const uuid = await newCustomer({ customer: { last_name: 'Passage' } });
    const res = await own('POST', '/api/sales', {
      bill: {
        total: '10.00',
        date: '2026-11-20',
        customer_id: uuid,
        details: [
          { type: 'TotalAmount', amount: '10.00' },
          { type: 'Passage', amount: '0', quantity: '1' },
          { type: 'Brand', item: 'ACME', amount: '3.00' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // TotalAmount is used (the Carte Total earns on it); no program counts visits; Brand is unknown.
    expect(res.json().errors).toEqual([
      { type: 'Passage', amount: '0', quantity: '1', error: 'Not Use' },
      { type: 'Brand', item: 'ACME', amount: '3.00', error: 'Not Use' },
    ]);
    expect((await pointsOf(uuid))['Carte Total']).toBe(10);
  });

  it('accepts unwrapped bodies, both path spellings and quantities by weight', async () => {
    const uuid = await newCustomer({ first_name: 'Ulla', last_name: 'Unwrapped' });
    const sale = await own('POST', '/api/sales', {
      total: '12.00',
      date: '2026-11-20',
      customer_id: uuid,
      details: [{ type: 'SubTotal2', amount: '12.00', quantity: '1.250' }],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect(await pointsOf(uuid)).toEqual({ 'Carte Total': 12, 'Carte Rayon 2': 24 });
    const numeric = await own('POST', '/api/sales/', {
      bill: {
        total: 1,
        date: '2026-11-20',
        customer_id: uuid,
        details: [{ type: 'SubTotal2', amount: 1, quantity: 0.5 }],
      },
    });
    expect(numeric.statusCode, numeric.body).toBe(201);
    const cardUuid = (await own('GET', `/api/customers/${uuid}/cards`)).json().cards[0].uuid;
    const correction = await own('POST', '/api/corrections/', {
      points: 3,
      customer_id: uuid,
      card_id: cardUuid,
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const bad = await own('POST', '/api/sales', { total: '1.00', date: '2026-11-20' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: 'Unprocessable Entity', code: 'VALIDATION_FAILED' });
  });

  it('refuses a jeton again within the replay window only, and purges the old ones', async () => {
    const jeton = newJeton();
    const once = () =>
      h.request({
        method: 'GET',
        url: '/fidelisa/api/shops/programs',
        headers: fidelisaHeaders(DEMO_SIGNER, true, jeton),
      });
    expect((await once()).statusCode).toBe(200);
    const replay = await once();
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: 'Unauthorized' });
    clock = new Date(clock.getTime() + 23 * 3600 * 1000);
    expect((await once()).statusCode).toBe(401);
    clock = new Date(clock.getTime() + 3600 * 1000 + 1000);
    expect((await once()).statusCode).toBe(200);
    expect((await once()).statusCode).toBe(401);
    // Old jetons are forgotten by the purge; the one just used stays.
    clock = new Date(clock.getTime() + 25 * 3600 * 1000);
    const fresh = newJeton();
    await h.request({
      method: 'GET',
      url: '/fidelisa/api/shops/programs',
      headers: fidelisaHeaders(DEMO_SIGNER, true, fresh),
    });
    expect(await purgeUsedJetons(h.deps)).toBeGreaterThan(0);
    const left = await h.deps.db.selectFrom('used_jetons').select('jeton').execute();
    expect(left.map((r) => r.jeton)).toEqual([fresh]);
    expect(loadConfig({ TESSERA_JETON_WINDOW: '600' }).jetonWindowSeconds).toBe(600);
  });
});
