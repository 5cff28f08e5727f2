/**
 * PROMO imports commit their items in batches (200 per transaction, a savepoint per item): a 450-customer
 * CatalogCustomer import with bad items spread over three batches keeps every good one and lists exactly the
 * bad ones; a CatalogCardAssign item whose element fails after its customer was created leaves no customer
 * behind; a savepoint undoes a failed statement alone, also on PostgreSQL, where it would otherwise abort the
 * whole transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSavepoint } from '../../../db/savepoint.js';
import { inTransaction } from '../../../db/transaction.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { LIMITS_BENEFIT } from '../demo/demo-promo-loading.js';
import { load, promoPost } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

const customerItem = (n: number) => ({
  code: `bat${n}`,
  name: `Nombre${n}`,
  lastName: `Apellido${n}`,
  identificationType: 'dni',
  identifier: String(40_000_000 + n),
  birthDate: '1980-01-01',
  isActive: 'true',
  operation: 'I',
});

describe.each(databases())('PROMO import batches on $kind', (target) => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  it('450 customers in three batches: the good ones all kept, the bad ones listed at their records', async () => {
    const bad = new Map<number, string>([
      [1, 'El campo name es requerido'],
      [200, 'El campo birthDate debe tener el formato yyyy-MM-dd'],
      [201, 'already exists'],
      [399, 'El campo name es requerido'],
      [450, 'already exists'],
    ]);
    const items = Array.from({ length: 450 }, (_, i) => {
      const rec = i + 1;
      const item = customerItem(rec);
      if (rec === 1 || rec === 399) return { ...item, name: '' };
      if (rec === 200) return { ...item, birthDate: '1980-13-01' };
      // Records 201 and 450 insert codes inserted earlier in the same import (one in another batch, one in
      // the same batch): "already exists".
      if (rec === 201) return { ...customerItem(5), identifier: '49999999' };
      if (rec === 450) return { ...customerItem(420), identifier: '49999998' };
      return item;
    });
    const { monitor } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogCustomer',
      params: [],
      items,
    });
    expect(monitor).toMatchObject({ status: 'PROCESADO', total: 450, ok: 445, errors: 5 });
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([...bad.entries()]);
    const codes = await h.deps.db
      .selectFrom('customers')
      .select('customer_code')
      .where('customer_code', 'like', 'bat%')
      .execute();
    expect(codes).toHaveLength(445);
    const get = (code: string) =>
      h.request({ method: 'GET', url: `/promo/api/rest/customer?companyId=napse&code=${code}`, token });
    expect((await get('bat1')).json()).toEqual({});
    expect((await get('bat200')).json()).toEqual({});
    expect((await get('bat2')).json()).toMatchObject({ name: 'Nombre2' });
    expect((await get('bat5')).json()).toMatchObject({ identifier: '40000005' });
    expect((await get('bat420')).json()).toMatchObject({ identifier: '40000420' });
    expect((await get('bat449')).json()).toMatchObject({ name: 'Nombre449' });
  });

  it('CatalogCustomer read and written a batch at a time answers as record by record would', async () => {
    // A code held by a row the import cannot see (an erased customer that kept its code): the batch's
    // multi-row insert fails on the unique code, is undone, and its records are applied one by one.
    await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogCustomer',
      params: [],
      items: [customerItem(7000)],
    });
    await h.deps.db
      .updateTable('customers')
      .set({ erased_at: '2026-01-01T00:00:00Z' })
      .where('customer_code', '=', 'bat7000')
      .execute();
    const { monitor } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogCustomer',
      params: [],
      items: [
        customerItem(7001), // 1 inserted
        { ...customerItem(7001), name: 'Otro', operation: 'U' }, // 2 updates the record inserted by 1
        { ...customerItem(7002), operation: 'UI' }, // 3 inserted
        { ...customerItem(7003), operation: 'U' }, // 4 not found
        { code: 'bat7001', operation: 'R' }, // 5 removes 1 (alone, after the run before it)
        { ...customerItem(7001), name: 'Nuevo' }, // 6 the code is free again: inserted
        customerItem(7000), // 7 the hidden code: already exists, after the fallback
        customerItem(7004), // 8 inserted
      ],
    });
    const errors = monitor.errorDetails.map((e) => [e.rec, e.msg]);
    expect(errors).toEqual([
      [4, 'not found'],
      [7, 'already exists'],
    ]);
    expect(monitor.counts).toMatchObject({ removed: 1, updated: 1 });
    const get = async (code: string) =>
      (
        await h.request({
          method: 'GET',
          url: `/promo/api/rest/customer?companyId=napse&code=${code}`,
          token,
        })
      ).json();
    expect(await get('bat7001')).toMatchObject({ name: 'Nuevo', identifier: '40007001' });
    expect(await get('bat7002')).toMatchObject({ name: 'Nombre7002' });
    expect(await get('bat7003')).toEqual({});
    expect(await get('bat7004')).toMatchObject({ name: 'Nombre7004' });
    const refs = await h.deps.db
      .selectFrom('customers')
      .select(['ref', 'customer_code'])
      .where('customer_code', 'in', ['bat7002', 'bat7001', 'bat7004'])
      .orderBy('ref')
      .execute();
    // References handed out in record order.
    expect(refs.map((r) => r.customer_code)).toEqual(['bat7002', 'bat7001', 'bat7004']);
  });

  it('Lista Zero in batches: 250 prices, the bad ones listed at their records, every good one saved', async () => {
    const badAt = new Set([1, 200, 201, 250]);
    const items = Array.from({ length: 250 }, (_, i) =>
      badAt.has(i + 1) ? { sku: `lz${i + 1}`, salePrice: -1 } : { sku: `lz${i + 1}`, salePrice: i + 1 },
    );
    const { monitor } = await load(h, token, '/promo/api/rest/priceList', {
      companyId: 'napse',
      store: 'napse',
      items,
    });
    expect(monitor).toMatchObject({ total: 250, ok: 246, errors: 4 });
    expect(monitor.errorDetails.map((e) => e.rec)).toEqual([...badAt]);
    const saved = await h.deps.db
      .selectFrom('price_list_items')
      .select(['sku', 'sale_price_minor'])
      .where('sku', 'like', 'lz%')
      .execute();
    expect(saved).toHaveLength(246);
    expect(saved.find((r) => r.sku === 'lz202')).toMatchObject({ sale_price_minor: 20200 });
  });

  it('promotion import in a batch: a bad promotion between good ones is listed alone', async () => {
    const promotion = (name: string) => ({
      operation: 'I',
      name,
      code: name,
      condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 's1' } },
      sets: { set: { name: 's1', type: 'item' } },
      benefits: {
        benefit: {
          instance: 'PercentageDiscount',
          parameter: [
            { key: 'percent', value: '10' },
            { key: 'unit', value: 'qty' },
          ],
          'applied-elements': { 'use-set': [{ name: 's1' }] },
        },
      },
    });
    const { monitor } = await load(h, token, '/promo/api/rest/promotion/import', {
      companyId: 'napse',
      promotions: [
        promotion('lote a'),
        { ...promotion('lote mala'), benefits: 'ninguno' },
        promotion('lote b'),
        { operation: 'R', name: 'lote a' },
        { operation: 'U', code: 'lote nada' },
        promotion('lote c'),
      ],
    });
    expect(monitor).toMatchObject({ total: 6, ok: 4, errors: 2 });
    expect(monitor.errorDetails.map((e) => e.rec)).toEqual([2, 5]);
    const rows = await h.deps.db
      .selectFrom('promotions')
      .select(['name', 'status'])
      .where('name', 'like', 'lote%')
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: 'lote a', status: 'inactive' },
      { name: 'lote b', status: 'active' },
      { name: 'lote c', status: 'active' },
    ]);
  });

  it('limit import in a batch: bad limits between good ones are listed alone', async () => {
    const count = async () =>
      (
        await h.deps.db
          .selectFrom('promotion_limits')
          .select('id')
          .where('benefit_nro', '=', LIMITS_BENEFIT)
          .execute()
      ).length;
    const before = await count();
    const limit = (over: Record<string, unknown>) => ({
      operation: 'I',
      promotionName: 'Limites promocionais 3',
      benefitId: LIMITS_BENEFIT,
      limitScope: 'RETAILER',
      limitPeriod: 'UNDEFINED',
      limitTypeCode: 'benefitApplicationCount',
      value: '3',
      ...over,
    });
    const { monitor } = await load(h, token, '/promo/api/rest/limits', {
      companyId: 'napse',
      limits: [
        limit({}),
        limit({ limitScope: 'GALAXY' }),
        limit({ promotionName: 'Ninguna' }),
        limit({ limitScope: 'STORE', storeCode: 'napse' }),
        { operation: 'R', limitId: '0123456789abcdef01234567' },
      ],
    });
    expect(monitor.errorDetails.map((e) => [e.rec, e.msg])).toEqual([
      [2, 'El campo limitScope debe ser RETAILER, STORE o CUSTOMER'],
      [3, 'La promoción Ninguna no existe'],
      [5, 'not found'],
    ]);
    expect(await count()).toBe(before + 2);
  });

  it('a savepoint undoes its failed statement alone; the transaction goes on and commits', async () => {
    const alias = (n: string) => ({
      merchant_id: 'm_batches',
      kind: 'company-code' as const,
      alias: n,
      target_id: `t_${n}`,
      created_at: '2026-01-01T00:00:00Z',
    });
    await inTransaction(h.deps.db, async (tx) => {
      await tx.insertInto('aliases').values(alias('a')).execute();
      // A unique violation inside the savepoint: on PostgreSQL the transaction would be aborted without it.
      await expect(
        inSavepoint(
          tx,
          () => tx.insertInto('aliases').values(alias('a')).execute(),
          () => true,
        ),
      ).rejects.toThrow();
      // Kept: false undoes what the savepoint wrote, even without an error.
      await inSavepoint(
        tx,
        () => tx.insertInto('aliases').values(alias('b')).execute(),
        () => false,
      );
      await inSavepoint(
        tx,
        () => tx.insertInto('aliases').values(alias('c')).execute(),
        () => true,
      );
    });
    const rows = await h.deps.db
      .selectFrom('aliases')
      .select('alias')
      .where('merchant_id', '=', 'm_batches')
      .orderBy('alias')
      .execute();
    expect(rows.map((r) => r.alias)).toEqual(['a', 'c']);
  });
  it('GDPR: erasing a customer drops the stored content of the finished imports that named it', async () => {
    const item = { ...customerItem(9001), code: 'gdpr1', email: 'gdpr1@example.com' };
    const { res } = await load(h, token, '/promo/api/rest/catalogs', {
      companyId: 'napse',
      catalog: 'CatalogCustomer',
      params: [],
      items: [item],
    });
    const importId = res.headers['x-import-id'] as string;
    const stored = () =>
      h.deps.db.selectFrom('import_payloads').select('body').where('import_id', '=', importId).execute();
    expect(await stored()).toHaveLength(1);
    const erased = await promoPost(
      h,
      token,
      '/promo/api/rest/customer/delete',
      { companyId: 'napse', params: [], items: [{ code: 'gdpr1', operation: 'D' }] },
      'DELETE',
    );
    expect(erased.statusCode).toBe(200);
    expect(await stored()).toEqual([]);
  });
});
