import type { Kysely } from 'kysely';

/**
 * Frozen: what a store needs to trade on its own: its time zone (IANA name, for local days and opening
 * hours) and its currency (ISO 4217; null means the merchant's). Both nullable so existing stores keep
 * working unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stores').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('stores').addColumn('currency', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
