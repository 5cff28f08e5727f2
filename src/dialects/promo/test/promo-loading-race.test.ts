/**
 * Races of PROMO data loading, on both databases: ten CatalogCardAssign imports that each take 20 from an
 * element holding 100, processed by five concurrent passes of the import job (as five processes would),
 * leave it at 0 — five succeed, five are refused per item, never below zero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueImport } from '../../../app/loading/import-queue.js';
import { runPromoImports } from '../loading/import-job.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { load } from './promo-loading-support.js';
import { promoToken } from './promo-support.js';

describe.each(databases())('PROMO import races on $kind', (target) => {
  let h: Harness;
  let token: string;
  let merchantId: string;
  const assign = (amount: string) => ({
    companyId: 'napse',
    catalog: 'CatalogCardAssign',
    params: [{ cardType: 'verano' }, { contract: 'c1' }],
    items: [
      {
        operation: 'U',
        id: '1234000000000',
        customer: 'emc',
        amount,
        name: 'E',
        surname: 'MC',
        identifier: '4242',
      },
    ],
  });

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

  it('10 imports of -20 on an element of 100, five passes at once: 0 left, 5 refused, each import once', async () => {
    const { monitor } = await load(h, token, '/promo/api/rest/catalogs', assign('100'));
    expect(monitor).toMatchObject({ status: 'PROCESADO', ok: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(
        (
          await queueImport(h.deps, {
            merchantId,
            kind: 'promo.catalog.CatalogCardAssign',
            fileName: null,
            createdBy: null,
            body: assign('-20'),
          })
        ).importId,
      );
    const passes = await Promise.all(Array.from({ length: 5 }, () => runPromoImports(h.deps)));
    for (let i = 0; i < 20 && (await pending()) > 0; i++) passes.push(await runPromoImports(h.deps));
    expect(passes.flat().length).toBeGreaterThan(0);
    const records = await h.deps.db
      .selectFrom('imports')
      .select(['status', 'counts'])
      .where('id', 'in', ids)
      .execute();
    const counts = records.map((r) => JSON.parse(r.counts) as Record<string, number>);
    expect(records.every((r) => r.status === 'accepted')).toBe(true);
    // Every import finished with its one item processed.
    expect(counts.every((c) => c.processed === 1)).toBe(true);
    expect(counts.filter((c) => c.ok === 1)).toHaveLength(5);
    expect(counts.filter((c) => c.errors === 1)).toHaveLength(5);
    const element = await h.request({
      method: 'GET',
      url: '/promo/api/rest/card?companyId=napse&code=1234000000000',
      token,
    });
    expect(element.json().amount).toBe(0);
  });

  async function pending(): Promise<number> {
    const rows = await h.deps.db
      .selectFrom('imports')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    return rows.length;
  }
});
