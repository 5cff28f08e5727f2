/**
 * Avomark API360 (seed 000): every example request of the guide replayed against the demo data, its
 * documented answer checked field by field, then each error code and the auth failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AVOMARK } from '../demo/demo-avomark.js';
import { DEMO_CARDS } from '../../../app/demo/demo-loyalty.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { createCard, createProgram } from '../../../../test/support/loyalty-fixtures.js';

const B = '/avomark';

/** The guide's "Cas pratique" ticket, verbatim. */
const CAS_PRATIQUE = {
  receipt: 'POS0341531C01',
  date: '2018-12-17T15:55:28.91Z',
  purchases: [
    {
      operation: { id: 1 },
      amount: 2290,
      quantity: 2,
      percentageDiscount: 0,
      item: { code: '0021147', label: 'CHAISE PLIANTE BLANC BIRKI' },
      itemType: { code: '8', label: 'JARDIN' },
    },
    {
      operation: { id: 1 },
      amount: 700,
      quantity: 2,
      percentageDiscount: 0,
      item: { code: '0064051', label: 'RIDEAU FHCS311 140X240CM TAUPE' },
      itemType: { code: '5', label: 'DECORATION' },
    },
  ],
  voucherUsed: ['11223344', '22334455', '66778899'],
};

/** The guide's customer-creation example, verbatim (case 1: the card number is known). */
const NEW_CUSTOMER = {
  noFidelity: false,
  civility: 'MONSIEUR',
  lastname: 'Laffargue',
  firstname: 'Xavier',
  phone: '+33562010203',
  mobile: '+14507601234',
  email: 'j.wade@proximasoft.com',
  dayBirthday: 30,
  monthBirthday: 3,
  yearBirthday: 1993,
  address: {
    address1: 'Porte 1',
    address2: 'Résidence',
    address3: '11 rue marc sangnier',
    address4: 'Lieu dit',
    zipcode: '33700',
    city: 'Mérignac',
    country: 'FRANCE',
  },
  cards: ['23301090783'],
};

const CUSTOMER_FIELDS = [
  'id',
  'civility',
  'lastname',
  'firstname',
  'phone',
  'mobile',
  'email',
  'checkEmail',
  'checkEmailDate',
  'dayBirthday',
  'monthBirthday',
  'yearBirthday',
  'source',
  'noFidelity',
  'isActive',
  'address',
  'cards',
  'criteria',
];

