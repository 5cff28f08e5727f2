/**
 * PROMO synchronous administration (spec §6.1 segments, §6.3 coupons), customer erasure (§5.3), promotion
 * import (§5.4) and limits administration (§6.5, URL /promo/api/rest/limits) against the demo company
 * napse, on both databases: the manual's examples replayed, their documented counters and messages, the
 * refusals, and one coupon redeemed concurrently only once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS_BENEFIT } from '../demo/demo-promo-loading.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { load, promoPost } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

describe.each(databases())('PROMO administration and imports on $kind', (target) => {
  let h: Harness;
  let token: string;
  let merchantId: string;
  const customer = async (code: string) =>
    (
      await h.request({ method: 'GET', url: `/promo/api/rest/customer?companyId=napse&code=${code}`, token })
    ).json();
  const promotions = (code: string) =>
    h.deps.db
      .selectFrom('promotions')
      .select(['nro', 'name', 'status', 'definition'])
      .where('merchant_id', '=', merchantId)
      .where('code', '=', code)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
    merchantId = (
      await h.deps.db
        .selectFrom('merchants')
        .select('id')
        .where('slug', '=', 'napse')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => h.close());

  it('§6.1 segments: the example gives the documented counters and errorDetails', async () => {
    const ops = ['R', 'UI', 'R', 'I', 'I', 'I', 'I', 'I', 'I', 'I'];
    const codes = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c0'];
    const res = await promoPost(h, token, '/promo/api/rest/segments', {
      companyId: 'napse',
      params: [{ segmentCode: 'ts02c', deleteAllCollectionFirst: 'false' }],
      items: ops.map((operation, i) => ({ operation, customer: codes[i] })),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 200,
      description: 'customerSegment',
      detail: {
        result: 'ok',
        detail: '',
        updated: 1,
        ignored: 0,
        inserted: 0,
        removed: 0,
        errors: 9,
        processed: 10,
        errorDetails: [
          { rec: 1, customer: 'c1', msg: 'not found' },
          { rec: 3, customer: 'c3', msg: 'not found' },
          ...codes.slice(3).map((customer, i) => ({ rec: i + 4, customer, msg: 'already exists' })),
        ],
      },
    });
  });

  it('§6.1 segments: a new segment is created; I, IU, R count; deleteAllCollectionFirst empties it', async () => {
    const post = (params: unknown[], items: unknown[]) =>
      promoPost(h, token, '/promo/api/rest/segments', { companyId: 'napse', params, items });
    const first = await post(
      [{ segmentCode: 'nuevo' }],
      [
        { operation: 'I', customer: 'c1' },
        { operation: 'IU', customer: 'c2' },
        { operation: 'I', customer: 'nadie' },
        { operation: 'X', customer: 'c3' },
      ],
    );
    expect(first.json().detail).toMatchObject({ inserted: 2, errors: 2, processed: 4 });
    expect(first.json().detail.errorDetails).toEqual([
      { rec: 3, customer: 'nadie', msg: 'customer not found' },
      { rec: 4, customer: 'c3', msg: 'Operación inválida: X. Use I, UI o R' },
    ]);
    const second = await post(
      [{ segmentCode: 'nuevo', deleteAllCollectionFirst: 'true' }],
      [
        { operation: 'R', customer: 'c1' },
        { operation: 'I', customer: 'c3' },
      ],
    );
    expect(second.json().detail).toMatchObject({ inserted: 1, removed: 0, errors: 1 });
    const third = await post([{ segmentCode: 'nuevo' }], [{ operation: 'R', customer: 'c3' }]);
    expect(third.json().detail).toMatchObject({ removed: 1, errors: 0 });
    const missing = await post([], [{ operation: 'I', customer: 'c1' }]);
    expect([missing.statusCode, missing.json()]).toEqual([
      400,
      {
        status: '400',
        description: 'customerSegment',
        detail: { result: 'error', detail: 'El parámetro segmentCode es requerido' },
      },
    ]);
    const foreign = await promoPost(h, token, '/promo/api/rest/segments', {
      companyId: 'otra',
      params: [{ segmentCode: 'x' }],
      items: [],
    });
    expect(foreign.json().detail.detail).toBe(
      'El código de compañía otra no pertenece a una compañía existente.',
    );
  });

  it('§6.3 coupons: the example (consistent counters: CREATE inserted, REDEEM updated, VOID not found)', async () => {
    const res = await promoPost(h, token, '/promo/api/rest/coupons/admin', {
      companyId: 'napse',
      params: [],
      items: [
        {
          operation: 'CREATE',
          barcode: 'ABC345',
          type: 'mytype',
          email: '[email protected]',
          amount: '100',
          customerId: 'mycustomer',
        },
        { operation: 'REDEEM', barcode: 'ABC344', type: 'mytype', email: '', amount: '0', customerId: '' },
        { operation: 'VOID', barcode: 'ABC343', type: 'mytype', email: '', amount: '0', customerId: '' },
      ],
    });
    expect(res.json()).toEqual({
      status: 200,
      description: 'rest::couponAdmin',
      detail: {
        result: 'ok',
        detail: '',
        updated: 1,
        ignored: 0,
        inserted: 1,
        removed: 0,
        errors: 1,
        processed: 3,
        errorDetails: [{ rec: 3, code: 'ABC343', info: 'not found' }],
        successDetails: [
          { rec: 1, code: 'ABC345' },
          { rec: 2, code: 'ABC344' },
        ],
      },
    });
    const again = await promoPost(h, token, '/promo/api/rest/coupons/admin', {
      companyId: 'napse',
      params: [{ detailSuccess: 'false' }],
      items: [
        { operation: 'REDEEM', barcode: 'ABC344', type: 'mytype' },
        { operation: 'CREATE', barcode: 'ABC345', type: 'mytype' },
        { operation: 'CREATE', barcode: '', type: 'nada' },
        { operation: 'CREATE', barcode: '', type: 'mytype', customerId: 'nadie' },
        { operation: 'VOID', barcode: 'ABC345', type: 'mytype' },
        { operation: 'CREATE', barcode: '', type: 'mytype' },
      ],
    });
    expect(again.json().detail).toMatchObject({ inserted: 1, updated: 1, errors: 4, processed: 6 });
    expect(again.json().detail.successDetails).toBeUndefined();
    expect(again.json().detail.errorDetails).toEqual([
      { rec: 1, code: 'ABC344', info: 'El cupón no se puede redimir: estado consumed' },
      { rec: 2, code: 'ABC345', info: 'already exists' },
      { rec: 3, code: '', info: 'El tipo de cupón no existe' },
      { rec: 4, code: '', info: 'El cliente especificado no existe' },
    ]);
  });

  it('§6.3 one coupon redeemed by 10 concurrent requests is redeemed once', async () => {
    await promoPost(h, token, '/promo/api/rest/coupons/admin', {
      companyId: 'napse',
      params: [],
      items: [{ operation: 'CREATE', barcode: 'RACE1', type: 'mytype' }],
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        promoPost(h, token, '/promo/api/rest/coupons/admin', {
          companyId: 'napse',
          params: [],
          items: [{ operation: 'REDEEM', barcode: 'RACE1', type: 'mytype' }],
        }),
      ),
    );
    expect(answers.filter((a) => a.json().detail.updated === 1)).toHaveLength(1);
  });

  it('§5.3 customer erasure: D keeps the code with "-" data, R removes the customer and cancels its elements, unknown refused', async () => {
    const res = await promoPost(
      h,
      token,
      '/promo/api/rest/customer/delete',
      {
        companyId: 'napse',
        params: [],
        items: [{ code: 'borrar1', operation: 'D' }],
      },
      'DELETE',
    );
    expect(res.json()).toEqual({
      status: '200',
      description: 'Cliente (s) Eliminado (s)',
      detail: [{ result: 'ok', detail: 'Cliente (s) Eliminado (s)' }],
    });
    expect(await customer('borrar1')).toMatchObject({
      code: 'borrar1',
      name: '-',
      lastName: '-',
      identifier: '-',
      phone: '-',
    });
    const activation = await promoPost(h, token, '/promo/api/rest/cards/admin', {
      companyId: 'napse',
      params: [{ oneActiveCardByCustomer: 'false' }],
      items: [
        { operation: 'ACTIVATION', code: '13000000099', type: '13', customerId: 'borrar2', amount: '5' },
      ],
    });
    expect(activation.json().detail.inserted).toBe(1);
    const total = await promoPost(
      h,
      token,
      '/promo/api/rest/customer/delete',
      {
        companyId: 'napse',
        params: [],
        items: [
          { code: 'borrar2', operation: 'R' },
          { code: 'nadie', operation: 'R' },
        ],
      },
      'DELETE',
    );
    expect(total.json().detail).toEqual([
      { result: 'ok', detail: 'Cliente (s) Eliminado (s)' },
      { result: 'error', detail: 'El cliente nadie no existe' },
    ]);
    expect(await customer('borrar2')).toEqual({});
    const element = await h.request({
      method: 'GET',
      url: '/promo/api/rest/card?companyId=napse&code=13000000099',
      token,
    });
    expect(element.json()).toMatchObject({ status: 'CANCELED', amount: 5 });
    const none = await promoPost(
      h,
      token,
      '/promo/api/rest/customer/delete',
      {
        companyId: 'napse',
        params: [],
        items: [{ code: 'nadie', operation: 'D' }],
      },
      'DELETE',
    );
    expect(none.statusCode).toBe(400);
  });

  it('§5.4 promotion import: I gets new benefit ids; U by code; R by code, by name; a repeated code needs the name', async () => {
    const example = {
      operation: 'I',
      nro: '631642c3cfaa7738300ff900',
      name: 'promo import10',
      code: 'promo import10',
      promotionType: 'tipo 1',
      promotionSubType: 'tipo 1',
      promotionApplicationForm: 'tipo 1',
      reportParticipants: 'false',
      suggest: 'not',
      sets: { set: { name: '631642d4cfaa7738300ff981', type: 'item' } },
      condition: {
        type: 'basic',
        name: 'Exists',
        parameter: { key: 'use-set', value: '631642d4cfaa7738300ff981' },
      },
      benefits: {
        benefit: {
          instance: 'PercentageDiscount',
          nro: '631642c3cfaa7738300ff97f',
          parameter: [
            { key: 'displayMessage', value: 'promo import' },
            { key: 'printerMessage', value: 'promo import' },
            { key: 'TLOGMessage', value: 'promo import' },
            { key: 'applicationMethod', value: 'resume' },
            { key: 'prorationMethod', value: 'proportional' },
            { key: 'applicationPriceType', value: 'benefited-price' },
            { key: 'name', value: '631642c3cfaa7738300ff97e' },
            { key: 'percent', value: '10' },
            { key: 'unit', value: 'qty' },
            { key: 'prorateBCP', value: 'false' },
            { key: 'recoveryValue', value: '0' },
            { key: 'recoveryType', value: '' },
          ],
          'applied-elements': { 'use-set': [{ name: '631642d4cfaa7738300ff981' }] },
        },
      },
    };
    const { res, monitor } = await load(h, token, '/promo/api/rest/promotion/import', {
      companyId: 'napse',
      promotions: [example, { ...example, operation: 'I' }],
    });
    expect(res.json()).toEqual({
      status: 'Información Recibida OK',
      description: 'La importación de promociones será procesada',
    });
    expect(monitor).toMatchObject({ type: 'promotions', ok: 2, errors: 0 });
    const imported = await promotions('promo import10');
    expect(imported).toHaveLength(2);
    const benefits = imported.map((p) => JSON.parse(p.definition).benefits[0].nro as string);
    expect(benefits[0]).not.toBe('631642c3cfaa7738300ff97f');
    expect(new Set(benefits).size).toBe(2);
    expect(imported[0]!.nro).not.toBe('631642c3cfaa7738300ff900');

    const update = await load(h, token, '/promo/api/rest/promotion/import', {
      companyId: 'napse',
      promotions: [
        { ...example, operation: 'u' },
        { ...example, operation: 'U', name: 'otro nombre' },
        { operation: 'R', code: 'Promo1' },
        { operations: 'R', name: 'Promo Puntos I' },
        { operation: 'R', code: 'nada' },
        { code: 'x' },
      ],
    });
    expect(update.monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [1, 'El código promo import10 está repetido: envíe también el name'],
      [2, 'not found'],
      [5, 'not found'],
      [6, 'Operación inválida: . Use I, U o R'],
    ]);
    expect((await promotions('Promo1'))[0]!.status).toBe('inactive');
    expect((await promotions('PP1'))[0]!.status).toBe('inactive');

    const named = await load(h, token, '/promo/api/rest/promotion/import', {
      companyId: 'napse',
      promotions: [{ ...example, operation: 'R', name: 'promo import10', code: 'promo import10' }],
    });
    expect(named.monitor.errorDetails).toEqual([
      {
        rec: 1,
        code: 'PROMOTION_NOT_FOUND',
        msg: 'El código promo import10 está repetido: envíe también el name',
      },
    ]);

    const foreign = await promoPost(h, token, '/promo/api/rest/promotion/import', {
      companyId: 'otra',
      promotions: [example],
    });
    expect([foreign.statusCode, foreign.json()]).toEqual([
      400,
      { status: 'companyId is Invalid', description: 'Debe enviar el campo companyId válido' },
    ]);
    const empty = await promoPost(h, token, '/promo/api/rest/promotion/import', { companyId: 'napse' });
    expect(empty.json()).toEqual({
      status: 'promotions is Required',
      description: 'Debe enviar el campo promotions',
    });
  });

  it('§6.5 limits: the I example attaches both limits; U redefines, R removes; bad records listed', async () => {
    const { res, monitor } = await load(h, token, '/promo/api/rest/limits', {
      companyId: 'napse',
      limits: [
        {
          operation: 'I',
          promotionName: 'Limites promocionais 3',
          benefitId: LIMITS_BENEFIT,
          limitId: '',
          limitScope: 'RETAILER',
          storeCode: '',
          description: '',
          limitPeriod: 'DAY',
          numberDays: '2',
          limitTypeCode: 'benefiedProductCount',
          value: '4',
        },
        {
          operation: 'I',
          promotionName: 'Limites promocionais 3',
          benefitId: LIMITS_BENEFIT,
          limitId: '',
          limitScope: 'STORE',
          storeCode: 'napse',
          description: '',
          limitPeriod: 'DAY',
          numberDays: '5',
          limitTypeCode: 'benefiedProductCount',
          value: '2',
        },
        {
          operation: 'I',
          promotionName: 'Limites da promoção 3',
          benefitId: LIMITS_BENEFIT,
          limitScope: 'STORE',
          storeCode: 'napse',
          limitPeriod: 'DAY',
          numberDays: '5',
          limitTypeCode: 'benefiedProductCount',
          value: '2',
        },
        {
          operation: 'I',
          promotionName: 'Limites promocionais 3',
          benefitId: LIMITS_BENEFIT,
          limitScope: 'GALAXY',
          limitTypeCode: 'benefiedProductCount',
          value: '2',
        },
      ],
    });
    expect(res.json().description).toBe('limits');
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [3, 'La promoción Limites da promoção 3 no existe'],
      [4, 'El campo limitScope debe ser RETAILER, STORE o CUSTOMER'],
    ]);
    const limits = await h.deps.db
      .selectFrom('promotion_limits')
      .select(['id', 'scope', 'store_code', 'period_days', 'type', 'max', 'benefit_nro'])
      .where('merchant_id', '=', merchantId)
      .where('benefit_nro', '=', LIMITS_BENEFIT)
      .orderBy('scope')
      .execute();
    expect(limits.map((l) => [l.scope, l.store_code, l.period_days, l.type, Number(l.max)])).toEqual([
      ['retailer', null, 2, 'quantity', 4],
      ['store', 'napse', 5, 'quantity', 2],
    ]);
    const retailer = limits[0]!.id;
    const change = await load(h, token, '/promo/api/rest/limits', {
      companyId: 'napse',
      limits: [
        {
          operation: 'U',
          limitId: retailer,
          limitScope: 'RETAILER',
          storeCode: '',
          description: '',
          limitPeriod: 'DAY',
          numberDays: '2',
          limitTypeCode: 'benefiedProductCount',
          value: '5',
        },
        { operation: 'R', limitId: limits[1]!.id },
        { operation: 'R', limitId: 'lim_nada' },
      ],
    });
    expect(change.monitor.errorDetails).toEqual([{ rec: 3, code: 'LIMIT_NOT_FOUND', msg: 'not found' }]);
    const after = await h.deps.db
      .selectFrom('promotion_limits')
      .select(['id', 'max'])
      .where('benefit_nro', '=', LIMITS_BENEFIT)
      .execute();
    expect(after.map((l) => [l.id, Number(l.max)])).toEqual([[retailer, 5]]);
    const refused = await promoPost(h, token, '/promo/api/rest/limits', { companyId: 'napse' });
    expect(refused.json()).toEqual({
      status: '400',
      description: 'limits',
      detail: { result: 'error', detail: 'El campo limits es requerido' },
    });
  });
});
