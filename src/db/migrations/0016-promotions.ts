import type { Kysely } from 'kysely';

/**
 * Frozen: the promotion engine's tables. Promotions (typed definition as JSON, the grammar as posted), map
 * versions (immutable snapshots of promotions, one active per merchant), coupon types and coupons with
 * their history, segments and their members, limits and their counters per subject (consumed by one
 * conditional update), and date exclusions per promotion and store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotions')
    .addColumn('nro', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('promotions_merchant_idx')
    .on('promotions')
    .columns(['merchant_id', 'nro'])
    .execute();

  await db.schema
    .createTable('promotion_maps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('stores', 'text', (c) => c.notNull())
    .addColumn('validity_after_void', 'integer', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('promotion_maps_version_uq', ['merchant_id', 'version'])
    .execute();

  await db.schema
    .createTable('active_promotion_maps')
    .addColumn('merchant_id', 'text', (c) => c.primaryKey().references('merchants.id'))
    .addColumn('map_id', 'text', (c) => c.notNull().references('promotion_maps.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('activated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coupon_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('validity_days', 'integer')
    .addColumn('max_uses', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coupon_types_code_uq', ['merchant_id', 'code'])
    .execute();

  await db.schema
    .createTable('coupons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('barcode', 'text', (c) => c.notNull())
    .addColumn('coupon_type', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('used_times', 'integer', (c) => c.notNull())
    .addColumn('max_uses', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('emit_promotion', 'text')
    .addColumn('sale_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coupons_barcode_uq', ['merchant_id', 'barcode'])
    .execute();
  await db.schema.createIndex('coupons_sale_idx').on('coupons').column('sale_id').execute();

  await db.schema
    .createTable('coupon_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coupon_id', 'text', (c) => c.notNull().references('coupons.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text')
    .addColumn('store_code', 'text')
    .addColumn('terminal_code', 'text')
    .execute();
  await db.schema
    .createIndex('coupon_history_coupon_idx')
    .on('coupon_history')
    .columns(['coupon_id', 'at'])
    .execute();
  await db.schema
    .createIndex('coupon_history_merchant_idx')
    .on('coupon_history')
    .columns(['merchant_id', 'at'])
    .execute();

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('segments_code_uq', ['merchant_id', 'code'])
    .execute();
  await db.schema
    .createTable('segment_members')
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('segment_members_customer_idx')
    .on('segment_members')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('promotion_limits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('promotion_nro', 'text', (c) => c.notNull())
    .addColumn('benefit_nro', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text')
    .addColumn('period_days', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('max', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('promotion_limits_merchant_idx')
    .on('promotion_limits')
    .columns(['merchant_id', 'promotion_nro'])
    .execute();

  await db.schema
    .createTable('limit_counters')
    .addColumn('limit_id', 'text', (c) => c.notNull().references('promotion_limits.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('used', 'bigint', (c) => c.notNull())
    .addColumn('next_reset', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('limit_counters_pk', ['limit_id', 'subject'])
    .execute();

  await db.schema
    .createTable('promotion_exclusions')
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('promotion_nro', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('promotion_exclusions_pk', [
      'merchant_id',
      'promotion_nro',
      'store_code',
      'date',
    ])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
