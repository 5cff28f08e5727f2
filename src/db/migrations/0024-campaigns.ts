import { type Kysely } from 'kysely';

/**
 * Frozen: campaigns and automations (issue 16). A campaign is an audience (JSON filters), a channel and a
 * template, launched once by the job runner under a lease, with its progress (keyset cursor, messages
 * queued); one message per customer is guaranteed by the outbox idempotency key. An automation is one per
 * merchant and kind (birthday, points expiring, welcome, tier reached). Campaign results are counted from
 * the outbox by source, hence the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('schedule_at', 'text')
    .addColumn('per_minute', 'integer')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('cursor', 'text')
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('launched_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaigns_merchant_idx')
    .on('campaigns')
    .columns(['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('campaigns_due_idx')
    .on('campaigns')
    .columns(['status', 'schedule_at'])
    .execute();

  await db.schema
    .createTable('automations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('days_before', 'integer')
    .addColumn('voucher', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('automations_kind_uq')
    .on('automations')
    .columns(['merchant_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createIndex('outbox_source_idx')
    .on('outbox_messages')
    .columns(['merchant_id', 'source', 'status'])
    .execute();
  await db.schema
    .createIndex('customers_birthday_idx')
    .on('customers')
    .columns(['merchant_id', 'birth_month', 'birth_day'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
