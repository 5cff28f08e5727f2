/**
 * GDPR and imports not processed yet: erasing a customer (PROMO's D and R deletion, and the native /v1
 * erasure) redacts the stored content of the queued imports that name it: each item naming the customer is
 * replaced by a marker, the other items stay at their places; when the import runs, the marker is listed as
 * an error at its record number, nothing is applied for it, and the other items are applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueImport } from '../../../app/loading/import-queue.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { drainedSoon, runPromoImports } from '../loading/import-job.js';
import { finished, load, promoPost } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

const person = (code: string, n: number, operation = 'I') => ({
  code,
  name: `Nombre${n}`,
  lastName: `Apellido${n}`,
  identificationType: 'dni',
  identifier: String(30_000_000 + n),
  email: `${code}@example.com`,
  birthDate: '1980-01-01',
  operation,
});

const catalog = (items: unknown[]) => ({
  companyId: 'napse',
  catalog: 'CatalogCustomer',
  params: [],
  items,
});

describe.each(databases())('PROMO queued imports and erasure on $kind', (target) => {
  let h: Harness;
  let token: string;
  let napse: string;

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
    napse = (
      await h.deps.db
        .selectFrom('merchants')
        .select('id')
        .where('slug', '=', 'napse')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => h.close());

  const stored = async (importId: string) => {
    const row = await h.deps.db
      .selectFrom('import_payloads')
      .select('body')
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.body) as { items: unknown[] }) : undefined;
  };
  const queued = async (merchantId: string, items: unknown[]) =>
    (
      await queueImport(h.deps, {
        merchantId,
        kind: 'promo.catalog.CatalogCustomer',
        fileName: null,
        createdBy: null,
        body: catalog(items),
      })
    ).importId;
  const customer = async (code: string) =>
    (
      await h.request({ method: 'GET', url: `/promo/api/rest/customer?companyId=napse&code=${code}`, token })
    ).json();

  for (const op of ['D', 'R'] as const) {
    it(`PROMO ${op} deletion: the queued import loses the customer's items, keeps the others; they run`, async () => {
      const code = `gq${op}`;
      await load(h, token, '/promo/api/rest/catalogs', catalog([person(code, 1)]));
      // The upload started a pass over the queue in the background: the import queued below must wait for
      // the erasure, not be taken by that pass before it.
      await drainedSoon(h.deps);
      const other = `gq${op}other`;
      const importId = await queued(napse, [
        { ...person(code, 1, 'U'), name: 'Vuelve' }, // names the customer: redacted
        person(other, 2),
        { code, operation: 'U', email: `${code}@example.com` }, // the e-mail alone names it too
      ]);
      const erased = await promoPost(
        h,
        token,
        '/promo/api/rest/customer/delete',
        { companyId: 'napse', params: [], items: [{ code, operation: op }] },
        'DELETE',
      );
      expect(erased.statusCode).toBe(200);
      const body = await stored(importId);
      expect(body?.items).toEqual([{ erasedItem: true }, person(other, 2), { erasedItem: true }]);
      expect(JSON.stringify(body)).not.toContain(`${code}@example.com`);

      const monitor = await finished(h, token, importId);
      expect(monitor).toMatchObject({ status: 'PROCESADO', total: 3, ok: 1, errors: 2 });
      const message = 'El registro nombraba a un cliente eliminado y fue retirado antes de procesarse';
      expect(monitor.errorDetails).toEqual([
        { rec: 1, code: 'ITEM_ERASED', msg: message },
        { rec: 3, code: 'ITEM_ERASED', msg: message },
      ]);
      expect(await customer(other)).toMatchObject({ name: 'Nombre2' });
      // The erased customer was not given back its name by the queued update.
      expect(JSON.stringify(await customer(code))).not.toContain('Vuelve');
    });
  }

  it('a customer removal (R) redacts the queued imports naming the customer too', async () => {
    const code = 'gqcat';
    await load(h, token, '/promo/api/rest/catalogs', catalog([person(code, 5)]));
    await drainedSoon(h.deps);
    const pending = await queued(napse, [person('otrocat', 6), { ...person(code, 5, 'U'), name: 'Vuelve' }]);
    // Customer administration's R (the removal a CatalogCustomer R item makes too), answered at once.
    const removed = await promoPost(h, token, '/promo/api/rest/customer', {
      companyId: 'napse',
      items: [{ code, operation: 'R' }],
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().detail).toMatchObject({ removed: 1, errors: 0 });
    expect((await stored(pending))?.items).toEqual([person('otrocat', 6), { erasedItem: true }]);
  });

  it('/v1 erasure redacts the queued imports of the merchant that name the customer', async () => {
    const code = 'gqv1';
    const first = await queued(h.merchantId, [person(code, 3)]);
    await runUntilFinished(first);
    const row = await h.deps.db
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', h.merchantId)
      .where('customer_code', '=', code)
      .executeTakeFirstOrThrow();
    const pending = await queued(h.merchantId, [person('otrov1', 4), { ...person(code, 3, 'U') }]);
    const del = await h.request({
      method: 'DELETE',
      url: `/v1/customers/${row.id}`,
      token: await h.adminToken(),
    });
    expect(del.statusCode).toBe(204);
    expect((await stored(pending))?.items).toEqual([person('otrov1', 4), { erasedItem: true }]);
    // The finished import that named the customer lost its content, as before.
    expect(await stored(first)).toBeUndefined();
  });

  /** Runs the queue until the import (of any merchant) is finished. */
  async function runUntilFinished(importId: string) {
    for (let i = 0; i < 100; i++) {
      await runPromoImports(h.deps);
      const r = await h.deps.db
        .selectFrom('imports')
        .select('status')
        .where('id', '=', importId)
        .executeTakeFirst();
      if (r && r.status !== 'queued' && r.status !== 'running') return;
    }
    throw new Error(`import ${importId} did not finish`);
  }
});
