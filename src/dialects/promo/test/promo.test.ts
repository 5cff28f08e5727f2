/**
 * PROMO V7.2 (seed 004, spec/promo-v72.md): the manual's example requests replayed against the demo
 * company napse, field by field (names, string vs number, date formats, envelopes), on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { promoToken } from './promo-support.js';

describe.each(databases())('PROMO dialect on $kind', (target) => {
  let h: Harness;
  let token: string;
  const get = (url: string) =>
    h.request({ method: 'GET', url, token, headers: { accept: 'application/json' } });

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  describe('§2 authentication', () => {
    it('answers a Spring-style token body', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/promo/oauth/token',
        headers: {
          authorization: `Basic ${Buffer.from('my-client:').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=password&username=sender&password=mate&scope=read',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
      expect(body.token_type).toBe('bearer');
      expect(body.scope).toBe('read');
      expect(typeof body.expires_in).toBe('number');
    });

    it('refuses a missing client, a wrong password, another grant and another scope', async () => {
      const form = (payload: string, basic?: string) =>
        h.request({
          method: 'POST',
          url: '/promo/oauth/token',
          headers: {
            ...(basic ? { authorization: `Basic ${Buffer.from(basic).toString('base64')}` } : {}),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload,
        });
      const noClient = await form('grant_type=password&username=sender&password=mate&scope=read');
      expect(noClient.statusCode).toBe(401);
      expect(noClient.json()).toEqual({
        error: 'unauthorized',
        error_description: 'Full authentication is required to access this resource',
      });
      const badSecret = await form('grant_type=password&username=sender&password=mate', 'my-client:x');
      expect(badSecret.statusCode).toBe(401);
      expect(badSecret.json().error).toBe('invalid_client');
      const badPassword = await form('grant_type=password&username=sender&password=nope', 'my-client:');
      expect(badPassword.statusCode).toBe(400);
      expect(badPassword.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
      const grant = await form('grant_type=client_credentials', 'my-client:');
      expect(grant.json()).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'Unsupported grant type: client_credentials',
      });
      const scope = await form('grant_type=password&username=sender&password=mate&scope=write', 'my-client:');
      expect(scope.statusCode).toBe(400);
      expect(scope.json()).toEqual({
        error: 'invalid_scope',
        error_description: 'Invalid scope: write',
        scope: 'read',
      });
    });

    it('answers 401 on every service without a valid token', async () => {
      for (const [method, url] of [
        ['GET', '/promo/api/rest/customer?companyId=napse&code=1'],
        ['GET', '/promo/api/rest/card?companyId=napse&isTypes=true'],
        ['GET', '/promo/api/rest/statementPoints?companyId=napse'],
        ['POST', '/promo/api/rest/cards/admin'],
        ['POST', '/promo/api/rest/customer'],
        ['POST', '/promo/api/rest/promotions'],
      ] as const) {
        const none = await h.request({ method, url });
        expect(none.statusCode, url).toBe(401);
        expect(none.json().error).toBe('unauthorized');
        const bad = await h.request({
          method,
          url,
          headers: { authorization: 'Bearer 8c014b30-a674-456e-bc18-29a072a7a1f8' },
        });
        expect(bad.statusCode).toBe(401);
        expect(bad.json()).toEqual({
          error: 'invalid_token',
          error_description: 'Invalid access token: 8c014b30-a674-456e-bc18-29a072a7a1f8',
        });
      }
    });
  });

  describe('§3.1 customer query', () => {
    const JUAN = {
      _id: '5f5f8d16b51f3b3160021dac',
      code: '1',
      name: 'JUAN',
      lastName: 'Perez',
      gender: 'h',
      birthDate: '1900-01-10T04:16:48Z',
      identificationType: 'dni',
      identifier: '12345',
      identificationExpiration: '2050-10-10T03:00:00Z',
      nacionality: 'arg',
      email: '',
      customerType: 'EMPLEADO',
      address: 'calle 1',
      addressCountry: 'arg',
      addressState: 'bsas',
      addressCity: 'tig',
      addressPostalCode: '1',
      phone: '1555555555',
      isActive: true,
      segments: '',
      companyId: 'napse',
      creationDate: '2020-09-14T15:32:38Z',
      coupons: [],
    };
    const CARDS = [
      {
        _id: '5f5fa94db51f3b5b0c2cedc9',
        amount: 0.0,
        code: '2222000000013',
        customerId: '1',
        validFrom: '2020-08-14T03:00:00Z',
        type: 'tipo2',
        validTo: '2021-07-14T03:00:00Z',
        status: 'DISABLED',
        companyId: 'napse',
        created: '2020-09-14T17:33:01Z',
        isConsumed: false,
        version: 1,
        typeName: 'tipo2',
      },
      {
        _id: '5f5f8d88b51f3b3160021db1',
        amount: 0.0,
        code: '1111000000010',
        customerId: '1',
        type: 'tipo1',
        status: 'ENABLED',
        companyId: 'napse',
        created: '2020-09-14T15:34:32Z',
        isConsumed: false,
        version: 2,
        activation: '2020-09-14T15:34:33Z',
        typeName: 'tipo1',
      },
    ];

    for (const url of [
      '/promo/api/rest/customer?companyId=napse&code=1',
      '/promo/api/rest/customer?companyId=napse&identifier=12345&identificationType=dni',
    ]) {
      it(`replays GET ${url}`, async () => {
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        const { cards, ...customer } = res.json();
        expect(customer).toEqual(JUAN);
        // The manual trimmed the list from 4 cards to 2: both documented cards are there, as documented.
        for (const card of CARDS) expect(cards).toContainEqual(card);
        expect(cards.findIndex((c: { code: string }) => c.code === '2222000000013')).toBeLessThan(
          cards.findIndex((c: { code: string }) => c.code === '1111000000010'),
        );
      });
    }

    it('searches by code first, answers [] without keys and {} for an unknown customer', async () => {
      const both = await get(
        '/promo/api/rest/customer?companyId=napse&code=0102909421&identifier=12345&identificationType=dni',
      );
      expect(both.json().code).toBe('0102909421');
      expect((await get('/promo/api/rest/customer?companyId=napse')).json()).toEqual([]);
      expect((await get('/promo/api/rest/customer?companyId=napse&code=nobody')).json()).toEqual({});
    });

    it('answers the partially erased customer with its "-" fields and no lastSales unless asked', async () => {
      const body = (await get('/promo/api/rest/customer?code=0102909421&companyId=napse')).json();
      expect(body).toEqual({
        _id: '60824eeecff31c4138ebf73d',
        code: '0102909421',
        identifier: '0102909421',
        email: '-',
        name: 'john promo',
        lastName: '-',
        identificationType: 'c',
        customerType: 'c',
        creationDate: '2021-04-23T04:37:02Z',
        isActive: true,
        companyId: 'napse',
        cards: [],
        coupons: [],
      });
      const asked = (
        await get('/promo/api/rest/customer?code=0102909421&companyId=napse&lastSalesInfo=2')
      ).json();
      // Its one sale, the manual's lastSales example (replayed field by field in promo-reports.test.ts).
      expect(asked.lastSales.map((s: { transactionId: string }) => s.transactionId)).toEqual([
        'napse_1_1_20210624173439',
      ]);
    });

    it('refuses a missing or foreign companyId', async () => {
      const missing = await get('/promo/api/rest/customer?code=1');
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toEqual({
        status: 'companyId is Required',
        description: 'Debe enviar el campo companyId',
      });
      const foreign = await get('/promo/api/rest/customer?code=1&companyId=demo');
      expect(foreign.json()).toEqual({
        status: 'companyId is Invalid',
        description: 'Debe enviar el campo companyId valido',
      });
    });
  });

  describe('§3.5 card query', () => {
    it('replays the element with its history newest first, amounts as strings (example 1, §11.8)', async () => {
      const res = await get('/promo/api/rest/card?code=s_verdes3095535912&companyId=napse');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        _id: '6054129516f79ab3103ad3ac',
        companyId: 'napse',
        code: 's_verdes3095535912',
        status: 'ENABLED',
        type: 's_verdes',
        amount: 20.0,
        customerId: '3095535912',
        created: '2021-03-19T02:55:17Z',
        activation: '2021-03-19T02:55:17Z',
        transactionId: 'napse_1_1_20210319203011',
        storeCode: '1',
        terminalCode: '1',
        isConsumed: false,
        version: 2,
        lastPurchaseDate: '2021-03-19T02:56:30Z',
        typeName: 'Stickers Verdes',
        cardHistory: [
          {
            date: '2021-03-19T23:30:15Z',
            createdAt: '2021-03-19T02:56:30Z',
            card: '-',
            cardAction: 'SALE',
            storeCode: '1',
            terminalCode: '1',
            appliedPromotionDetails: [
              {
                promotionName: 'otorga Stickers Verdes-54',
                promotionCode: '54',
                conditionDateRangeDescription: null,
              },
            ],
            customerCode: '-',
            amount: '20.0',
            amountPrev: '0.0',
            transactionId: 'napse_1_1_20210319203015',
            reasonName: null,
          },
          {
            date: '2021-03-19T02:55:17Z',
            createdAt: '2021-03-19T02:55:17Z',
            card: '-',
            cardAction: 'ACTIVATION',
            storeCode: '1',
            terminalCode: '1',
            customerCode: '3095535912',
            amount: '0.0',
            amountPrev: '0',
            appliedPromotionDetails: null,
            transactionId: null,
            reasonName: null,
          },
        ],
        amountPrev: 0,
      });
    });

    it("refuses the example's dateTo=20200431, which is no day", async () => {
      const res = await get(
        '/promo/api/rest/card?code=1000000000001&companyId=napse&dateFrom=20200401&dateTo=20200431',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().status).toBe('dateTo is Invalid');
    });

    it('replays movements by date range without a code (example 2)', async () => {
      const res = await get(
        '/promo/api/rest/card?companyId=napse&dateFrom=20200429&dateTo=20200429&limit=100000',
      );
      expect(res.statusCode).toBe(200);
      const history = res.json().cardHistory;
      expect(history).toHaveLength(14);
      expect(history[0]).toEqual({
        amount: '10.0',
        card: '1000000000000',
        cardAction: 'AMOUNT_UPDATE',
        date: '2020-04-29T12:42:18Z',
        storeCode: null,
        transactionId: null,
      });
      expect(history.map((m: { card: string }) => m.card)).toEqual(
        [...history.map((m: { card: string }) => m.card)].sort(),
      );
      expect(
        history
          .filter((m: { cardAction: string }) => m.cardAction === 'CHARGE')
          .every((m: { amount: string }) => m.amount === '300.0'),
      ).toBe(true);
      const paged = (
        await get('/promo/api/rest/card?companyId=napse&dateFrom=20200429&dateTo=20200429&offset=11&limit=10')
      ).json();
      expect(paged.cardHistory).toEqual(history.slice(10, 20));
      const noRange = await get('/promo/api/rest/card?companyId=napse');
      expect(noRange.statusCode).toBe(400);
    });

    it('replays the element types (example 3)', async () => {
      for (const flag of ['isTypes', 'requestTypes']) {
        const { cardTypes } = (await get(`/promo/api/rest/card?companyId=napse&${flag}=true`)).json();
        // The demo company has more types than the two the example shows; those two are as documented.
        expect(cardTypes).toContainEqual({
          amountChargeLimit: 0.0,
          cardNumberLength: 16,
          cardTypePrefixRange: [
            {
              _id: '5f45547d830a697a4012df3c',
              creationAt: '2020-08-25T18:12:13Z',
              isSuggested: false,
              prefixEnd: 1000,
              prefixStart: 1,
            },
            {
              _id: '5f45547d830a697a4012df3d',
              creationAt: '2020-08-25T18:12:13Z',
              isSuggested: false,
              prefixEnd: 2000,
              prefixStart: 1001,
            },
          ],
          code: 'tc01',
          customerValidation: 'NO',
          description: 'TC01',
          isActive: true,
          isCVVRequired: false,
          isNominated: false,
          isRechargeable: true,
          name: 'TC01',
        });
        expect(cardTypes).toContainEqual({
          amountChargeLimit: 5000.0,
          cardNumberLength: 11,
          cardTypePrefixRange: [
            {
              _id: '5f45575d830a697a4012df40',
              creationAt: '2020-08-25T18:24:29Z',
              isSuggested: false,
              prefixEnd: 3000,
              prefixStart: 3000,
            },
          ],
          code: 'tc02',
          customerValidation: 'FILE',
          description: 'TC02',
          isActive: false,
          isCVVRequired: true,
          isNominated: true,
          isRechargeable: true,
          name: 'TC02',
        });
      }
    });
  });

  describe('the same elements on /v1', () => {
    it('reads an element with its movements and creates and lists element types', async () => {
      const element = await h.request({ method: 'GET', url: '/v1/elements/s_verdes3095535912', token });
      expect(element.statusCode).toBe(200);
      expect(element.json()).toMatchObject({
        number: 's_verdes3095535912',
        status: 'ENABLED',
        amountMinor: 2000,
        movements: [
          { action: 'SALE', amountMinor: 2000, amountBeforeMinor: 0, amountAfterMinor: 2000 },
          { action: 'ACTIVATION', amountMinor: 0, amountBeforeMinor: null },
        ],
      });
      expect((await h.request({ method: 'GET', url: '/v1/elements/nope', token })).statusCode).toBe(404);
      const created = await h.request({
        method: 'POST',
        url: '/v1/element-types',
        token,
        payload: {
          code: 'gift',
          name: 'Gift card',
          numberLength: 16,
          rechargeable: true,
          ranges: [{ start: 4242, end: 4242 }],
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        code: 'gift',
        rechargeable: true,
        ranges: [{ start: 4242, end: 4242 }],
      });
      const again = await h.request({
        method: 'POST',
        url: '/v1/element-types',
        token,
        payload: { code: 'gift', name: 'x', numberLength: 16 },
      });
      expect(again.statusCode).toBe(409);
      const listed = (await h.request({ method: 'GET', url: '/v1/element-types', token })).json();
      expect(listed.data.map((t: { code: string }) => t.code)).toContain('gift');
    });
  });

  describe('§3.6 points statement', () => {
    it('replays the consumption of 31/08/2022', async () => {
      const res = await get(
        '/promo/api/rest/statementPoints?companyId=napse&customerCode=1&fromDate=20220801&toDate=20220831&isConsume=true',
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        {
          cardNumber: '6000011014',
          cardTypeCode: '10',
          transactionId: 'napse_napse_1_20220831120500',
          action: 'Consumo',
          storeCode: 'napse',
          date: '31/08/2022 12:05',
          amount: 200.0,
          customerCode: '1',
          terminalCode: '1',
        },
      ]);
      const grants = (
        await get(
          '/promo/api/rest/statementPoints?companyId=napse&customerCode=1&fromDate=20220801&toDate=20220831&isConsume=false',
        )
      ).json();
      expect(grants.map((g: { action: string; amount: number }) => [g.action, g.amount])).toEqual([
        ['Otorgamiento', 500],
      ]);
    });

    it('requires every parameter and a range of at most one month', async () => {
      const base = 'companyId=napse&customerCode=1&fromDate=20220801&toDate=20220831&isConsume=true';
      for (const param of ['customerCode', 'fromDate', 'toDate', 'isConsume']) {
        const url = `/promo/api/rest/statementPoints?${base.replace(new RegExp(`&?${param}=[^&]*`), '')}`;
        const res = await get(url);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({
          status: `${param} is Required`,
          description: `Debe enviar el campo ${param}`,
        });
      }
      const long = await get(
        '/promo/api/rest/statementPoints?companyId=napse&customerCode=1&fromDate=20220801&toDate=20220902&isConsume=true',
      );
      expect(long.statusCode).toBe(400);
      expect(long.json()).toEqual({
        status: 'Date range is Invalid',
        description: 'El rango de fechas no puede superar un mes',
      });
    });
  });
});
