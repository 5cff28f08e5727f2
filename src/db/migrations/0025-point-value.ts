import type { Kysely } from 'kysely';

/** Frozen: the money value of a program's points (minor units per 100 points), null = not valued. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('point_value_per_100', 'integer').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
