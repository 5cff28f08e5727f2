/**
 * Fidelisa (seed 001): the signature against vectors of the seed's algorithm, the one-time jeton, keys and
 * provider isolation, then every example request of the seed replayed against the demo data with its
 * documented answer checked field by field, and the errors the seed names (401, 403, 404, 422).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signFidelisaRequest } from '../use-cases/signature.js';
import { DEMO_FIDELISA as D } from '../demo/demo-fidelisa.js';
import type { RuleInput } from '../../../app/programs/programs.js';
import { createProvider } from '../../../app/tenancy/tenancy.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { DEMO_SIGNER, fidelisaCall, fidelisaHeaders, newJeton, rubySignRequest } from './fidelisa-support.js';

const UUID = /^[0-9A-F]{32}$/;

describe('Fidelisa signature', () => {
  it('matches vectors computed with the seed algorithm (openssl, outside node)', () => {
    // printf DEMOPROVIDER12345678 | base64 | openssl dgst -sha1 -hmac demo-provider-key | base64
    const provider = 'ZWQwMzhlYjc2ZWRiMGYwN2I4ZDJlMDZmMzhiZGJkY2Q5NTk1NDY2Yw==';
    const shop = 'OWRlMGU5NzQxNjY1Y2EzYTllNzhjZjQ4ZWUxOWM5ZTAwZjM5ZmFlZg==';
    expect(rubySignRequest('DEMOPROVIDER12345678', 'demo-provider-key')).toBe(provider);
    expect(signFidelisaRequest('DEMOPROVIDER12345678', 'demo-provider-key')).toBe(provider);
    expect(signFidelisaRequest(`${D.shop.uuid}12345678`, D.shop.key)).toBe(shop);
    expect(Buffer.from(provider, 'base64').toString()).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe.each(databases())('Fidelisa dialect on $kind', (target) => {
  let h: Harness;
  let call: ReturnType<typeof fidelisaCall>;
  const outbox = () => h.deps.db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    h = await createHarness(target);
    // The seed's examples are dated 2013 to 2018: this deployment accepts sales that old.
    h.deps.config.saleDateWindow = { pastDays: 10_000, futureMinutes: 24 * 60 };
    call = fidelisaCall(h);
  });
  afterAll(async () => h?.close());

  describe('authentication', () => {
    it('accepts the seed headers once and rejects the replayed jeton', async () => {
      const headers = fidelisaHeaders(DEMO_SIGNER, true);
      const first = await h.request({ method: 'GET', url: '/fidelisa/api/shops/programs', headers });
      expect(first.statusCode).toBe(200);
      const again = await h.request({ method: 'GET', url: '/fidelisa/api/shops/programs', headers });
      expect(again.statusCode).toBe(401);
      expect(again.json()).toEqual({
        error: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        message: 'This FIDELISA_JETON has already been used.',
      });
    });

    it('rejects a wrong provider key, a wrong shop key and missing headers', async () => {
      const wrongProvider = fidelisaCall(h, { ...DEMO_SIGNER, providerKey: 'not-the-key' });
      expect((await wrongProvider('GET', '/api/shops', undefined, false)).statusCode).toBe(401);
      const wrongShop = fidelisaCall(h, { ...DEMO_SIGNER, shopKey: 'FrZN6UChpqXBRKVExXVC' });
      expect((await wrongShop('GET', '/api/customers')).statusCode).toBe(401);
      const bare = await h.request({ method: 'GET', url: '/fidelisa/api/shops' });
      expect(bare.statusCode).toBe(401);
      expect(bare.json().error).toBe('Unauthorized');
      // A shop call signed by the provider only.
      const noShop = await call('GET', '/api/customers', undefined, false);
      expect(noShop.statusCode).toBe(401);
    });

    it('does not let a provider reach another provider shop', async () => {
      const other = await createProvider(h.deps, { code: 'OTHERPROVIDER', name: 'Other' });
      await h.deps.db
        .updateTable('providers')
        .set({ api_key: 'other-key' })
        .where('id', '=', other.id)
        .execute();
      const otherCall = fidelisaCall(h, {
        ...DEMO_SIGNER,
        provider: 'OTHERPROVIDER',
        providerKey: 'other-key',
      });
      const view = await otherCall('GET', `/api/shops/${D.shop.uuid}`, undefined, false);
      expect(view.statusCode).toBe(403);
      expect(view.json().error).toBe('Forbidden');
      const asShop = await otherCall('GET', '/api/customers');
      expect(asShop.statusCode).toBe(403);
      const list = await otherCall('GET', '/api/shops', undefined, false);
      expect(list.json()).toEqual({ shops: [] });
    });
  });

  describe('shops', () => {
    it('initialisation (seed example): the demo shop for test3@fidelisa.com', async () => {
      const res = await call(
        'POST',
        '/api/shops/init',
        { shop: { user_email: 'test3@fidelisa.com' } },
        false,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        title: 'test3',
        uuid: '619E8B5AAD5E48138881C5E7774C86B2',
        key: 'FrZN6UChpqXBRKVExXVB',
        user_email: 'test3@fidelisa.com',
      });
    });

    it('visualisation (seed example): the demo shop by its uuid', async () => {
      const res = await call('GET', '/api/shops/619E8B5AAD5E48138881C5E7774C86B2', undefined, false);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        title: 'test3',
        uuid: '619E8B5AAD5E48138881C5E7774C86B2',
        key: 'FrZN6UChpqXBRKVExXVB',
        user_email: 'test3@fidelisa.com',
      });
    });

    it('initialises a new shop whose key signs shop calls; list and view', async () => {
      const res = await call(
        'POST',
        '/api/shops/init',
        { shop: { user_email: 'Test1@fidelisa.com' } },
        false,
      );
      expect(res.statusCode).toBe(201);
      const shop = res.json();
      expect(shop.title).toBe('test1');
      expect(shop.uuid).toMatch(UUID);
      expect(shop.key).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(shop.user_email).toBe('test1@fidelisa.com');
      const own = fidelisaCall(h, { ...DEMO_SIGNER, shop: shop.uuid, shopKey: shop.key });
      expect((await own('GET', '/api/customers')).json()).toEqual({ customers: [] });
      const list = await call('GET', '/api/shops', undefined, false);
      expect(list.statusCode).toBe(200);
      expect(list.json().shops).toEqual(expect.arrayContaining([shop]));
      for (const s of list.json().shops)
        expect(Object.keys(s).sort()).toEqual(['key', 'title', 'user_email', 'uuid']);
      const view = await call('GET', `/api/shops/${shop.uuid}`, undefined, false);
      expect(view.statusCode).toBe(200);
      expect(view.json()).toEqual(shop);
      expect(
        (await call('GET', '/api/shops/00000000000000000000000000000000', undefined, false)).statusCode,
      ).toBe(404);
      const bad = await call('POST', '/api/shops/init', { shop: { user_email: 'not-an-email' } }, false);
      expect(bad.statusCode).toBe(422);
    });

    it('categories: subtotal1..subtotal9', async () => {
      const res = await call('GET', '/api/shops/categories');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json().categories)).toEqual(
        Array.from({ length: 9 }, (_, i) => `subtotal${i + 1}`),
      );
    });

    it('programs (seed example): Carte VIP and Carte Privilèges with their uuids', async () => {
      const res = await call('GET', '/api/shops/programs');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        programs: [
          { title: 'Carte VIP', uuid: '67B222DC2A92672CA8E9D2C6DCB785CB' },
          { title: 'Carte Privilèges', uuid: '8853A37D20967C9E099184814805AC31' },
        ],
      });
    });
  });

  describe('customers', () => {
    it('creation (seed example) → 201 with the fields sent', async () => {
      const res = await call('POST', '/api/customers', {
        customer: {
          email: 'client@monmail.com',
          phone: '0123456789',
          first_name: 'Pierre',
          last_name: 'Martin',
          birth_day: 19,
          birth_month: 10,
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.uuid).toMatch(UUID);
      expect(body).toEqual({
        uuid: body.uuid,
        email: 'client@monmail.com',
        phone: '0123456789',
        first_name: 'Pierre',
        last_name: 'Martin',
      });
      const view = await call('GET', `/api/customers/${body.uuid}`);
      expect(view.json()).toEqual(body);
      const gone = await call('DELETE', `/api/customers/${body.uuid}`);
      expect(gone.statusCode).toBe(200);
      expect((await call('GET', `/api/customers/${body.uuid}`)).statusCode).toBe(404);
      const bad = await call('POST', '/api/customers', { customer: { last_name: 'X', birth_month: 13 } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('BIRTH_DATE_INVALID');
    });

    it('visualisation and list (seed examples): Pierre Martin is FD39A1AA…', async () => {
      const pierre = {
        uuid: 'FD39A1AA85AC4F3FB977DEA5A5786263',
        email: 'client@monmail.com',
        phone: '0612345678',
        first_name: 'Pierre',
        last_name: 'Martin',
      };
      const view = await call('GET', '/api/customers/FD39A1AA85AC4F3FB977DEA5A5786263');
      expect(view.statusCode).toBe(200);
      expect(view.json()).toEqual(pierre);
      const list = await call('GET', '/api/customers');
      expect(list.statusCode).toBe(200);
      expect(list.json().customers).toContainEqual(pierre);
      for (const c of list.json().customers) expect(c.uuid).toMatch(UUID);
      expect((await call('GET', '/api/customers/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).statusCode).toBe(404);
      expect((await call('DELETE', '/api/customers/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).statusCode).toBe(404);
    });

    it('cards (seed example): uuid, title, points, expired_at', async () => {
      const res = await call('GET', `/api/customers/${D.pierre}/cards`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        cards: [
          { uuid: '1DA03451947C4B91A0EAE4099AD01E26', title: 'Carte VIP', points: 130, expired_at: null },
        ],
      });
    });
  });

  describe('rule basis', () => {
    it('lists the demo programs rules, for the shop and for a customer', async () => {
      const res = await call('GET', '/api/rulebasis');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        rulebasis: [{ type: 'TotalAmount', item: 'N/A', exclude_discount: 'f' }],
      });
      const mine = await call('GET', `/api/rulebasis?customer_id=${D.pierre}`);
      expect(mine.json()).toEqual(res.json());
      expect(
        (await call('GET', '/api/rulebasis?customer_id=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).statusCode,
      ).toBe(404);
    });
  });

  describe('sales', () => {
    const bill = (customer_id: string) => ({
      bill: {
        total: '123.50',
        date: '2013-01-15',
        customer_id,
        details: [
          { type: 'SubTotal1', amount: '123.50', quantity: '2' },
          { type: 'Item', item: '1234', amount: '12.50', quantity: '2' },
        ],
      },
    });

    it('creation (seed example) → 201 {bill, errors}; 404 for an unknown customer', async () => {
      const res = await call('POST', '/api/sales/', bill(D.pierre));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ bill: { date: '2013-01-15', total: '123.5' }, errors: [] });
      const cards = (await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards;
      // Carte VIP: TotalAmount at 1 point per euro, rounded on the rule's total. The Item (12.50) is part
      // of SubTotal1 (123.50 = the total): 123.50 € earn 123 points, not 136 (the item counted twice).
      expect(cards[0].points).toBe(130 + 123);
      const unknown = await call('POST', '/api/sales/', bill('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'));
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'Not Found', code: 'CUSTOMER_NOT_FOUND' });
      const badAmount = await call('POST', '/api/sales/', {
        bill: { ...bill(D.pierre).bill, total: '1 234,50' },
      });
      expect(badAmount.statusCode).toBe(422);
    });

    it('422 for inconsistent details, without earning', async () => {
      const points = async () =>
        (await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards[0].points;
      const before = await points();
      const over = await call('POST', '/api/sales/', {
        bill: {
          ...bill(D.pierre).bill,
          details: [
            { type: 'SubTotal1', amount: '100.00' },
            { type: 'SubTotal2', amount: '30.00' },
          ],
        },
      });
      expect(over.statusCode).toBe(422);
      expect(over.json()).toEqual({
        error: 'Unprocessable Entity',
        code: 'INVALID_SALE_LINES',
        message: 'The subtotals (130.00) exceed the bill total (123.50).',
      });
      const misplaced = await call('POST', '/api/sales/', {
        bill: {
          ...bill(D.pierre).bill,
          details: [
            { type: 'SubTotal1', amount: '60.00' },
            { type: 'SubTotal2', amount: '60.00' },
            { type: 'Item', item: '1234', amount: '70.00' },
          ],
        },
      });
      expect(misplaced.statusCode).toBe(422);
      expect(misplaced.json()).toMatchObject({ error: 'Unprocessable Entity', code: 'INVALID_SALE_LINES' });
      expect(misplaced.json().message).toMatch(/item 1234 \(70\.00, details\.2\) does not fit/);
      expect(await points()).toBe(before);
    });

    it('reports the details no rule uses as "Not Use"', async () => {
      const init = await call(
        'POST',
        '/api/shops/init',
        { shop: { user_email: 'subtotals@fidelisa.com' } },
        false,
      );
      const shop = init.json();
      const own = fidelisaCall(h, { ...DEMO_SIGNER, shop: shop.uuid, shopKey: shop.key });
      const { createProgram } = await import('../../../app/programs/programs.js');
      const { findShopByUuid } = await import('../use-cases/aliases.js');
      const merchantId = (await findShopByUuid(h.deps, shop.uuid))!.merchantId;
      const program = await createProgram(h.deps, merchantId, {
        code: 'SUB1',
        name: 'Carte Catégorie 1',
        cardType: 'bonus',
        cardCategory: 'virtual',
        numberFormat: { prefix: '77', length: 10, checkDigit: 'luhn' },
        rules: [
          {
            id: 's1',
            kind: 'category_subtotal',
            category: 1,
            rate: { points: 1, per: 100 },
          } as unknown as RuleInput,
        ],
      });
      expect(program.ok).toBe(true);
      const customer = (await own('POST', '/api/customers', { customer: { last_name: 'Dupont' } })).json();
      // The shop's program gave the new customer a card (the document has no card creation call).
      const rules = await own('GET', '/api/rulebasis');
      expect(rules.json()).toEqual({
        rulebasis: [{ type: 'SubTotal1', item: 'N/A', exclude_discount: 'f' }],
      });
      const categories = (await own('GET', '/api/shops/categories')).json().categories;
      expect(categories.subtotal1).toBe('SUBTOTAL1');
      expect(categories.subtotal2).toBeNull();
      // Disjoint details (111.00 + 12.50 = the total): the Item is outside SubTotal1 and no rule uses it.
      const res = await own('POST', '/api/sales/', {
        bill: {
          ...bill(customer.uuid).bill,
          details: [
            { type: 'SubTotal1', amount: '111.00', quantity: '2' },
            { type: 'Item', item: '1234', amount: '12.50', quantity: '2' },
          ],
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        bill: { date: '2013-01-15', total: '123.5' },
        errors: [{ type: 'Item', item: '1234', amount: '12.50', quantity: '2', error: 'Not Use' }],
      });
      const cards = async () => (await own('GET', `/api/customers/${customer.uuid}/cards`)).json().cards;
      expect(await cards()).toEqual([
        { uuid: expect.stringMatching(UUID), title: 'Carte Catégorie 1', points: 111, expired_at: null },
      ]);
      // The seed's bill: the Item is inside SubTotal1, so its line is of category 1 and the SubTotal1 rule
      // uses it: no "Not Use", and SubTotal1 earns on its 123.50 (123 points), not on 136.
      const seed = await own('POST', '/api/sales/', bill(customer.uuid));
      expect(seed.statusCode).toBe(201);
      expect(seed.json()).toEqual({ bill: { date: '2013-01-15', total: '123.5' }, errors: [] });
      expect((await cards())[0].points).toBe(111 + 123);
    });
  });

  describe('corrections', () => {
    it('with a card id and with the only card (seed examples) → 201', async () => {
      const before = (await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards[0].points;
      const withCard = await call('POST', '/api/corrections', {
        correction: { points: 20, customer_id: D.pierre, card_id: D.pierreCard },
      });
      expect(withCard.statusCode).toBe(201);
      expect(withCard.json().correction).toEqual({
        points: 20,
        customer_id: D.pierre,
        card_id: D.pierreCard,
      });
      const only = await call('POST', '/api/corrections', {
        correction: { points: 20, customer_id: D.pierre },
      });
      expect(only.statusCode).toBe(201);
      expect(only.json().card).toEqual({
        uuid: D.pierreCard,
        title: 'Carte VIP',
        points: before + 40,
        expired_at: null,
      });
    });

    it('422 when the customer has several cards and no card_id; 404 for an unknown card', async () => {
      const res = await call('POST', '/api/corrections', {
        correction: { points: 20, customer_id: D.catherine },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        error: 'Unprocessable Entity',
        code: 'VALIDATION_FAILED',
        message: 'The customer has several cards: give card_id.',
      });
      const unknown = await call('POST', '/api/corrections', {
        correction: { points: 20, customer_id: D.pierre, card_id: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' },
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('gifts', () => {
    it('lists, awards (seed example) and restores a gift', async () => {
      const points = (await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards[0].points;
      const list = await call('GET', `/api/gifts?customer_id=${D.pierre}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().gifts).toContainEqual({ uuid: D.gift.uuid, title: '10€ de bon d’achat', points });
      const award = await call('POST', '/api/gifts/award', {
        uuid: 'AZEFDFD39A1AA85AC423JJL34NEZOJ3E',
        customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263',
      });
      expect(award.statusCode).toBe(200);
      const used = await call('GET', `/api/gifts?customer_id=${D.pierre}&used=true`);
      expect(used.json()).toEqual({ gifts: [{ uuid: D.gift.uuid, title: '10€ de bon d’achat' }] });
      const after = (await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards[0].points;
      expect(after).toBe(points - 100);
      const restore = await call('DELETE', `/api/gifts/${D.gift.uuid}?customer_id=${D.pierre}`);
      expect(restore.statusCode).toBe(200);
      expect((await call('GET', `/api/customers/${D.pierre}/cards`)).json().cards[0].points).toBe(points);
      expect((await call('DELETE', `/api/gifts/${D.gift.uuid}?customer_id=${D.pierre}`)).statusCode).toBe(
        404,
      );
    });

    it('404 for an unknown gift or customer', async () => {
      const gift = await call('POST', '/api/gifts/award', { uuid: 'NOPE', customer_id: D.pierre });
      expect(gift.statusCode).toBe(404);
      expect(gift.json().code).toBe('GIFT_NOT_FOUND');
      expect((await call('GET', '/api/gifts?customer_id=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).statusCode).toBe(
        404,
      );
    });
  });

  describe('notifications', () => {
    it('records the three seed forms in the outbox and answers 200', async () => {
      const before = (await outbox()).length;
      const one = await call('POST', '/api/notifications', {
        customer: D.pierre,
        alert: 'Message au client',
      });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual({ messages: 1, recipients: 1 });
      const program = await call('POST', '/api/notifications', {
        program: D.programs.VIP,
        alert: 'Message aux clients',
      });
      expect(program.statusCode).toBe(200);
      const many = await call('POST', '/api/notifications', {
        customers: {
          D407587D800ECC6C629A52CD204C6E61: 'http://fidelisa.com/1',
          FD39A1AA85AC4F3FB977DEA5A5786263: 'http://fidelisa.com/2',
        },
        alert: 'Message aux clients',
      });
      expect(many.statusCode).toBe(200);
      expect(many.json()).toEqual({ messages: 2, recipients: 2 });
      const rows = (await outbox()).slice(before);
      // One outbox message per customer (the program's holders each get theirs), delivered as Web Push.
      const programHolders = program.json().recipients as number;
      expect(programHolders).toBeGreaterThanOrEqual(2);
      expect(rows).toHaveLength(1 + programHolders + 2);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'pending', source: 'fidelisa', channel: 'push' });
        expect(JSON.parse(row.recipients)).toHaveLength(1);
      }
      expect(rows.map((r) => r.url)).toEqual([
        ...Array<null>(1 + programHolders).fill(null),
        'http://fidelisa.com/1',
        'http://fidelisa.com/2',
      ]);
      // The seed's program example names a customer uuid: no program has it.
      const seedProgram = await call('POST', '/api/notifications', {
        program: D.pierre,
        alert: 'Message aux clients',
      });
      expect(seedProgram.statusCode).toBe(404);
      const none = await call('POST', '/api/notifications', { alert: 'Message' });
      expect(none.statusCode).toBe(422);
    });
  });

  describe('card expiry', () => {
    it('changes the date of the named card and resets its points (seed example)', async () => {
      const res = await call('POST', `/api/customers/${D.pierre}/cards/expired_at`, {
        id: '1DA03451947C4B91A0EAE4099AD01E26',
        date: '2014-06-20',
        reset: true,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        uuid: D.pierreCard,
        title: 'Carte VIP',
        points: 0,
        expired_at: '2014-06-20',
      });
    });

    it("without id changes the customer's default card; a bad date is a 422", async () => {
      const res = await call('POST', `/api/customers/${D.catherine}/cards/expired_at`, {
        date: '2030-12-31',
        reset: false,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ title: 'Carte VIP', expired_at: '2030-12-31' });
      const bad = await call('POST', `/api/customers/${D.catherine}/cards/expired_at`, {
        date: '2030-02-30',
        reset: false,
      });
      expect(bad.statusCode).toBe(422);
    });
  });

  it('answers unknown Fidelisa routes with its error body', async () => {
    const res = await h.request({
      method: 'GET',
      url: '/fidelisa/api/nothing',
      headers: fidelisaHeaders(DEMO_SIGNER, true, newJeton()),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('Not Found');
  });
});
