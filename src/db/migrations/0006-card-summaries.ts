import type { Kysely } from 'kysely';

/**
 * Frozen: a per-card summary row (points by state until the next lot changes state, nearest expiry, wallet,
 * purchase figures), so that a balance or a sale costs the same on a card with 2,000 lots as on a new one.
 * Rows are a cache of the ledger: a missing row is computed again from the lots, so nothing is back-filled.
 * Sales keep the plan they were posted with (`plan`, versioned JSON) instead of the HTTP answer. Cards record
 * when their status last changed, so that `tessera check` can flag movements after a block or a replacement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_summaries')
    .addColumn('card_id', 'text', (c) => c.primaryKey().references('cards.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('active', 'bigint', (c) => c.notNull())
    .addColumn('pending', 'bigint', (c) => c.notNull())
    .addColumn('expired', 'bigint', (c) => c.notNull())
    .addColumn('nearest_expiry_amount', 'bigint')
    .addColumn('nearest_expiry_at', 'text')
    .addColumn('in_debt', 'integer', (c) => c.notNull())
    .addColumn('wallet_minor', 'bigint', (c) => c.notNull())
    .addColumn('purchase_count', 'bigint', (c) => c.notNull())
    .addColumn('purchase_amount', 'bigint', (c) => c.notNull())
    .addColumn('first_sale_at', 'text')
    .addColumn('last_sale_at', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('year_count', 'bigint', (c) => c.notNull())
    .addColumn('year_amount', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sales').addColumn('plan', 'text').execute();
  await db.schema.alterTable('cards').addColumn('status_since', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cards').dropColumn('status_since').execute();
  await db.schema.alterTable('sales').dropColumn('plan').execute();
  await db.schema.dropTable('card_summaries').execute();
}
