import type { Kysely } from 'kysely';

/**
 * Frozen: what the compatibility APIs need besides the engine's tables. Aliases keep the vendors'
 * identifiers (Fidelisa's 32-hex uuids, ...) as stable names of native records; provider and shop keys sign
 * Fidelisa requests (HMAC needs the key itself, so it is stored, not hashed); used jetons make each signed
 * request one-time; the outbox records messages until the messaging engine delivers them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('aliases')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aliases_pk', ['merchant_id', 'kind', 'alias'])
    .addUniqueConstraint('aliases_target_uq', ['kind', 'target_id'])
    .execute();

  await db.schema.alterTable('providers').addColumn('api_key', 'text').execute();
  await db.schema.alterTable('merchants').addColumn('api_key', 'text').execute();
  await db.schema.alterTable('merchants').addColumn('contact_email', 'text').execute();

  await db.schema
    .createTable('used_jetons')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('jeton', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('used_jetons_pk', ['scope', 'jeton'])
    .execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_status_idx').on('outbox_messages').columns(['status', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
