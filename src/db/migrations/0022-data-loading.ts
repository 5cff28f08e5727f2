import type { Kysely } from 'kysely';

/**
 * Frozen: data loading into the engine.
 * - import_payloads: the content an asynchronous import received, kept until (and after) it is processed, so
 *   a queued import survives a restart and the monitor can show what was sent.
 * - catalog_entries: merchant catalogs of codes (brands, stores, items, payment codes ...); some catalogs
 *   allow a repeated code, so the key is an id and (merchant, catalog, code) is only an index.
 * - price_list_items: a store's base price list, one row per sku, prices in minor units.
 * - redeem_benefits: products that can be bought with points (a store, or "-" for every store).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_payloads')
    .addColumn('import_id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('catalog', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_entries_code_idx')
    .on('catalog_entries')
    .columns(['merchant_id', 'catalog', 'code'])
    .execute();

  await db.schema
    .createTable('price_list_items')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('sale_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_list_items_pk', ['merchant_id', 'store_code', 'sku'])
    .execute();

  await db.schema
    .createTable('redeem_benefits')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('points_hundredths', 'bigint', (c) => c.notNull())
    .addColumn('discount_hundredths', 'bigint', (c) => c.notNull())
    .addColumn('discount_type', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('redeem_benefits_pk', ['merchant_id', 'store_code', 'product_code'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
