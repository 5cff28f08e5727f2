import type { Kysely } from 'kysely';

/**
 * Frozen: a program's settings version, raised by every update of its settings. Sales and balances read it
 * with the card (one column) and keep the parsed program in memory while it is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
