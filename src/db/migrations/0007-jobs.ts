import type { Kysely } from 'kysely';

/**
 * Frozen: the job runner's table. One row per scheduled job; a process runs a job only after claiming its
 * row with one conditional update (due, and no live lease), so N processes on one database run each job once
 * per period, and a crashed runner's lease runs out and another process takes the job over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('runs', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
