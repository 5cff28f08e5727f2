import type { Kysely } from 'kysely';

/** Frozen: programs, card lifecycle columns, points lots and movements, sales and returns, vouchers, gifts, tiers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('card_type', 'text', (c) => c.notNull())
    .addColumn('card_category', 'text', (c) => c.notNull())
    .addColumn('number_prefix', 'text', (c) => c.notNull())
    .addColumn('number_length', 'integer', (c) => c.notNull())
    .addColumn('check_digit', 'text', (c) => c.notNull())
    .addColumn('points_label', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('pending_days', 'integer', (c) => c.notNull())
    .addColumn('expiry_policy', 'text', (c) => c.notNull())
    .addColumn('steps_basis', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('required_fields', 'text', (c) => c.notNull())
    .addColumn('discount_percent', 'integer', (c) => c.notNull())
    .addColumn('negative_balance', 'text', (c) => c.notNull())
    .addColumn('cancel_window_hours', 'integer', (c) => c.notNull())
    .addColumn('require_known_items', 'integer', (c) => c.notNull())
    .addColumn('one_card_per_customer', 'integer', (c) => c.notNull())
    .addColumn('wallet_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_serial', 'bigint', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programs_merchant_code_uq', ['merchant_id', 'code'])
    .execute();

  const cardColumns: [string, 'text' | 'integer' | 'bigint'][] = [
    ['program_id', 'text'],
    ['block_reason', 'integer'],
    ['blocked_by_role', 'text'],
    ['expires_at', 'text'],
    ['replaced_by', 'text'],
    ['issued_at', 'text'],
    ['activated_at', 'text'],
  ];
  for (const [name, type] of cardColumns) await db.schema.alterTable('cards').addColumn(name, type).execute();
  await db.schema
    .alterTable('cards')
    .addColumn('discount_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('cards_program_status_idx')
    .on('cards')
    .columns(['program_id', 'status'])
    .execute();

  await db.schema
    .createTable('movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'bigint', (c) => c.notNull())
    .addColumn('money', 'bigint', (c) => c.notNull())
    .addColumn('sale_id', 'text')
    .addColumn('store_id', 'text')
    .addColumn('terminal_id', 'text')
    .addColumn('principal_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('movements_card_idx').on('movements').columns(['card_id', 'id']).execute();

  await db.schema
    .createTable('lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('sale_id', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('remaining', 'bigint', (c) => c.notNull())
    .addColumn('burnt', 'bigint', (c) => c.notNull())
    .addColumn('earned_at', 'text', (c) => c.notNull())
    .addColumn('pending_until', 'text')
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('lots_card_idx').on('lots').column('card_id').execute();
  await db.schema.createIndex('lots_expiry_idx').on('lots').columns(['expires_at', 'remaining']).execute();

  await db.schema
    .createTable('allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('allocations_movement_idx').on('allocations').column('movement_id').execute();
  await db.schema.createIndex('allocations_lot_idx').on('allocations').column('lot_id').execute();

  await db.schema
    .createTable('sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('terminal_id', 'text')
    .addColumn('seller', 'text')
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('sold_at', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('eligible_minor', 'bigint', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('payments', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('earned_points', 'bigint', (c) => c.notNull())
    .addColumn('redeemed_points', 'bigint', (c) => c.notNull())
    .addColumn('reversed_points', 'bigint', (c) => c.notNull())
    .addColumn('returned_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sales_receipt_uq', ['merchant_id', 'store_id', 'receipt'])
    .execute();
  await db.schema.createIndex('sales_card_idx').on('sales').columns(['card_id', 'sold_at']).execute();

  await db.schema
    .createTable('sale_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('points_reversed', 'bigint', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sale_returns_receipt_uq', ['sale_id', 'receipt'])
    .execute();

  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('remaining', 'bigint', (c) => c.notNull())
    .addColumn('splittable', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('step_index', 'integer')
    .addColumn('gift_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vouchers_merchant_number_uq', ['merchant_id', 'number'])
    .execute();
  await db.schema.createIndex('vouchers_card_idx').on('vouchers').column('card_id').execute();

  await db.schema
    .createTable('voucher_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id'))
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('choice', 'text')
    .addColumn('restored_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voucher_uses_sale_uq', ['voucher_id', 'sale_id'])
    .execute();

  await db.schema
    .createTable('gifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('program_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('points_cost', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'bigint')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('gift_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('gift_id', 'text', (c) => c.notNull().references('gifts.id'))
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('customer_id', 'text')
    .addColumn('movement_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('step_rewards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('voucher_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('step_rewards_card_step_uq', ['card_id', 'step_index'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
