/**
 * Avomark API360, second pass: what a till coded against the guide (typed .NET/Java clients) still tripped
 * on. Amounts as doubles with any decimals; operation 13 takes back the points of the returned items; no
 * customer creation leaves a card that refuses tickets; field names as the guide's tables capitalise them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';

const B = '/avomark';
let serial = 0;
const mobile = () =>
  `+3362${String(Date.now() % 100_000).padStart(5, '0')}${String(serial++).padStart(2, '0')}`;

const purchase = (amount: number, code: string, operation = 1) => ({
  operation: { id: operation },
  amount,
  quantity: 1,
  item: { code, label: `Article ${code}` },
});

describe.each(databases())('Avomark second pass on $kind', (target) => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await createHarness(target);
    const res = await h.app.inject({
      method: 'POST',
      url: `${B}/api/token`,
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    token = res.json().access_token;
  });
  afterAll(async () => h?.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = {}) =>
    h.request({ method, url: `${B}${url}`, token, headers, ...(payload ? { payload } : {}) });
  const newCard = async (): Promise<string> => {
    const res = await api('POST', '/api/v1/customers', {
      lastname: 'Retour',
      firstname: 'Rita',
      mobile: mobile(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().cards[0];
  };
  const points = async (card: string) =>
    (await api('GET', `/api/v1/cards/${card}/balance`)).json()[0].primaryLoyaltyBalance.value;
  const ticket = (card: string, receipt: string, purchases: object[], date = '2026-11-20T10:00:00Z') =>
    api('POST', `/api/v1/cards/${card}/sales`, { receipt, date, purchases });

  it('accepts amounts with any number of decimals, rounded half to even once', async () => {
    const card = await newCard();
    const res = await ticket(card, `DBL-${target.kind}`, [
      { operation: { id: 1 }, amount: 19.99 * 0.9, quantity: 1 }, // 17.991 → 17.99
      { operation: { id: 1 }, amount: 0.1 + 0.2, quantity: 1.5 }, // 0.30000000000000004 → 0.30
      { operation: { id: 1 }, amount: 2.125, quantity: 1 }, // → 2.12
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const sale = await h.request({
      method: 'GET',
      url: `/v1/sales?cardNumber=${card}`,
      token: await h.clientToken(),
    });
    const lines = sale.json().data[0].lines.map((l: { amount: number }) => l.amount);
    expect(lines).toEqual([1799, 30, 212]);
    expect(res.json().pointsEarned).toBe(20);
  });

  it('operation 13 takes back the points of the returned items, once, never more than earned', async () => {
    const card = await newCard();
    const first = await ticket(card, `R1-${target.kind}`, [purchase(100, 'A'), purchase(60, 'B')]);
    expect(first.statusCode, first.body).toBe(201);
    expect(await points(card)).toBe(160);
    // A ticket of returns only: half of item A comes back (50 of the sale's 160 €: 50 of its 160 points).
    const back = await ticket(card, `R2-${target.kind}`, [purchase(50, 'A', 13)]);
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json()).toMatchObject({ pointsEarned: 0, pointsReversed: 50, balance: { value: 110 } });
    expect(await points(card)).toBe(110);
    // Resent: replayed, nothing taken twice.
    const again = await ticket(card, `R2-${target.kind}`, [purchase(50, 'A', 13)]);
    expect(again.statusCode, again.body).toBe(200);
    expect(await points(card)).toBe(110);
    // A mixed ticket: a purchase earns, a return (a negative amount is the same) takes back.
    const mixed = await ticket(card, `R3-${target.kind}`, [purchase(20, 'C'), purchase(-60, 'B', 13)]);
    expect(mixed.statusCode, mixed.body).toBe(201);
    expect(mixed.json()).toMatchObject({ pointsEarned: 20, pointsReversed: 60 });
    expect(await points(card)).toBe(70);
    // Never more than the sale earned: the rest of the first sale is 50 €; 80 € of A cannot come back.
    const tooMuch = await ticket(card, `R4-${target.kind}`, [purchase(80, 'A', 13)]);
    expect(tooMuch.statusCode).toBe(404);
    expect(tooMuch.json()).toMatchObject({ code: 100 });
    // An item the card never bought, and a return dated before the purchase: error 100, nothing posted.
    const unknown = await ticket(card, `R5-${target.kind}`, [purchase(10, 'ZZZ', 13)]);
    expect(unknown.json()).toMatchObject({ code: 100 });
    const early = await ticket(card, `R6-${target.kind}`, [purchase(10, 'C', 13)], '2026-11-19T10:00:00Z');
    expect(early.json()).toMatchObject({ code: 100 });
    expect(await points(card)).toBe(70);
  });

  it('never answers 201 with a card that refuses tickets: the program fields are asked for', async () => {
    const onlyLastname = await api('POST', '/api/v1/customers', { lastname: 'Seul' });
    expect(onlyLastname.statusCode).toBeGreaterThanOrEqual(400);
    expect(onlyLastname.statusCode).toBeLessThan(500);
    expect(onlyLastname.json()).toMatchObject({
      code: 102,
      message: expect.stringMatching(/firstname, mobile/),
    });
    const noName = await api('POST', '/api/v1/customers', { firstname: 'Sans', mobile: mobile() });
    expect(noName.json()).toMatchObject({ code: 315 });
    // Without a card (noFidelity) the last name alone is enough, as the guide says.
    const cardless = await api('POST', '/api/v1/customers', { lastname: 'Seul', noFidelity: true });
    expect(cardless.statusCode, cardless.body).toBe(201);
    // Complete data: the card handed out takes a ticket at once.
    const card = await newCard();
    expect((await ticket(card, `OK-${target.kind}`, [purchase(10, 'A')])).statusCode).toBe(201);
  });

  it('matches field names without regard to case, as the tables capitalise them; Cards is honoured', async () => {
    const given = '23301090783';
    const res = await api('POST', '/api/v1/customers/', {
      NoFidelity: false,
      Lastname: 'Majuscule',
      FirstName: 'Marc',
      Mobile: mobile(),
      Cards: [given],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lastname: 'Majuscule', firstname: 'Marc', cards: [given] });
    const sale = await api('POST', `/api/v1/cards/${given}/sales`, {
      Receipt: `CAPS-${target.kind}`,
      Date: '2026-11-20T10:00:00Z',
      Purchases: [
        {
          Operation: { ID: 1 },
          Amount: 12.5,
          Quantity: 1,
          'Percentage Discount': 0,
          Item: { Code: 'X1', Label: 'Article' },
          ItemType: { Code: '3', Label: 'Rayon' },
        },
      ],
      VoucherUsed: [],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect(sale.json()).toMatchObject({ receipt: `CAPS-${target.kind}`, pointsEarned: 12 });
  });

  it('reads a card and a voucher by number, as customers are read', async () => {
    const created = await api('POST', '/api/v1/customers', {
      lastname: 'Detail',
      firstname: 'Dora',
      mobile: mobile(),
    });
    const card = created.json().cards[0];
    const res = await api('GET', `/api/v1/cards/${card}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      number: card,
      status: 'active',
      isActive: true,
      program: { code: 'VIP', label: 'Carte VIP' },
      customer: created.json().id,
    });
    expect((await api('GET', `/api/v1/cards/${card}/`)).statusCode).toBe(200);
    const unknown = await api('GET', '/api/v1/cards/0000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 1 });
    const voucher = await api('GET', '/api/v1/vouchers/22334455');
    expect(voucher.statusCode, voucher.body).toBe(200);
    expect(voucher.json()).toMatchObject({ number: '22334455', type: 'amount', value: 5 });
    const xml = await api('GET', '/api/v1/vouchers/22334455', undefined, { accept: 'application/xml' });
    expect(xml.body).toMatch(/^<\?xml[^>]*>\s*<Voucher>/);
    const none = await api('GET', '/api/v1/vouchers/NOPE-404');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 450 });
  });

  it('honours Idempotency-Key on customer creation and refuses a second customer with one mobile', async () => {
    const body = { lastname: 'Unique', firstname: 'Uma', mobile: mobile() };
    const key = { 'idempotency-key': `signup-${target.kind}-${Date.now()}` };
    const first = await api('POST', '/api/v1/customers', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const retried = await api('POST', '/api/v1/customers', body, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(first.json());
    // Retried without the key (or with another): the mobile is taken, nothing is created.
    const duplicate = await api('POST', '/api/v1/customers', body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 303,
      message: expect.stringMatching(new RegExp(`Customer ${first.json().id} already has the mobile`)),
    });
    const same = await h.request({
      method: 'GET',
      url: `/v1/customers?q=${encodeURIComponent(body.mobile)}`,
      token: await h.clientToken(),
    });
    expect(same.json().data).toHaveLength(1);
  });

  it('takes a godfather in the customer body: once (61), known (316), never oneself', async () => {
    const person = (lastname: string) => ({ lastname, firstname: 'Gil', mobile: mobile() });
    const godfather = (await api('POST', '/api/v1/customers', person('Parrain'))).json().id as number;
    const other = (await api('POST', '/api/v1/customers', person('Autre'))).json().id as number;
    const child = await api('POST', '/api/v1/customers', { ...person('Filleul'), godfather });
    expect(child.statusCode, child.body).toBe(201);
    const native = await h.request({
      method: 'GET',
      url: `/v1/customers?q=Filleul`,
      token: await h.clientToken(),
    });
    const parent = await h.request({
      method: 'GET',
      url: `/v1/customers?q=Parrain`,
      token: await h.clientToken(),
    });
    expect(native.json().data[0].godfatherId).toBe(parent.json().data[0].id);
    // The same godfather again changes nothing; another one is 61.
    const same = await api('PUT', `/api/v1/customers/${child.json().id}`, { godfather: String(godfather) });
    expect(same.statusCode, same.body).toBe(200);
    const second = await api('PUT', `/api/v1/customers/${child.json().id}`, { godfather: other });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 61 });
    const unknown = await api('POST', '/api/v1/customers', { ...person('Orphelin'), godfather: 99999999 });
    expect(unknown.json()).toMatchObject({ code: 316 });
    const self = await api('PUT', `/api/v1/customers/${other}`, { godfather: other });
    expect(self.statusCode).toBe(422);
  });
});
