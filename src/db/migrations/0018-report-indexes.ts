import type { Kysely } from 'kysely';

/**
 * Frozen: indexes for the dashboard's reports (/v1/reports), which aggregate one merchant's sales and ledger
 * movements over a period and its lots by expiry date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('sales_merchant_sold_idx')
    .on('sales')
    .columns(['merchant_id', 'sold_at'])
    .execute();
  await db.schema
    .createIndex('movements_merchant_created_idx')
    .on('movements')
    .columns(['merchant_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('lots_merchant_expiry_idx')
    .on('lots')
    .columns(['merchant_id', 'expires_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
