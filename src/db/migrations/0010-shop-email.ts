import { sql, type Kysely } from 'kysely';

/**
 * Frozen: one Fidelisa shop per (provider, e-mail). Concurrent shops/init calls for one e-mail each found
 * none and each created a merchant (PostgreSQL); the unique index makes the second insert fail, and init
 * then answers the shop the first one created. Both databases support partial unique indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('merchants_provider_email_uq')
    .on('merchants')
    .columns(['provider_id', 'contact_email'])
    .unique()
    .where(sql.ref('contact_email'), 'is not', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
