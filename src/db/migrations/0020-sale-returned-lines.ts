import type { Kysely } from 'kysely';

/**
 * Frozen: what a sale has had returned, per purchase line (JSON `{ lineNo: minor units }`, cumulative),
 * written by each return in the same conditional update as the sale's totals. Returns plan what they take
 * back of the sale's promotions from it. Null: nothing returned yet, or returns recorded before this column
 * (their `returned_minor` is then spread over the lines as one return by amount).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sales').addColumn('returned_lines', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
