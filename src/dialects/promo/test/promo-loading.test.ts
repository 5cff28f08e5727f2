/**
 * PROMO data loading (spec §5) against the demo company napse, on both databases: the manual's catalog,
 * customer, exclusion-date, redeem, element-assignment and price-list examples replayed through the import
 * queue, each documented refusal, per-item errors that never lose the good items, and the monitor states.
 * The clock is fixed in July 2023 so that the exclusion-date example's dates are still ahead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueImport } from '../../../app/loading/import-queue.js';
import { runPromoImports } from '../loading/import-job.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { finished, load, promoPost } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

const OK_DETAIL =
  'Se generó con éxito el registro de importación. Puede ver su estado correspondiente en el monitor de importación.';
const catalog = (name: string, items: unknown[], params: unknown[] = []) => ({
  companyId: 'napse',
  catalog: name,
  params,
  items,
});

describe.each(databases())('PROMO data loading on $kind', (target) => {
  let h: Harness;
  let token: string;
  let merchantId: string;
  const customer = async (code: string) =>
    (
      await h.request({ method: 'GET', url: `/promo/api/rest/customer?companyId=napse&code=${code}`, token })
    ).json();
  const card = async (code: string) =>
    (
      await h.request({ method: 'GET', url: `/promo/api/rest/card?companyId=napse&code=${code}`, token })
    ).json();
  const refused = async (body: unknown, description: string, detail: string) => {
    const res = await promoPost(h, token, '/promo/api/rest/catalogs', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ status: '400', description, detail: { result: 'error', detail } });
  };

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date('2023-07-05T12:00:00Z') });
    token = await promoToken(h);
    const m = await h.deps.db
      .selectFrom('merchants')
      .select('id')
      .where('slug', '=', 'napse')
      .executeTakeFirstOrThrow();
    merchantId = m.id;
  });
  afterAll(() => h.close());

  it('§5.2.1 catalogBrand example: the documented envelope, then the import record (3 inserted)', async () => {
    const { res, monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('catalogBrand', [
        { code: '1', name: 'Nintendo', operation: 'I' },
        { code: '2', name: 'Electronic Arts', operation: 'I' },
        { code: '3', name: 'Activision Inc.', operation: 'I' },
      ]),
    );
    expect(res.json()).toEqual({
      status: '200',
      description: 'catalogBrand',
      detail: { result: 'ok', detail: OK_DETAIL },
    });
    expect(monitor).toMatchObject({ type: 'catalogBrand', status: 'PROCESADO', total: 3, ok: 3, errors: 0 });
    const native = await h.request({ method: 'GET', url: '/v1/catalogs/catalogBrand/entries', token });
    expect(native.statusCode).toBe(200);
    expect(native.json().data.map((e: { code: string; name: string }) => [e.code, e.name])).toEqual([
      ['1', 'Nintendo'],
      ['2', 'Electronic Arts'],
      ['3', 'Activision Inc.'],
    ]);
  });

  it('§5.2.3 D deletes by code (+ name), U and R of unknown codes are per-item errors, good items kept', async () => {
    const { monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogBrand', [
        { code: '1', operation: 'D' },
        { code: '9', name: 'Nadie', operation: 'U' },
        { code: '2', name: 'EA', operation: 'U' },
        'not an object',
        { code: '3', operation: 'X' },
        { name: 'sin código', operation: 'I' },
        { code: '4', name: 'Ubisoft', operation: 'UI' },
      ]),
    );
    expect(monitor).toMatchObject({ status: 'PROCESADO', total: 7, ok: 3, errors: 4 });
    expect(monitor.errorDetails).toEqual([
      { rec: 2, code: 'NOT_FOUND', msg: 'not found' },
      { rec: 4, code: 'INVALID_ITEM', msg: 'El registro debe ser un objeto' },
      { rec: 5, code: 'OPERATION_INVALID', msg: 'Operación inválida: X. Use I, U, UI, R o D' },
      { rec: 6, code: 'CODE_REQUIRED', msg: 'El campo code es requerido' },
    ]);
    const native = await h.request({ method: 'GET', url: '/v1/catalogs/catalogBrand/entries', token });
    expect(native.json().data.map((e: { code: string; name: string }) => [e.code, e.name])).toEqual([
      ['2', 'EA'],
      ['3', 'Activision Inc.'],
      ['4', 'Ubisoft'],
    ]);
  });

  it('unique-code catalogs refuse a second insert; D is refused where the manual excludes it', async () => {
    const { monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('catalogItem', [
        { code: 'A1', name: 'Item', unitprice: '10.5', brand: '2', operation: 'I' },
        { code: 'A1', name: 'Item bis', operation: 'I' },
      ]),
    );
    expect(monitor.errorDetails).toEqual([{ rec: 2, code: 'ALREADY_EXISTS', msg: 'already exists' }]);
    const stock = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('catalogItemStock', [{ store: '1', code: 'A1', stock: '4', operation: 'D' }]),
    );
    expect(stock.monitor.errorDetails).toEqual([
      { rec: 1, code: 'OPERATION_NOT_ALLOWED', msg: 'La operación D no aplica al catálogo catalogItemStock' },
    ]);
  });

  it('deleteAllCollectionFirst empties the catalog before loading', async () => {
    await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('catalogZone', [{ code: 'z1', name: 'Norte', operation: 'I' }]),
    );
    await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog(
        'catalogZone',
        [{ code: 'z2', name: 'Sur', operation: 'I' }],
        [{ deleteAllCollectionFirst: 'true' }],
      ),
    );
    const native = await h.request({ method: 'GET', url: '/v1/catalogs/catalogZone/entries', token });
    expect(native.json().data.map((e: { code: string }) => e.code)).toEqual(['z2']);
  });

  it('refuses what cannot be imported, in the catalog envelope', async () => {
    await refused(
      { catalog: 'catalogBrand', params: [], items: [] },
      'catalogBrand',
      'El campo companyId es requerido',
    );
    await refused(
      { ...catalog('CatalogExclusionDates', []), companyId: 'otra' },
      'CatalogExclusionDates',
      'El código de compañía otra no pertenece a una compañía existente.',
    );
    await refused(
      catalog('catalogNada', [{ code: '1', operation: 'I' }]),
      'catalogNada',
      'El catálogo catalogNada no existe',
    );
    await refused(
      { ...catalog('catalogBrand', []), params: { a: 1 } },
      'catalogBrand',
      'El campo params debe ser una lista de objetos {"clave": "valor"}',
    );
    await refused(
      { companyId: 'napse', catalog: 'catalogBrand', params: [] },
      'catalogBrand',
      'El campo items es requerido',
    );
    await refused(catalog('catalogBrand', []), 'catalogBrand', 'El campo items no puede estar vacío');
    const many = Array.from({ length: 1001 }, (_, i) => ({ code: String(i), name: 'x', operation: 'I' }));
    await refused(
      catalog('catalogBrand', many),
      'catalogBrand',
      'Se superó el máximo de 1000 items por solicitud',
    );
    await refused(
      catalog('Card', [{ code: '1', operation: 'I' }], [{ deleteAllCollectionFirst: 'true' }]),
      'Card',
      'El parámetro deleteAllCollectionFirst no aplica al catálogo Card',
    );
    await refused(
      '{"companyId": "napse", "catalog": "catalogBrand", "items": [',
      '',
      'El cuerpo de la solicitud no es un JSON válido',
    );
    const anonymous = await h.request({
      method: 'POST',
      url: '/promo/api/rest/catalogs',
      payload: catalog('catalogBrand', []),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reference catalogs load in order: a state needs its country, a city its state', async () => {
    const { monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogState', [
        { code: 'bsas', description: 'Buenos Aires', country: 'ar', operation: 'I' },
        { code: 'xx', description: 'Nowhere', country: 'zz', operation: 'I' },
      ]),
    );
    expect(monitor.errorDetails).toEqual([
      { rec: 2, code: 'PARENT_UNKNOWN', msg: 'El código zz no existe en el catálogo CatalogCountry' },
    ]);
    const city = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogCity', [{ code: 'tig', description: 'Tigre', state: 'bsas', operation: 'I' }]),
    );
    expect(city.monitor).toMatchObject({ ok: 1, errors: 0 });
  });

  it('§5.2.2 CatalogCustomer: the example inserts the customer; a bad record is listed, the others count', async () => {
    const alberto = {
      code: 'cod1',
      name: 'Alberto',
      lastName: 'Pérez',
      gender: 'M',
      birthDate: '1950-01-01',
      identificationType: 'le',
      identifier: '11112222',
      identificationExpiration: '2050-01-01',
      nacionality: 'argentino',
      email: '[email protected]',
      customerType: 'vip',
      address: 'diagonal 12 2233',
      addressCountry: 'ar',
      addressState: 'bsas',
      addressCity: 'tig',
      addressPostalCode: '2222',
      phone: '11111111',
      isActive: 'true',
      operation: 'I',
    };
    const { monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogCustomer', [
        alberto,
        { ...alberto, code: 'cod2', identifier: '11113333', operation: 'I' },
        { ...alberto, code: 'cod3', name: '', operation: 'I' },
        { ...alberto, code: 'cod4', birthDate: '1950-13-01', operation: 'I' },
        { ...alberto, code: 'cod5', addressCountry: 'zz', operation: 'I' },
      ]),
    );
    expect(monitor).toMatchObject({ total: 5, ok: 2, errors: 3 });
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [3, 'El campo name es requerido'],
      [4, 'El campo birthDate debe tener el formato yyyy-MM-dd'],
      [5, 'El código zz no existe en el catálogo CatalogCountry'],
    ]);
    expect(await customer('cod1')).toMatchObject({
      code: 'cod1',
      name: 'Alberto',
      lastName: 'Pérez',
      identifier: '11112222',
    });
    const update = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogCustomer', [
        { ...alberto, operation: 'R' },
        { ...alberto, code: 'cod2', identifier: '11113333', phone: '22222222', operation: 'U' },
        { ...alberto, code: 'nadie', operation: 'U' },
      ]),
    );
    expect(update.monitor).toMatchObject({ ok: 2, errors: 1 });
    expect(update.monitor.errorDetails).toEqual([{ rec: 3, code: 'NOT_FOUND', msg: 'not found' }]);
    expect(await customer('cod1')).toEqual({});
    expect(await customer('cod2')).toMatchObject({ phone: '22222222' });
  });

  it('§5.5 CatalogExclusionDates example: duplicates once, R removes, past and out-of-validity dates ignored', async () => {
    const exclusions = () =>
      h.deps.db
        .selectFrom('promotion_exclusions as x')
        .innerJoin('promotions as p', 'p.nro', 'x.promotion_nro')
        .select(['p.name', 'x.store_code', 'x.date'])
        .where('x.merchant_id', '=', merchantId)
        .orderBy('p.name')
        .orderBy('x.date')
        .execute();
    // Promo Puntos III has an exclusion on 2023-07-11 that the example's R removes.
    await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogExclusionDates', [
        { storeCode: '3', promotionName: 'Promo Puntos III', exclusionDates: ['2023-07-11'], operation: 'I' },
      ]),
    );
    const { res, monitor } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogExclusionDates',
      params: [],
      items: [
        {
          storeCode: '3',
          promotionName: 'Promo Puntos I',
          exclusionDates: ['2023-07-10', '2023-07-11', '2023-07-12', '2023-07-12'],
          operation: 'U',
        },
        {
          storeCode: '3',
          promotionName: 'Promo Descuento por Convenio',
          exclusionDates: ['2023-07-10'],
          operation: 'I',
        },
        { storeCode: '3', promotionName: 'Promo Puntos III', exclusionDates: ['2023-07-11'], operation: 'R' },
      ],
    });
    expect(res.json()).toEqual({
      status: '200',
      description: 'CatalogExclusionDates',
      detail: { result: 'ok', detail: OK_DETAIL },
    });
    expect(monitor).toMatchObject({ ok: 3, errors: 0 });
    expect(await exclusions()).toEqual([
      { name: 'Promo Descuento por Convenio', store_code: '3', date: '2023-07-10' },
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-10' },
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-11' },
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-12' },
    ]);
    const rules = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('CatalogExclusionDates', [
        {
          storeCode: '3',
          promotionName: 'Promo Puntos I',
          exclusionDates: ['2023-07-01', '2023-08-15', '2023-07-20', '2023-07-10'],
          operation: 'U',
        },
        { storeCode: '3', promotionName: 'Promo Puntos I', exclusionDates: ['2023-07-02'], operation: 'I' },
        { storeCode: '3', promotionName: 'No existe', exclusionDates: ['2023-07-20'], operation: 'I' },
        { storeCode: '3', promotionName: '', exclusionDates: ['2023-07-10'], operation: 'R' },
      ]),
    );
    expect(rules.monitor.errorDetails).toEqual([
      { rec: 2, code: 'DATES_IGNORED', msg: 'Fechas ignoradas: 2023-07-02 (fecha pasada)' },
      { rec: 3, code: 'PROMOTION_NOT_FOUND', msg: 'La promoción No existe no existe' },
    ]);
    expect(rules.monitor.counts).toMatchObject({ datesAdded: 1, datesIgnored: 3 });
    // 2023-07-20 added once (07-10 already there); then R with "" removed 07-10 of every promotion of store 3.
    expect(await exclusions()).toEqual([
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-11' },
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-12' },
      { name: 'Promo Puntos I', store_code: '3', date: '2023-07-20' },
    ]);
  });

  it('§5.6 CatalogRedeemBenefit example; discountType other than perc/fix/nprice is an item error', async () => {
    const { monitor } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogRedeemBenefit',
      params: [],
      items: [
        { store: '1', code: '10', points: '10.5', discountValue: '15', discountType: 'perc', operation: 'I' },
        { store: '1', code: '20', points: '20.5', discountValue: '20', discountType: 'fix', operation: 'I' },
        { store: '-', code: '30', points: '50', discountValue: '25', discountType: 'nprice', operation: 'I' },
        { store: '-', code: '40', points: '5', discountValue: '25', discountType: 'gratis', operation: 'I' },
      ],
    });
    expect(monitor.errorDetails).toEqual([
      { rec: 4, code: 'DISCOUNT_TYPE_INVALID', msg: 'El campo discountType debe ser perc, fix o nprice' },
    ]);
    const native = (await h.request({ method: 'GET', url: '/v1/redeem-benefits', token })).json();
    expect(
      native.data.map((r: Record<string, unknown>) => [
        r.storeCode,
        r.productCode,
        r.pointsHundredths,
        r.discountHundredths,
        r.discountType,
      ]),
    ).toEqual([
      ['-', '30', 5000, 2500, 'new-price'],
      ['1', '10', 1050, 1500, 'percentage'],
      ['1', '20', 2050, 2000, 'fixed'],
    ]);
  });

  it('§5.7 CatalogCardAssign example: the customer is created, the element assigned with its amount', async () => {
    const { res, monitor } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogCardAssign',
      params: [{ cardType: 'tipo1' }, { contract: 'convenio1' }],
      items: [
        {
          operation: 'I',
          id: '1111000000030',
          customer: 'codCliente1',
          amount: '90.37',
          name: 'Juan',
          surname: 'Perez',
          gender: 'hom',
          birthDate: '19900506',
          idType: 'dni',
          identifier: '33334444',
          idDate: '21001005',
          nacionality: 'Argentina',
          email: '[email protected]',
          customerType: 'gold',
          address: 'Urquiza 20',
          country: 'ar',
          state: 'bsas',
          city: 'tig',
          postalCode: '7669',
          phone: '2222-4444',
        },
      ],
    });
    expect(res.json().description).toBe('CatalogCardAssign');
    expect(monitor).toMatchObject({ ok: 1, errors: 0, counts: { customersCreated: 1 } });
    expect(await customer('codCliente1')).toMatchObject({
      name: 'Juan',
      lastName: 'Perez',
      identifier: '33334444',
    });
    expect(await card('1111000000030')).toMatchObject({ customerId: 'codCliente1', amount: 90.37 });
  });

  it('§5.7 the documented sequence 100, +50, -20 gives 100, 150, 130; and the five customer cases', async () => {
    const assign = (items: unknown[]) =>
      load(h, token, '/promo/api/rest/catalogs', {
        companyId: 'napse',
        catalog: 'CatalogCardAssign',
        params: [{ cardType: 'verano' }, { contract: 'c1' }],
        items,
      });
    const item = {
      operation: 'I',
      id: '1234000000000',
      customer: 'emc',
      name: 'E',
      surname: 'MC',
      identifier: '4242',
    };
    for (const [amount, expected] of [
      ['100', 100],
      ['+50', 150],
      ['-20', 130],
    ] as const) {
      const { monitor } = await assign([{ ...item, amount }]);
      expect(monitor).toMatchObject({ ok: 1, errors: 0 });
      expect((await card('1234000000000')).amount).toBe(expected);
    }
    const { monitor } = await assign([
      { ...item, customer: 'otro', amount: '1' },
      { ...item, customer: '', amount: '1' },
      { ...item, id: '1234999999999', amount: '1' },
      { ...item, id: '1111000000040', amount: '1' },
      { ...item, amount: '-500' },
      { ...item, amount: 'diez' },
      { ...item, operation: 'R', amount: '1' },
    ]);
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [1, 'El elemento tiene otro cliente asociado en la base de datos'],
      [2, 'El campo customer es obligatorio'],
      [3, 'El elemento de fidelidad no existe'],
      [4, 'El elemento de fidelidad no es del tipo informado en cardType'],
      [5, 'El monto del elemento no puede quedar negativo'],
      [6, 'El campo amount es inválido: "diez" is not a decimal amount with at most 2 decimals'],
      [7, 'La operación R no aplica al catálogo CatalogCardAssign'],
    ]);
    expect((await card('1234000000000')).amount).toBe(130);
    await refused(
      {
        companyId: 'napse',
        catalog: 'CatalogCardAssign',
        params: [{ cardType: 'verano' }, { contract: 'viejo' }],
        items: [item],
      },
      'CatalogCardAssign',
      'El convenio viejo no está activo',
    );
    await refused(
      { companyId: 'napse', catalog: 'CatalogCardAssign', params: [{ contract: 'c1' }], items: [item] },
      'CatalogCardAssign',
      'El parámetro cardType es requerido',
    );
    await refused(
      {
        companyId: 'napse',
        catalog: 'CatalogCardAssign',
        params: [{ cardType: 'nada' }, { contract: 'c1' }],
        items: [item],
      },
      'CatalogCardAssign',
      'No se encontró el Tipo de tarjeta loyalty',
    );
  });

  it('§5.2.1 Card: I registers (ENABLED active, DISABLED inactive), R cancels; bad status and UI refused', async () => {
    const { monitor } = await load(
      h,
      token,
      '/promo/api/rest/catalogs',
      catalog('Card', [
        {
          code: '2222000000500',
          type: 'tipo2',
          validFrom: '2023-07-01',
          validTo: '2024-06-01',
          amount: '10.5',
          status: 'ENABLED',
          operation: 'I',
        },
        { code: '2222000000501', type: 'tipo2', status: 'DISABLED', operation: 'I' },
        { code: '2222000000502', type: 'tipo2', status: 'PERDIDO', operation: 'I' },
        { code: '2222000000503', type: 'tipo2', status: 'ENABLED', operation: 'UI' },
        { code: '2222000000504', type: 'nada', status: 'ENABLED', operation: 'I' },
        { code: '2222000000500', type: 'tipo2', operation: 'R' },
      ]),
    );
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [3, 'El campo status debe ser ENABLED, DISABLED o CANCELED'],
      [4, 'La operación UI no aplica al catálogo Card'],
      [5, 'No se encontró el Tipo de tarjeta loyalty'],
    ]);
    expect(await card('2222000000500')).toMatchObject({ status: 'CANCELED', amount: 10.5 });
    expect(await card('2222000000501')).toMatchObject({ status: 'DISABLED' });
  });

  it('§5.1 Lista Zero: the example is received and stored in minor units; bad items listed; refusals', async () => {
    const body = {
      companyId: 'napse',
      store: 'napse',
      items: [
        {
          sku: '0527-1537',
          salePrice: 69406.77,
          costPrice: 50942.13,
          saleCreditPrice: 119716.68,
          magnitudePrice: 829,
          measuredUnit: 'cm3',
          supplierItem: 'PR3',
          supplierFinancial: 'PR2',
          supplierItemAmount: 52471,
          supplierFinancialAmount: 53604,
          saleWholesalePrice: 31858,
          saleWholesaleLimit: 6081,
          limit: 794,
          enabledDate: '2018-12-25T10:42:25Z',
          discountable: true,
          manualDiscount: false,
        },
        { sku: 'B', salePrice: 1.234 },
        { salePrice: 1 },
        { sku: 'C', salePrice: '5' },
      ],
    };
    const { res, monitor } = await load(h, token, '/promo/api/rest/priceList', body);
    expect(res.json()).toEqual({
      status: 'Informacion Recibida OK',
      description: 'La lista de precios será procesada',
    });
    expect(monitor).toMatchObject({ type: 'priceList', ok: 2, errors: 2 });
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [2, 'El campo salePrice debe ser un número no negativo con hasta 2 decimales'],
      [3, 'El campo sku es requerido'],
    ]);
    const items = (await h.request({ method: 'GET', url: '/v1/price-lists/napse/items', token })).json().data;
    expect(items[0]).toMatchObject({
      sku: '0527-1537',
      salePriceMinor: 6940677,
      enabledAt: '2018-12-25T10:42:25.000Z',
      details: {
        costPriceMinor: 5094213,
        saleCreditPriceMinor: 11971668,
        discountable: true,
        manualDiscount: false,
        limit: 794,
      },
    });
    expect(items[1]).toMatchObject({
      sku: 'C',
      salePriceMinor: 500,
      details: { discountable: true, manualDiscount: true },
    });
    const no = await promoPost(h, token, '/promo/api/rest/priceList', { store: 'napse', items: [] });
    expect([no.statusCode, no.json()]).toEqual([
      400,
      { status: 'companyId is Required', description: 'Debe enviar el campo companyId' },
    ]);
    const bad = await promoPost(h, token, '/promo/api/rest/priceList', { ...body, companyId: 'otra' });
    expect([bad.statusCode, bad.json()]).toEqual([
      400,
      { status: 'companyId is Invalid', description: 'Debe enviar el campo companyId valido' },
    ]);
    const nostore = await promoPost(h, token, '/promo/api/rest/priceList', { ...body, store: '' });
    expect(nostore.json()).toEqual({
      status: 'store is Required',
      description: 'Debe enviar el campo store',
    });
  });

  it('§5.1 a Lista Zero being processed is locked; a lock left behind frees itself after 15 minutes', async () => {
    const { importId } = await queueImport(h.deps, {
      merchantId,
      kind: 'promo.priceList.3',
      fileName: null,
      createdBy: null,
      body: { companyId: 'napse', store: '3', items: [{ sku: 'L1', salePrice: 2 }] },
    });
    const lockedAt = (minutes: number) =>
      new Date(Date.parse('2023-07-05T12:00:00Z') - minutes * 60_000).toISOString();
    await h.deps.db
      .insertInto('import_locks')
      .values({
        merchant_id: merchantId,
        kind: 'promo.priceList.3',
        import_id: 'imp_other',
        locked_at: lockedAt(10),
      })
      .execute();
    await runPromoImports(h.deps);
    const waiting = await h.request({
      method: 'GET',
      url: `/promo/api/rest/importMonitor?companyId=napse&id=${importId}`,
      token,
    });
    expect(waiting.json().status).toBe('PENDIENTE');
    await h.deps.db
      .updateTable('import_locks')
      .set({ locked_at: lockedAt(16) })
      .where('import_id', '=', 'imp_other')
      .execute();
    expect(await finished(h, token, importId)).toMatchObject({ status: 'PROCESADO', ok: 1 });
  });

  it('import monitor states: PENDIENTE while queued (it survives until a process runs it), then PROCESADO; RECHAZADO', async () => {
    const { importId } = await queueImport(h.deps, {
      merchantId,
      kind: 'promo.catalog.catalogPocket',
      fileName: null,
      createdBy: null,
      body: catalog('catalogPocket', [{ code: 'p1', name: 'Bolsillo', operation: 'I' }]),
    });
    const queued = await h.request({
      method: 'GET',
      url: `/promo/api/rest/importMonitor?companyId=napse&id=${importId}`,
      token,
    });
    expect(queued.json()).toMatchObject({ id: importId, status: 'PENDIENTE', total: 0 });
    const native = await h.request({ method: 'GET', url: `/v1/imports/${importId}`, token });
    expect(native.json()).toMatchObject({ kind: 'promo.catalog.catalogPocket', status: 'queued' });
    expect(await finished(h, token, importId)).toMatchObject({ status: 'PROCESADO', ok: 1 });
    const after = await h.request({ method: 'GET', url: `/v1/imports/${importId}`, token });
    expect(after.json()).toMatchObject({ status: 'accepted', counts: { processed: 1, ok: 1, inserted: 1 } });
    // An assignment whose agreement was withdrawn between acceptance and processing is rejected whole.
    const rejected = await queueImport(h.deps, {
      merchantId,
      kind: 'promo.catalog.CatalogCardAssign',
      fileName: null,
      createdBy: null,
      body: {
        companyId: 'napse',
        catalog: 'CatalogCardAssign',
        params: [{ cardType: 'tipo1' }, { contract: 'viejo' }],
        items: [],
      },
    });
    expect(await finished(h, token, rejected.importId)).toMatchObject({
      status: 'RECHAZADO',
      errorDetails: [{ rec: 0, code: 'CONTRACT_INACTIVE', msg: 'El convenio viejo no está activo' }],
    });
    // A process that died while running an import left it 'running' without a lock: it is queued again.
    const pocket = catalog('catalogPocket', [{ code: 'p2', name: 'Otro', operation: 'I' }]);
    const abandoned = await queueImport(h.deps, {
      merchantId,
      kind: 'promo.catalog.catalogPocket',
      fileName: null,
      createdBy: null,
      body: pocket,
    });
    await h.deps.db
      .updateTable('imports')
      .set({ status: 'running' })
      .where('id', '=', abandoned.importId)
      .execute();
    const recovered = await finished(h, token, abandoned.importId);
    expect(recovered).toMatchObject({ status: 'PROCESADO', ok: 1, content: pocket });
    const list = await h.request({
      method: 'GET',
      url: '/promo/api/rest/importMonitor?companyId=napse&limit=3',
      token,
    });
    expect(list.json().map((r: { id: string }) => r.id)).toEqual([
      abandoned.importId,
      rejected.importId,
      importId,
    ]);
    const unknown = await h.request({
      method: 'GET',
      url: '/promo/api/rest/importMonitor?companyId=napse&id=imp_nada',
      token,
    });
    expect(unknown.statusCode).toBe(404);
    // Reprocessing queues the same content again: the pocket p2 now exists, so the new import lists it.
    const again = await promoPost(h, token, '/promo/api/rest/importMonitor/reprocess', {
      companyId: 'napse',
      id: abandoned.importId,
    });
    expect(again.json()).toEqual({
      status: '200',
      description: 'catalogPocket',
      detail: { result: 'ok', detail: OK_DETAIL },
    });
    const second = await finished(h, token, again.headers['x-import-id'] as string);
    expect(second).toMatchObject({ status: 'PROCESADO', ok: 1, counts: { inserted: 1 } });
    const missing = await promoPost(h, token, '/promo/api/rest/importMonitor/reprocess', {
      companyId: 'napse',
      id: 'imp_nada',
    });
    expect(missing.statusCode).toBe(404);
  });
});
