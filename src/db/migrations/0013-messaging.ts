import { sql, type Kysely } from 'kysely';

/**
 * Frozen: delivery of the outbox (issue 16). Outbox messages get a delivery state (attempts, next attempt,
 * a lease per message so N workers never send one twice, the reason a message waits, the customer, template
 * and webhook event it carries, an idempotency key unique per merchant); every attempt is recorded; webhook
 * endpoints and the events they follow; Web Push subscriptions; templates per merchant and language; the
 * messaging settings of a merchant (quiet hours, send rate).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (column: string, type: 'text' | 'integer') =>
    db.schema.alterTable('outbox_messages').addColumn(column, type).execute();
  await db.schema
    .alterTable('outbox_messages')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const column of [
    'next_attempt_at',
    'lease_owner',
    'lease_until',
    'last_error',
    'hold_reason',
    'sent_at',
    'customer_id',
    'template',
    'language',
    'variables',
    'html',
    'event_type',
    'event_id',
    'webhook_id',
    'idempotency_key',
  ])
    await add(column, 'text');
  // Messages queued before delivery existed are due now.
  await sql`update outbox_messages set next_attempt_at = created_at where next_attempt_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_merchant_idx')
    .on('outbox_messages')
    .columns(['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('outbox_idempotency_uq')
    .on('outbox_messages')
    .columns(['merchant_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('message_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_attempts_message_idx')
    .on('message_attempts')
    .columns(['message_id', 'attempt'])
    .execute();
  await db.schema
    .createIndex('message_attempts_merchant_idx')
    .on('message_attempts')
    .columns(['merchant_id', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_merchant_idx')
    .on('webhook_endpoints')
    .columns(['merchant_id'])
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_events_merchant_idx')
    .on('webhook_events')
    .columns(['merchant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('push_subscriptions_endpoint_uq')
    .on('push_subscriptions')
    .columns(['merchant_id', 'endpoint'])
    .unique()
    .execute();
  await db.schema
    .createIndex('push_subscriptions_customer_idx')
    .on('push_subscriptions')
    .columns(['merchant_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('message_templates')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['merchant_id', 'name', 'language', 'channel'])
    .execute();

  await db.schema
    .createTable('messaging_settings')
    .addColumn('merchant_id', 'text', (c) => c.primaryKey())
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('per_minute', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
