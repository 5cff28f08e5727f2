import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** Reference catalogs of customer data: 'country', 'state', 'city', 'identification-type', 'gender', 'customer-type'. */
export async function saveReferenceCode(
  db: Kysely<DB>,
  row: {
    merchantId: string;
    catalog: string;
    code: string;
    description: string;
    parent: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('reference_codes')
    .values({
      merchant_id: row.merchantId,
      catalog: row.catalog,
      code: row.code,
      description: row.description,
      parent: row.parent,
      created_at: row.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['merchant_id', 'catalog', 'code'])
        .doUpdateSet({ description: row.description, parent: row.parent }),
    )
    .execute();
}

export async function listReferenceCodes(db: Kysely<DB>, merchantId: string, catalog: string) {
  return db
    .selectFrom('reference_codes')
    .select(['code', 'description', 'parent'])
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .orderBy('code')
    .execute();
}

/** 'empty' when the merchant has loaded no code in this catalog (nothing to check against). */
export async function referenceCodeKnown(
  db: Kysely<DB>,
  merchantId: string,
  catalog: string,
  code: string,
): Promise<'known' | 'unknown' | 'empty'> {
  const rows = await db
    .selectFrom('reference_codes')
    .select('code')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .limit(1)
    .execute();
  if (rows.length === 0) return 'empty';
  const exact = await db
    .selectFrom('reference_codes')
    .select('code')
    .where('merchant_id', '=', merchantId)
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .executeTakeFirst();
  return exact ? 'known' : 'unknown';
}

export async function saveAgreement(
  db: Kysely<DB>,
  row: { id: string; merchantId: string; code: string; name: string; active: boolean; now: string },
): Promise<void> {
  await db
    .insertInto('agreements')
    .values({
      id: row.id,
      merchant_id: row.merchantId,
      code: row.code,
      name: row.name,
      active: row.active ? 1 : 0,
      created_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'code']).doUpdateSet({ name: row.name, active: row.active ? 1 : 0 }),
    )
    .execute();
}

export async function findAgreement(db: Kysely<DB>, merchantId: string, code: string) {
  const row = await db
    .selectFrom('agreements')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { id: row.id, code: row.code, name: row.name, active: Number(row.active) === 1 } : undefined;
}
