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
