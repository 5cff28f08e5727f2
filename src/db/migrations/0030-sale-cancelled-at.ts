import type { Kysely } from 'kysely';

/**
 * Frozen: when a sale was cancelled (written with its status by the cancellation), so that reports can show
 * the cancellation on its own date (the PROMO promotions report's "Devolución" records). Null: not cancelled,
 * or cancelled before this column (reports then date the cancellation at the sale).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sales').addColumn('cancelled_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
