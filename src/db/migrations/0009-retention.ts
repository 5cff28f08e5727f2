import type { Kysely } from 'kysely';

/**
 * Frozen: the integration log keeps, for a request nobody authenticated, only its address and a digest of
 * its body (never the body); the retention job deletes old rows by creation time, so each table it cleans
 * gets an index on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('integration_log').addColumn('address', 'text').execute();
  await db.schema.alterTable('integration_log').addColumn('body_digest', 'text').execute();
  await db.schema
    .createIndex('integration_log_created_idx')
    .on('integration_log')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created_idx')
    .on('idempotency_keys')
    .column('created_at')
    .execute();
  await db.schema.createIndex('used_jetons_created_idx').on('used_jetons').column('created_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