describe.each(databases())('Avomark API360 on $kind', (target) => {
  let h: Harness;
  let token: string;
  let clock = new Date();

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = {}) =>
    h.request({ method, url: `${B}${url}`, token, headers, ...(payload ? { payload } : {}) });

  const expectError = (res: { statusCode: number; json(): unknown }, code: number, status?: number) => {
    const body = res.json() as { code: number; message: string };
    expect(body.code, JSON.stringify(body)).toBe(code);
    expect(typeof body.message).toBe('string');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    if (status !== undefined) expect(res.statusCode).toBe(status);
  };

  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock });
    // The seed's examples are dated 2013 to 2018: this deployment accepts sales that old.
    h.deps.config.saleDateWindow = { pastDays: 10_000, futureMinutes: 24 * 60 };
    const res = await h.app.inject({
      method: 'POST',
      url: `${B}/api/token`,
      payload: 'username=demo&password=demo&terminal=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    token = res.json().access_token;
  });
  afterAll(async () => h.close());

  describe('token', () => {
    it('POST /api/token (form) answers access_token, token_type, expires_in', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: 'username=demo&password=demo&terminal=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
      expect(body.token_type).toBe('bearer');
      expect(body.expires_in).toBeGreaterThan(0);
    });

    it('accepts JSON with a numeric terminal', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: { username: 'demo', password: 'demo', terminal: 1 },
      });
      expect(res.statusCode).toBe(200);
    });

    it('refuses a wrong password and an unknown terminal (RFC 6749 body)', async () => {
      const wrong = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: { username: 'demo', password: 'nope', terminal: 1 },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toBe('invalid_grant');
      const terminal = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: { username: 'demo', password: 'demo', terminal: 99 },
      });
      expect(terminal.statusCode).toBe(400);
      expect(terminal.json().error).toBe('invalid_grant');
      const missing = await h.app.inject({ method: 'POST', url: `${B}/api/token`, payload: {} });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toBe('invalid_request');
    });

    it('answers 401 without a token, with an unknown token, and with an expired token', async () => {
      const none = await h.request({ method: 'GET', url: `${B}/api/v1/customers/634509` });
      expectError(none, 0, 401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const slash = await h.request({ method: 'POST', url: `${B}/api/v1/customers/`, payload: {} });
      expectError(slash, 0, 401);
      const unknown = await h.request({
        method: 'GET',
        url: `${B}/api/v1/customers/634509`,
        token: 'not-a-token',
      });
      expectError(unknown, 0, 401);
      const res = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: { username: 'demo', password: 'demo', terminal: '1' },
      });
      const { access_token: short, expires_in: ttl } = res.json();
      const saved = clock;
      clock = new Date(saved.getTime() + (ttl + 1) * 1000);
      try {
        const expired = await h.request({ method: 'GET', url: `${B}/api/v1/customers/634509`, token: short });
        expectError(expired, 0, 401);
        expect(expired.headers['www-authenticate']).toMatch(/expired/);
      } finally {
        clock = saved;
      }
    });
  });

  describe('customers', () => {
    it('GET /api/v1/customers/634509 answers the seed field set', async () => {
      const res = await api('GET', '/api/v1/customers/634509');
      expect(res.statusCode).toBe(200);
      const c = res.json();
      expect(Object.keys(c)).toEqual(CUSTOMER_FIELDS);
      expect(c).toMatchObject({
        id: 634509,
        civility: 'MME',
        lastname: 'SOUPE',
        firstname: 'CATHERINE',
        phone: '',
        email: '',
        checkEmail: null,
        checkEmailDate: null,
        dayBirthday: '01',
        monthBirthday: '11',
        yearBirthday: '1974',
        source: 'FICHER DOME FLEUR',
        noFidelity: false,
        isActive: true,
        address: {
          address1: '',
          address2: '',
          address3: '159 AVENUE',
          address4: '',
          zipCode: '63000',
          city: 'CLERMONT FERRAND',
          country: 'FRANCE',
        },
        cards: ['3660298205012', '13873734051'],
        criteria: [],
      });
      expect(Object.keys(c.address)).toEqual([
        'address1',
        'address2',
        'address3',
        'address4',
        'zipCode',
        'city',
        'country',
      ]);
      expect(c.mobile).toMatch(/^\+33/);
    });

    it('answers XML on Accept: application/xml', async () => {
      const res = await api('GET', '/api/v1/customers/634509', undefined, { accept: 'application/xml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.body).toContain('<Customer>');
      expect(res.body).toContain('<id>634509</id>');
      expect(res.body).toContain('<cards><item>3660298205012</item><item>13873734051</item></cards>');
      const error = await api('GET', '/api/v1/customers/1', undefined, { accept: 'application/xml' });
      expect(error.statusCode).toBe(404);
      expect(error.body).toContain(
        '<Error><code>316</code><message>This customer is unknown.</message></Error>',
      );
    });

    it('case 1: creates the customer of the guide with the card given (POST /api/v1/customers/)', async () => {
      const res = await api('POST', '/api/v1/customers/', NEW_CUSTOMER);
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(Object.keys(c)).toEqual(CUSTOMER_FIELDS);
      expect(c).toMatchObject({
        civility: 'M',
        lastname: 'Laffargue',
        firstname: 'Xavier',
        phone: '+33562010203',
        mobile: '+14507601234',
        email: 'j.wade@proximasoft.com',
        dayBirthday: '30',
        monthBirthday: '03',
        yearBirthday: '1993',
        noFidelity: false,
        isActive: true,
        address: {
          address1: 'Porte 1',
          address2: 'Résidence',
          address3: '11 rue marc sangnier',
          address4: 'Lieu dit',
          zipCode: '33700',
          country: 'FRANCE',
        },
        cards: ['23301090783'],
      });
      const again = await api('GET', `/api/v1/customers/${c.id}`);
      expect(again.json()).toEqual(c);
      // The card is the customer's, active: it takes sales.
      const sale = await api('POST', '/api/v1/cards/23301090783/sales', {
        receipt: 'NEW-CARD-1',
        date: '2026-01-01T10:00:00Z',
        purchases: [{ operation: { id: 1 }, amount: 12 }],
      });
      expect(sale.statusCode, sale.body).toBe(201);
      expect(sale.json().pointsEarned).toBe(12);
      // Given to someone already: 3.
      const twice = await api('POST', '/api/v1/customers', { ...NEW_CUSTOMER, email: 'other@example.com' });
      expectError(twice, 3);
    });

    it('case 2: no card and noFidelity false hands out the next card of the default program', async () => {
      const res = await api('POST', '/api/v1/customers', {
        noFidelity: false,
        lastname: 'Bernard',
        firstname: 'Alice',
        mobile: '+33611223344',
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c.cards).toHaveLength(1);
      expect(c.cards[0]).toMatch(/^366029\d{7}$/);
      const balance = await api('GET', `/api/v1/cards/${c.cards[0]}/balance`);
      expect(balance.statusCode).toBe(200);
    });

    it('case 3: noFidelity true gives no card', async () => {
      const res = await api('POST', '/api/v1/customers', {
        noFidelity: true,
        lastname: 'Sans',
        firstname: 'Carte',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ noFidelity: true, cards: [] });
    });

    it('refuses an unknown card number (1) without creating the customer', async () => {
      const res = await api('POST', '/api/v1/customers', {
        lastname: 'Fantome',
        cards: ['99999999999'],
      });
      expectError(res, 1, 404);
      const list = await api('GET', '/api/v1/customers?search=Fantome');
      expect(list.json()).toEqual([]);
    });

    it('updates a customer with PUT (fields sent replace, others kept)', async () => {
      const res = await api('PUT', '/api/v1/customers/634509', {
        email: 'c.soupe@example.com',
        dayBirthday: '02',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        email: 'c.soupe@example.com',
        dayBirthday: '02',
        lastname: 'SOUPE',
      });
      // The GET answer sent back as it is changes nothing.
      const roundTrip = await api('PUT', '/api/v1/customers/634509', res.json());
      expect(roundTrip.statusCode, roundTrip.body).toBe(200);
      expect(roundTrip.json()).toEqual(res.json());
      const unknown = await api('PUT', '/api/v1/customers/1', { lastname: 'X' });
      expectError(unknown, 316, 404);
    });

    it('answers the validation codes 302, 303, 304, 312, 313, 314, 315 and 316', async () => {
      const base = { lastname: 'Valid', noFidelity: true };
      const cases: [object, number][] = [
        [{ ...base, address: { zipcode: '75001', city: 'Mérignac', country: 'FRANCE' } }, 302],
        [{ ...base, address: { zipCode: '33700', city: 'Mérignac', country: 'NARNIA' } }, 302],
        [{ ...base, mobile: '0611223344' }, 303],
        [{ ...base, phone: '+33123' }, 303],
        [{ ...base, dayBirthday: 31, monthBirthday: 2 }, 304],
        [{ ...base, dayBirthday: 'xx' }, 304],
        [{ ...base, lastname: 'L'.repeat(41) }, 312],
        [{ ...base, firstname: 'F'.repeat(51) }, 313],
        [{ ...base, address: { address1: 'A'.repeat(41) } }, 314],
        [{ noFidelity: true, firstname: 'Only' }, 315],
        [{ noFidelity: true, lastname: '' }, 315],
      ];
      for (const [payload, code] of cases) {
        const res = await api('POST', '/api/v1/customers', payload);
        expectError(res, code);
      }
      expectError(await api('GET', '/api/v1/customers/999999999'), 316, 404);
      expectError(await api('GET', '/api/v1/customers/abc'), 316, 404);
    });

    it('lists customers by page with a search; 310 for a negative page, 311 for a short search', async () => {
      const res = await api('GET', '/api/v1/customers?search=soupe');
      expect(res.statusCode).toBe(200);
      expect(res.json().map((c: { id: number }) => c.id)).toEqual([634509]);
      const page0 = await api('GET', '/api/v1/customers?page=0&pageSize=2');
      const page1 = await api('GET', '/api/v1/customers?page=1&pageSize=2');
      expect(page0.json()).toHaveLength(2);
      expect(page1.json()).toHaveLength(2);
      expect(page1.json()[0].id).not.toBe(page0.json()[0].id);
      expectError(await api('GET', '/api/v1/customers?page=-1'), 310, 400);
      expectError(await api('GET', '/api/v1/customers?search=so'), 311, 400);
      const xml = await api('GET', '/api/v1/customers?search=soupe', undefined, {
        accept: 'application/xml',
      });
      expect(xml.body).toContain('<ArrayOfCustomer><item><id>634509</id>');
    });
  });

  describe('reference lists', () => {
    it('countries, cities of a country, civilities (with and without the trailing slash)', async () => {
      const countries = await api('GET', '/api/v1/address/countries');
      expect(countries.statusCode).toBe(200);
      expect(countries.json()).toContainEqual({ code: 'FR', name: 'FRANCE' });
      const cities = await api('GET', '/api/v1/address/countries/FRANCE/cities?zipCode=33700');
      expect(cities.statusCode).toBe(200);
      expect(
        cities
          .json()
          .map((c: { city: string }) => c.city)
          .join(' '),
      ).toMatch(/RIGNAC/i);
      expectError(await api('GET', '/api/v1/address/countries/NARNIA/cities'), 302, 404);
      for (const url of ['/api/v1/tools/civilities/', '/api/v1/tools/civilities']) {
        const civilities = await api('GET', url);
        expect(civilities.statusCode).toBe(200);
        expect(civilities.json()).toContainEqual({ code: 'MME', label: 'MADAME' });
      }
    });
  });

  describe('balance and steps', () => {
    it('GET /api/v1/cards/13732365477/balance answers the seed shape', async () => {
      const res = await api('GET', '/api/v1/cards/13732365477/balance');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Array.isArray(body)).toBe(true);
      expect(body).toHaveLength(1);
      const b = body[0];
      expect(Object.keys(b)).toEqual([
        'shopId',
        'available',
        'discount',
        'purchases',
        'purchaseAmount',
        'discountCumulative',
        'purchasesCumulative',
        'purchaseAmountCumulative',
        'info',
        'primaryLoyaltyBalance',
        'dateFirstPurchase',
        'dateLastPurchase',
      ]);
      expect(b).toMatchObject({
        shopId: 2928,
        available: false,
        discount: 0,
        discountCumulative: 0,
        info: '!! DEPRECATED : DOT USE balance.info FIELD !!',
        primaryLoyaltyBalance: {
          label: 'Points',
          type: 'int',
          value: 130,
          moneyCurrency: null,
          step: {
            current: null,
            next: 1,
            type: 'purchaseAmount',
            availables: [],
            steps: [
              { index: 1, value: '500', forcedUse: false, reward: 'Un bon de 25 € offert ou 1 cadeau' },
              { index: 2, value: '800', forcedUse: false, reward: 'Un bon de 40 € offert' },
              { index: 3, value: '1200', forcedUse: true, reward: 'Une nuit offerte' },
            ],
          },
        },
      });
      expectError(await api('GET', '/api/v1/cards/00000000/balance'), 1, 404);
      const xml = await api('GET', '/api/v1/cards/13732365477/balance', undefined, {
        accept: 'application/xml',
      });
      expect(xml.body).toContain('<ArrayOfBalance><item><shopId>2928</shopId>');
    });

    it('generates the reward of a reached step (the guide form without /steps/), then 452', async () => {
      const before = await api('GET', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balance`);
      expect(before.json()[0]).toMatchObject({
        available: true,
        purchaseAmountCumulative: 600,
        dateFirstPurchase: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/),
        primaryLoyaltyBalance: { value: 600, step: { current: 1, next: 2, availables: [1] } },
      });
      const res = await api('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/0/1`);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        index: 1,
        voucher: {
          type: 'choices',
          label: 'Un bon de 25 € offert ou 1 cadeau',
          options: [{ type: 'amount', value: 25 }, { type: 'gift' }],
        },
      });
      const after = await api('GET', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balance`);
      expect(after.json()[0].primaryLoyaltyBalance.step.availables).toEqual([]);
      expectError(await api('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/0/steps/1`), 452);
      expectError(await api('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/0/steps/2`), 452);
      expectError(await api('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/0/steps/9`), 452);
      expectError(await api('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/1/steps/1`), 452);
      expectError(await api('POST', '/api/v1/cards/00000000/balances/0/steps/1'), 1, 404);
    });
  });

  describe('sales', () => {
    it('the "cas pratique": two 5 € amount vouchers deducted by the API, the 10 % one already applied', async () => {
      const res = await api('POST', '/api/v1/cards/13732365477/sales', CAS_PRATIQUE);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        receipt: 'POS0341531C01',
        card: '13732365477',
        // (2 290 + 700) € − 2 × 5 € = 2 980 € at 1 point per euro.
        pointsEarned: 2980,
        stepsReached: [1, 2, 3],
        unusedPurchases: [],
        balance: { value: 130 + 2980 },
      });
      expect(body.vouchersUsed).toEqual([
        { number: '11223344', type: 'percentage', deduction: 0, remainder: 0 },
        { number: '22334455', type: 'amount', deduction: 5, remainder: 0 },
        { number: '66778899', type: 'amount', deduction: 5, remainder: 0 },
      ]);
      // The forced step 3 ("Une nuit offerte") generated its reward.
      expect(body.vouchersGenerated).toHaveLength(1);
      const balance = (await api('GET', '/api/v1/cards/13732365477/balance')).json()[0];
      expect(balance).toMatchObject({
        purchasesCumulative: 1,
        purchaseAmountCumulative: 2990,
        primaryLoyaltyBalance: { value: 3110, step: { current: 3, next: null, availables: [1, 2] } },
      });
    });

    it('replays the same ticket (200, nothing changes); other content with the same receipt is 103', async () => {
      const again = await api('POST', '/api/v1/cards/13732365477/sales', CAS_PRATIQUE);
      expect(again.statusCode).toBe(200);
      expect(again.json().pointsEarned).toBe(2980);
      const other = await api('POST', '/api/v1/cards/13732365477/sales', {
        ...CAS_PRATIQUE,
        voucherUsed: [],
      });
      expectError(other, 103, 409);
    });

    it('parses decimal amounts exactly and answers XML', async () => {
      const res = await api(
        'POST',
        `/api/v1/cards/${DEMO_CARDS.catherineVip}/sales`,
        {
          receipt: 'DEC-1',
          date: '2026-01-02T10:00:00Z',
          purchases: [
            { operation: { id: 0 }, amount: 0.1, itemType: { code: '1' } },
            { operation: { id: 0 }, amount: 0.2 },
            { operation: { id: 1 }, amount: 2404.5, quantity: 1.5 },
          ],
        },
        { accept: 'application/xml' },
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.body).toContain('<Sale>');
      expect(res.body).toContain('<pointsEarned>2404</pointsEarned>');
      const bal = (await api('GET', `/api/v1/cards/${DEMO_CARDS.catherineVip}/balance`)).json()[0];
      expect(bal.purchaseAmountCumulative).toBe(2404.8);
      // Amounts are doubles: more decimals are rounded once, half to even (1.005 → 1.00 €).
      const morePrecise = await api('POST', `/api/v1/cards/${DEMO_CARDS.catherineVip}/sales`, {
        receipt: 'DEC-2',
        date: '2026-01-02T10:00:00Z',
        purchases: [{ operation: { id: 1 }, amount: 1.005 }],
      });
      expect(morePrecise.statusCode).toBe(201);
      const after = (await api('GET', `/api/v1/cards/${DEMO_CARDS.catherineVip}/balance`)).json()[0];
      expect(after.purchaseAmountCumulative).toBe(2405.8);
    });

    it('answers 1, 2, 102, 200, 450, 451, 453, 454 and 50', async () => {
      const ticket = (extra: object = {}) => ({
        receipt: `E-${Math.random().toString(36).slice(2)}`,
        date: '2026-01-03T10:00:00Z',
        purchases: [{ operation: { id: 1 }, amount: 10 }],
        ...extra,
      });
      const on = (card: string, body: object) => api('POST', `/api/v1/cards/${card}/sales`, body);
      expectError(await on('00000000', ticket()), 1, 404);
      expectError(await on(DEMO_CARDS.blockedVip, ticket()), 2);
      expectError(await on(DEMO_CARDS.catherineVip, { purchases: [] }), 102, 400);
      expectError(await on(DEMO_CARDS.catherineVip, ticket({ voucherUsed: ['00000000'] })), 450);
      expectError(await on(DEMO_CARDS.catherineVip, ticket({ voucherUsed: ['22334455'] })), 451);
      // The step-1 voucher of the step card offers choices: a number alone, a wrong type, a wrong value.
      const stepCard = DEMO_AVOMARK.stepCard;
      const list = await h.deps.db
        .selectFrom('vouchers')
        .select('number')
        .where('kind', '=', 'choices')
        .where('merchant_id', '=', h.merchantId)
        .execute();
      const choice = list[0]!.number;
      expectError(await on(stepCard, ticket({ voucherUsed: [choice] })), 453);
      expectError(
        await on(stepCard, ticket({ voucherUsed: [{ number: choice, type: 'bogus', value: '1' }] })),
        453,
      );
      expectError(
        await on(stepCard, ticket({ voucherUsed: [{ number: choice, type: 'montant', value: '13' }] })),
        454,
      );
      const chosen = await on(
        stepCard,
        ticket({ voucherUsed: [{ number: choice, type: 'montant', value: '25' }] }),
      );
      expect(chosen.statusCode, chosen.body).toBe(201);
      expect(chosen.json().vouchersUsed[0]).toMatchObject({ number: choice, type: 'choices', deduction: 25 });
      // A token obtained without a terminal cannot post tickets: 200.
      const bare = await h.app.inject({
        method: 'POST',
        url: `${B}/api/token`,
        payload: { username: 'demo', password: 'demo' },
      });
      const noTerminal = await h.request({
        method: 'POST',
        url: `${B}/api/v1/cards/${DEMO_CARDS.catherineVip}/sales`,
        token: bare.json().access_token,
        payload: ticket(),
      });
      expectError(noTerminal, 200);
      // Withdrawal (operation 12) on a program without a wallet.
      const wallet = await on(
        DEMO_CARDS.catherineVip,
        ticket({ purchases: [{ operation: { id: 12 }, amount: 5 }] }),
      );
      expectError(wallet, 50);
      expectError(
        await on(DEMO_CARDS.catherineVip, ticket({ purchases: [{ operation: { id: 99 }, amount: 5 }] })),
        0,
        400,
      );
    });
  });

  it('answers 400 and 401 for purchases without item or item type where the program requires known items', async () => {
    const strict = await createProgram(h, { requireKnownItems: true });
    const card = await createCard(h, strict);
    const post = (purchase: object) =>
      api('POST', `/api/v1/cards/${card.number}/sales`, {
        receipt: `K-${Math.random().toString(36).slice(2)}`,
        date: '2026-01-04T10:00:00Z',
        purchases: [{ operation: { id: 1 }, amount: 10, ...purchase }],
      });
    expectError(await post({ itemType: { code: '3' } }), 400, 422);
    expectError(await post({ item: { code: 'A1' } }), 401, 422);
    expectError(await post({ item: { code: 'A1' }, itemType: { code: ' ' } }), 401, 422);
    const ok = await post({ item: { code: 'A1' }, itemType: { code: '3' } });
    expect(ok.statusCode, ok.body).toBe(201);
    // Item types are attributes, no longer the fixed categories 1..9: any item type code is one.
    const named = await post({ item: { code: 'A1' }, itemType: { code: 'JARDIN' } });
    expect(named.statusCode, named.body).toBe(201);
  });

  it('documents every route under the tag "Avomark API360"', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const paths = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .filter(([p]) => p.startsWith('/avomark/'))
      .flatMap(([p, ops]) => Object.values(ops).map((op) => [p, op.tags] as const));
    expect(paths.length).toBeGreaterThanOrEqual(12);
    for (const [, tags] of paths) expect(tags).toEqual(['Avomark API360']);
    expect(Object.keys(doc.paths)).not.toContain('/avomark/api/v1/customers/');
  });
});
