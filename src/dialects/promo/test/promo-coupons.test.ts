/**
 * PROMO V7.2 §3.2–§3.4 over the promotion engine: the coupon query (by barcode; by date range with the
 * documented paging), coupon statements and the customer limit status, replayed against the demo company
 * field by field on both databases; and one coupon redeemed by 20 concurrent requests → redeemed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { promoToken } from './promo-support.js';

describe.each(databases())('PROMO coupons and limits on $kind', (target) => {
  let h: Harness;
  let token: string;
  const get = (url: string) =>
    h.request({ method: 'GET', url, token, headers: { accept: 'application/json' } });

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  it('§3.3 example 1: the coupon by barcode, as documented', async () => {
    const res = await get('/promo/api/rest/coupon?barcode=1050030016471&companyId=napse');
    expect(res.statusCode).toBe(200);
    // Field by field, in the documented order, with JSON types (0.0 is the number 0).
    expect(res.body).toBe(
      JSON.stringify({
        _id: '64a86490ab7b181240232917',
        companyId: 'napse',
        transactionId: '2_3_1_20230707160000',
        couponType: '6',
        issuedDate: '2023-07-07T19:16:31Z',
        customerId: '1',
        couponStatus: 'ACTIVE',
        validFrom: '2023-07-07T03:00:00Z',
        validTo: '2024-01-01T02:59:59Z',
        usedTimes: 0,
        consumed: false,
        couponFormat: 'PRINTED',
        emitPromotion: 'Promo Invierno',
        storeCode: '3',
        terminalCode: '1',
        maxUsageTimes: 1,
        barcode: '1050030016471',
        amount: 0.0,
        generatedHTML: '1050030016471\r\n\r\n07/07/2023 00:00\r\n\r\n31/12/2023 23:59',
        couponHistory: [{ date: '2023-07-07T19:17:00Z', couponAction: 'CREATE', storeCode: '3' }],
      }),
    );
    // companyID (capital ID, spec §11.3) is accepted; an unknown barcode is empty.
    expect((await get('/promo/api/rest/coupon?barcode=1050030016471&companyID=napse')).json().barcode).toBe(
      '1050030016471',
    );
    expect((await get('/promo/api/rest/coupon?barcode=nope&companyId=napse')).json()).toEqual({});
  });

  it('§3.3 example 2: coupon events by date range, 1-based offset, default limit 5', async () => {
    const res = await get(
      '/promo/api/rest/coupon?dateFrom=20230301&dateTo=20230707&companyId=napse&limit=100000&couponAction=CREATE',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['couponHistory']);
    expect(body.couponHistory[0]).toStrictEqual({
      coupon: '1030BC0030007',
      couponAction: 'CREATE',
      date: '2023-03-17T19:29:09Z',
      storeCode: 'BC',
      terminalCode: '3',
      transactionId: 'BC_202303171629177',
    });
    expect(body.couponHistory.map((e: { coupon: string }) => e.coupon)).toEqual([
      '1030BC0030007',
      '1050030016471',
    ]);
    const second = await get(
      '/promo/api/rest/coupon?dateFrom=20230301&dateTo=20230707&companyId=napse&offset=2&limit=1',
    );
    expect(second.json().couponHistory.map((e: { coupon: string }) => e.coupon)).toEqual(['1050030016471']);
    const past = await get(
      '/promo/api/rest/coupon?dateFrom=20230301&dateTo=20230707&companyId=napse&offset=3',
    );
    expect(past.json()).toEqual({ couponHistory: [] });
    const all = await get('/promo/api/rest/coupon?dateFrom=20200101&dateTo=20251231&companyId=napse');
    expect(all.json().couponHistory).toHaveLength(3);
    // timeFrom/timeTo narrow the range only with both dates: 16:00–16:30 local on 07/07 holds the CREATE.
    const timed = await get(
      '/promo/api/rest/coupon?dateFrom=20230707&dateTo=20230707&timeFrom=1600&timeTo=1630&companyId=napse',
    );
    expect(timed.json().couponHistory).toHaveLength(1);
    for (const bad of [
      'couponAction=EAT',
      'dateFrom=20230231',
      'limit=100001',
      'limit=x',
      'timeFrom=2500&dateFrom=20230101&dateTo=20230102',
    ])
      expect((await get(`/promo/api/rest/coupon?companyId=napse&${bad}`)).statusCode).toBe(400);
    expect((await get('/promo/api/rest/coupon?barcode=1050030016471')).json()).toEqual({
      status: 'companyId is Required',
      description: 'Debe enviar el campo companyId',
    });
  });

  it('§3.4 coupon statements of customer 1, as documented', async () => {
    const res = await get(
      '/promo/api/rest/couponStatements?customerId=1&companyId=napse&actionType=CREATE&dateFrom=20220801&dateTo=20220831',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      JSON.stringify([
        {
          transactionId: 'napse_napse_1_20220830120000',
          action: 'Emisión',
          terminal: '1',
          couponType: 'cimp',
          customerId: '1',
          amount: '-',
          store: 'napse',
          datetime: '30/08/2022 11:08',
          couponCode: '116pse0018828',
        },
      ]),
    );
    const all = await get('/promo/api/rest/couponStatements?customerId=1&companyId=napse');
    expect(all.json()).toHaveLength(2);
    expect((await get('/promo/api/rest/couponStatements?customerId=nadie&companyId=napse')).json()).toEqual(
      [],
    );
    expect((await get('/promo/api/rest/couponStatements?companyId=napse')).statusCode).toBe(400);
    expect(
      (await get('/promo/api/rest/couponStatements?customerId=1&companyId=napse&actionType=X')).statusCode,
    ).toBe(400);
  });

  it('§3.2 limit status of customer 85001, as documented; none used → []; unknown customer → message', async () => {
    const res = await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=85001');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      JSON.stringify({
        customerId: '85001',
        companyId: 'napse',
        limitsDetail: [
          {
            _id: '603a437c1082e83690817050',
            promotionId: '603a319c1082e83690816f95',
            benefitId: '603a31b81082e83690816f9c',
            promotionCode: '3',
            promotionName: 'limite cliente',
            limitId: '603a31b61082e83690816f9b',
            scope: 'CUSTOMER',
            period: 'UNDEFINED',
            maxValue: 5.0,
            customerId: '85001',
            storeId: '-',
            numberDays: 0,
            nextReset: '2021-02-27T03:00:00+0000',
            lastReset: '2021-02-27T03:00:00+0000',
            companyId: 'napse',
            limitTypeCode: 'benefitApplicationCount',
            description: null,
            lastUpdate: '2021-02-27T13:05:00+0000',
            active: true,
            currentValue: 1.0,
          },
        ],
      }),
    );
    expect((await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=1')).json()).toEqual({
      customerId: '1',
      companyId: 'napse',
      limitsDetail: [],
    });
    const unknown = await get('/promo/api/rest/limit/limitStatus?companyId=napse&code=99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().description).toBe('O cliente especificado não existe');
  });

  it('one coupon redeemed by 20 concurrent requests is redeemed once (engine path), seen once by PROMO', async () => {
    const login = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'sender', password: 'mate' },
    });
    expect(login.statusCode).toBe(200);
    const v1 = login.json().access_token as string;
    const issued = await h.request({
      method: 'POST',
      url: '/v1/coupons',
      token: v1,
      payload: { type: '6', barcode: 'RACE-0001' },
    });
    expect(issued.statusCode).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.request({
          method: 'POST',
          url: '/v1/coupons/RACE-0001/redeem',
          token: v1,
          headers: { 'idempotency-key': `race-${target.kind}-${i}` },
          payload: { storeCode: '1' },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const coupon = (await get('/promo/api/rest/coupon?barcode=RACE-0001&companyId=napse')).json();
    expect(coupon).toMatchObject({ usedTimes: 1, consumed: true, couponStatus: 'CONSUMED' });
    expect(coupon.couponHistory.map((e: { couponAction: string }) => e.couponAction)).toEqual([
      'CREATE',
      'REDEEM',
    ]);
  });
});

describe.each(databases())('PROMO promotions available on $kind', (target) => {
  let h: Harness;
  let token: string;
  const get = (url: string) =>
    h.request({ method: 'GET', url, token, headers: { accept: 'application/json' } });

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  it('§3.7 promotion "descuento" of map 90, as documented (with its customer money limit)', async () => {
    const res = await get(
      '/promo/api/rest/promotionAvailable?mapVersion=90&companyId=napse&promotionCode=descuento',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      JSON.stringify([
        {
          mapVersion: '90',
          code: 'descuento',
          name: 'Promo Descuentos',
          conditionSimple: 'Productos con Aplica a TODOS',
          conditionCombo: '',
          conditionDate: '',
          benefitTypeDescription: '<p>1.- Monetario</p><br/>',
          benefitClassDescription: '<p>1.- Descuento porcentaje</p><br/>',
          benefit:
            '<p>1.- Productos con Aplica a TODOS. El siguiente porcentaje (%) 30. Por cada unidad de Cantidad. Prorratear entre Participantes No. Valor de Recupero 0. Tipo de Recupero -. Balance - Límites de aplicación Tipo de límite: Cliente Descripción: - Periodo a contabilizar: Indefinido Limitar por: Cantidad de dinero Valor: 5000 </p> ',
          promotionType: '1',
          promotionSubType: '1',
          promotionApplicationForm: '1',
        },
      ]),
    );
    const all = (await get('/promo/api/rest/promotionAvailable?mapVersion=90&companyId=napse')).json();
    expect(all.map((p: { code: string }) => p.code)).toEqual(['descuento', 'canje', '', '']);
    const combo = (await get('/promo/api/rest/promotionAvailable?mapVersion=5&companyId=napse')).json();
    expect(combo[1].conditionCombo).toBe('3-3 de Productos con code 2');
    expect((await get('/promo/api/rest/promotionAvailable?mapVersion=77&companyId=napse')).json()).toEqual(
      [],
    );
    expect((await get('/promo/api/rest/promotionAvailable?companyId=napse')).statusCode).toBe(400);
    expect((await get('/promo/api/rest/promotionAvailable?mapVersion=x&companyId=napse')).statusCode).toBe(
      400,
    );
  });
});
