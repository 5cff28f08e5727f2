/**
 * PROMO V7.2 §3.8 (promotions report), §3.9 (limit statements) and §3.1's lastSales example, replayed against
 * the demo company napse field by field on both databases. The report's documented record is dated
 * 02/12/2020 while its documented request asks for 12–19/05/2021 and its header says offset 500 of 504 for a
 * request with offset 0 (the example is pasted from several runs): the record is replayed with a request for
 * its own day, the header's meaning with the paging parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_RECORD } from '../wire/report-examples.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { load, promoPost } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

describe.each(databases())('PROMO reports on $kind', (target) => {
  let h: Harness;
  let token: string;
  /** The clock: real time, but for the last test, which posts sales on given days. */
  let clock: Date | null = null;
  const get = (url: string) =>
    h.request({ method: 'GET', url, token, headers: { accept: 'application/json' } });

  beforeAll(async () => {
    h = await createHarness(target, { now: () => clock ?? new Date() });
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  it('§3.8 the report: "records:" holds a JSON string, the record field by field, the header', async () => {
    const res = await get(
      '/promo/api/rest/reports/transaction/promotion?companyId=napse&limit=50000&offset=0&dateFrom=20201202&dateTo=20201202',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['records:', 'header']);
    expect(typeof body['records:']).toBe('string');
    const records = JSON.parse(body['records:']);
    // campaign and deploymentChannels are the promotion's own (the demo's 10549 is of campaign "Mercadeo").
    expect(records).toEqual([REPORT_RECORD]);
    expect(Object.keys(records[0])).toEqual(Object.keys(REPORT_RECORD));
    expect(body['records:']).toContain('"unitPrice":10400,');
    expect(body.header).toEqual({ total: 1, offset: 0, limit: 50000 });
  });

  it('§3.8 the documented request (12–19/05/2021, no promotion sale then), defaults and paging', async () => {
    const documented = await get(
      '/promo/api/rest/reports/transaction/promotion?companyId=napse&limit=50000&offset=0&dateFrom=20210512&dateTo=20210519',
    );
    expect(documented.json()).toEqual({ 'records:': '[]', header: { total: 0, offset: 0, limit: 50000 } });
    const all = (await get('/promo/api/rest/reports/transaction/promotion?companyId=napse')).json();
    expect(all.header).toEqual({ total: 3, offset: 0, limit: 25 });
    const ids = JSON.parse(all['records:']).map((r: { transactionId: string }) => r.transactionId);
    expect(ids).toEqual([
      'xx_0621_002_20201202123540',
      'napse_1_1_20210624173439',
      'napse_napse_1_20221109120000',
    ]);
    // offset is 0-based: offset 1, limit 1 is the second record.
    const second = (
      await get('/promo/api/rest/reports/transaction/promotion?companyId=napse&offset=1&limit=1')
    ).json();
    expect(second.header).toEqual({ total: 3, offset: 1, limit: 1 });
    expect(JSON.parse(second['records:'])[0]).toMatchObject({
      transactionId: 'napse_1_1_20210624173439',
      itemCode: '1',
      quantity: 10,
      unitPrice: 100,
    });
    const byCode = (
      await get('/promo/api/rest/reports/transaction/promotion?companyId=napse&pcode=10549&store=0621')
    ).json();
    expect(byCode.header.total).toBe(1);
    const returns = (
      await get('/promo/api/rest/reports/transaction/promotion?companyId=napse&transactionType=DEVOLUCION')
    ).json();
    expect(returns.header.total).toBe(0);
    const bad = await get('/promo/api/rest/reports/transaction/promotion?companyId=napse&limit=50001');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      status: 'limit is Invalid',
      description: 'El campo limit no puede superar 50000',
    });
    expect(
      (await get('/promo/api/rest/reports/transaction/promotion?companyId=napse&dateFrom=2020-12-02'))
        .statusCode,
    ).toBe(400);
  });

  it('§3.9 limit statements of map 91, as documented; an unknown map is refused', async () => {
    const res = await get('/promo/api/rest/limit/statements?companyId=napse&mapVersion=91');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toStrictEqual([
      {
        promotionName: 'PromoLimite',
        promotionCode: null,
        benefitType: 'Monetario',
        benefitClass: 'Descuento porcentaje',
        limitScope: 'General',
        limitType: 'Cantidad de productos beneficiados',
        store: '',
        customer: '',
        limitOriginalValue: '3.00',
        limitCurrentValue: '1.00',
        storeCode: '-',
        detail: [
          {
            date: '09/11/2022 10:37',
            transaction: 'napse_napse_1_20221109120000',
            operation: 'Venta',
            store: 'napse',
            terminal: '1',
            customer: '',
            initialValue: '0.00',
            transactionValue: '1.00',
            finalValue: '1.00',
          },
        ],
      },
    ]);
    expect(
      (await get('/promo/api/rest/limit/statements?companyId=napse&mapVersion=91&promoCode=x')).json(),
    ).toEqual([]);
    const unknown = await get('/promo/api/rest/limit/statements?companyId=napse&mapVersion=999');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ status: 'mapVersion is Invalid', description: 'El mapa 999 no existe' });
    const missing = await get('/promo/api/rest/limit/statements?companyId=napse');
    expect(missing.statusCode).toBe(400);
    expect((await get('/promo/api/rest/limit/statements?mapVersion=91')).json().status).toBe(
      'companyId is Required',
    );
  });

  it('§3.1 lastSales of customer 0102909421, as documented', async () => {
    const res = await get('/promo/api/rest/customer?code=0102909421&companyId=napse&lastSales=1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toStrictEqual({
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
      lastSales: [
        {
          transactionId: 'napse_1_1_20210624173439',
          transactionType: 'SALE',
          storeCode: '1',
          terminalCode: '1',
          customerId: '0102909421',
          customerType: 'c',
          mapVersion: 5,
          offline: false,
          date: '2021-06-24T20:34:39Z',
          transactionStatus: 'COMMIT',
          itemsTotalQuantity: 33.0,
          summaryValues: { subtotal: 2217.0, discount: 353.0, surcharge: 0.0, total: 1864.0 },
          payments: [
            { type: '1', id: '1', amount: 100.25 },
            { type: '2', id: '2', amount: 200.5 },
          ],
          loyaltyCards: [
            {
              id: '1111000000010',
              obtainedPoints: 100.0,
              benefitedByPromotion: true,
              redeemedPoints: 3.0,
              redeemedByPromotion: true,
            },
          ],
          coupons: { obtained: 10, redeemed: 2 },
        },
      ],
    });
    // The alias of the manual's other example URL.
    const alias = (
      await get('/promo/api/rest/customer?code=0102909421&companyId=napse&lastSalesInfo=5')
    ).json();
    expect(alias.lastSales).toHaveLength(1);
  });
  it('the customer query lists the customer’s usable coupons as the coupon query shows them', async () => {
    const created = await promoPost(h, token, '/promo/api/rest/coupons/admin', {
      companyId: 'napse',
      params: [],
      items: [{ operation: 'CREATE', barcode: 'CUST1-A', type: '6', amount: '15', customerId: '3095535912' }],
    });
    expect(created.statusCode).toBe(200);
    const customer = (await get('/promo/api/rest/customer?companyId=napse&code=3095535912')).json();
    const coupon = (await get('/promo/api/rest/coupon?companyId=napse&barcode=CUST1-A&limit=100')).json();
    expect(customer.coupons).toStrictEqual([coupon]);
    expect(customer.coupons[0]).toMatchObject({
      barcode: 'CUST1-A',
      customerId: '3095535912',
      couponStatus: 'ACTIVE',
      amount: 15,
      couponHistory: [{ couponAction: 'CREATE' }],
    });
    expect(Object.keys(customer).at(-1)).toBe('coupons');
    // Redeemed: no longer usable, no longer listed. Customer 1's coupons are past their validity: [].
    await promoPost(h, token, '/promo/api/rest/coupons/admin', {
      companyId: 'napse',
      params: [],
      items: [{ operation: 'REDEEM', barcode: 'CUST1-A', type: '6' }],
    });
    expect((await get('/promo/api/rest/customer?companyId=napse&code=3095535912')).json().coupons).toEqual(
      [],
    );
    expect((await get('/promo/api/rest/customer?companyId=napse&code=1')).json().coupons).toEqual([]);
  });

  it('limits administration takes the 24-hex limitId limitStatus shows (U, R); the engine id still works', async () => {
    const status = (await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=85001')).json();
    const limitId = status.limitsDetail[0].limitId;
    expect(limitId).toMatch(/^[0-9a-f]{24}$/);
    const update = await load(h, token, '/promo/api/rest/limits', {
      companyId: 'napse',
      limits: [
        {
          operation: 'U',
          limitId,
          limitScope: 'CUSTOMER',
          limitPeriod: 'UNDEFINED',
          limitTypeCode: 'benefitApplicationCount',
          value: '7',
        },
      ],
    });
    expect(update.monitor).toMatchObject({ ok: 1, errors: 0 });
    const after = (await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=85001')).json();
    expect(after.limitsDetail[0]).toMatchObject({ limitId, maxValue: 7 });
    const removed = await load(h, token, '/promo/api/rest/limits', {
      companyId: 'napse',
      limits: [
        { operation: 'R', limitId },
        { operation: 'R', limitId: 'ffffffffffffffffffffffff' },
      ],
    });
    expect(removed.monitor).toMatchObject({ ok: 1, errors: 1 });
    expect(removed.monitor.errorDetails).toEqual([{ rec: 2, code: 'LIMIT_NOT_FOUND', msg: 'not found' }]);
    expect(
      (await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=85001')).json().limitsDetail,
    ).toEqual([]);
  });

  it('§3.8 campaign and channels from the promotion, returns and a cancellation as Devolución records; §3.9 per period', async () => {
    const login = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'sender', password: 'mate' },
    });
    const v1 = login.json().access_token as string;
    const post = (url: string, payload: object) => h.request({ method: 'POST', url, payload, token: v1 });
    const at = (instant: string) => (clock = new Date(instant));
    at('2026-11-20T14:00:00Z');
    const created = await post('/v1/promotions', {
      name: 'Report 10 %',
      code: 'RPT10',
      campaign: 'BLACK FRIDAY',
      deploymentChannels: ['Punto de venta', 'Ecommerce'],
      sets: { set: { name: 'rpt', type: 'item', attribute: 'code', value: 'RPT' } },
      condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'rpt' } },
      benefits: { benefit: { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '10' }] } },
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    const shown = await h.request({ method: 'GET', url: `/v1/promotions/${p.nro}`, token: v1 });
    expect(shown.json().definition).toMatchObject({
      campaign: 'BLACK FRIDAY',
      deploymentChannels: ['Punto de venta', 'Ecommerce'],
    });
    const limit = await post('/v1/limits', {
      promotion: p.nro,
      benefit: p.definition.benefits[0].nro,
      scope: 'store',
      storeCode: '1',
      period: 'days',
      numberDays: 1,
      type: 'count',
      max: 5,
    });
    expect(limit.statusCode).toBe(201);
    const map = (
      await post('/v1/promotion-maps', {
        name: 'rpt',
        promotions: [p.nro],
        startDate: '2026-01-01T00:00:00Z',
      })
    ).json();
    expect((await post(`/v1/promotion-maps/${map.version}/activate`, {})).statusCode).toBe(200);
    const customerId = (await post('/v1/customers', { lastName: 'Report', firstName: 'Test' })).json().id;
    const sale = async (receipt: string, instant: string, storeCode: string, quantity: number) => {
      at(instant);
      const res = await post('/v1/sales', {
        receipt,
        date: instant,
        storeCode,
        customerId,
        lines: [
          { operation: 'purchase', itemCode: 'RPT', amount: 1000 * quantity, quantity, unitPrice: 1000 },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().promotions.applied[0]).toMatchObject({ discount: 100 * quantity });
      return res.json().saleId as string;
    };
    const s1 = await sale('RPT-S1', '2026-11-20T15:00:00Z', '1', 4);
    await sale('RPT-S2', '2026-11-20T16:00:00Z', '1', 1);
    at('2026-11-21T12:00:00Z');
    const returned = await post(`/v1/sales/${s1}/returns`, {
      receipt: 'RPT-S1-R1',
      lines: [{ lineNo: 1, amount: 1000 }],
    });
    expect(returned.statusCode).toBe(201);
    await sale('RPT-S3', '2026-11-22T15:00:00Z', '1', 1);
    const s4 = await sale('RPT-S4', '2026-11-22T16:00:00Z', 'napse', 1);
    at('2026-11-22T16:30:00Z');
    expect((await post(`/v1/sales/${s4}/cancel`, {})).statusCode).toBe(200);

    const report = async (query: string) => {
      const res = await get(
        `/promo/api/rest/reports/transaction/promotion?companyId=napse&pcode=RPT10${query}`,
      );
      expect(res.statusCode).toBe(200);
      return JSON.parse(res.json()['records:']) as Record<string, unknown>[];
    };
    const all = await report('');
    const pick = (r: Record<string, unknown>) => [
      r.transactionId,
      r.transactionType,
      r.date,
      r.subTotal,
      r.quantity,
      r.discountApply,
    ];
    expect(all.map(pick)).toEqual([
      ['RPT-S1', 'Venta', '20/11/2026 12:00', 40, 4, 4],
      ['RPT-S2', 'Venta', '20/11/2026 13:00', 10, 1, 1],
      ['RPT-S1-R1', 'Devolución', '21/11/2026 09:00', 10, 1, 1],
      ['RPT-S3', 'Venta', '22/11/2026 12:00', 10, 1, 1],
      ['RPT-S4', 'Venta', '22/11/2026 13:00', 10, 1, 1],
      ['RPT-S4', 'Devolución', '22/11/2026 13:30', 10, 1, 1],
    ]);
    for (const r of all)
      expect(r).toMatchObject({
        campaign: 'BLACK FRIDAY',
        deploymentChannels: 'Punto de venta, Ecommerce',
        promotionName: 'Report 10 %',
        itemCode: 'RPT',
        unitPrice: 10,
      });
    expect((await report('&transactionType=DEVOLUCION')).map((r) => r.transactionId)).toEqual([
      'RPT-S1-R1',
      'RPT-S4',
    ]);
    expect((await report('&transactionType=VENTA')).map((r) => r.transactionId)).toEqual([
      'RPT-S1',
      'RPT-S2',
      'RPT-S3',
      'RPT-S4',
    ]);
    // A return shows on its own day, whatever the day of its sale.
    expect((await report('&dateFrom=20261121&dateTo=20261121')).map(pick)).toEqual([
      ['RPT-S1-R1', 'Devolución', '21/11/2026 09:00', 10, 1, 1],
    ]);

    // §3.9: the 1-day limit of store 1 counts each period from 0; its current value is the running period's.
    const statements = async () => {
      const res = await get(`/promo/api/rest/limit/statements?companyId=napse&mapVersion=${map.version}`);
      expect(res.statusCode).toBe(200);
      return res.json() as Record<string, unknown>[];
    };
    const [entry] = await statements();
    expect(entry).toMatchObject({
      promotionName: 'Report 10 %',
      promotionCode: 'RPT10',
      limitScope: 'Tienda',
      store: '1',
      limitOriginalValue: '5.00',
      limitCurrentValue: '1.00',
      storeCode: '1',
    });
    const steps = (entry!.detail as Record<string, string>[]).map((d) => [
      d.transaction,
      d.initialValue,
      d.transactionValue,
      d.finalValue,
    ]);
    expect(steps).toEqual([
      ['RPT-S1', '0.00', '1.00', '1.00'],
      ['RPT-S2', '1.00', '1.00', '2.00'],
      ['RPT-S3', '0.00', '1.00', '1.00'],
    ]);
    at('2026-11-24T12:00:00Z');
    expect((await statements())[0]).toMatchObject({ limitCurrentValue: '0.00' });
    clock = null;
  });
});
