import type { Kysely } from 'kysely';

/**
 * Frozen: what the promotion queries need beyond 0016. A map version keeps the grammar objects its
 * promotions were posted as (`sources`, JSON; null for versions made before), so that it is exported in the
 * grammar's XML form as it was frozen. Coupons and their history events keep the external transaction id of
 * the sale that issued or used them (a till's receipt id, e.g. napse_1_1_20210624173439).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('promotion_maps').addColumn('sources', 'text').execute();
  await db.schema.alterTable('coupons').addColumn('transaction_id', 'text').execute();
  await db.schema.alterTable('coupon_history').addColumn('transaction_id', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
