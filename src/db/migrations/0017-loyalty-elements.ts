import { sql, type Kysely } from 'kysely';

/**
 * Frozen: loyalty elements (cards whose balance is one stored amount, money or points, moved by
 * activation, charge, recharge, consumption, amount updates and sales), their types (the program plus
 * prefix ranges, number length, nominated / rechargeable / CVV flags and a charge limit), agreements
 * (contracts), customer reference catalogs (countries, identification types ...), the customer details the
 * native record has no column for, and the merchant's time zone (day dates are its local midnights).
 * An element's amount never goes below zero: every debit is one conditional UPDATE, and a CHECK backs it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('merchants').addColumn('time_zone', 'text').execute();

  await db.schema
    .createTable('element_types')
    .addColumn('program_id', 'text', (c) => c.primaryKey().references('programs.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('nominated', 'integer', (c) => c.notNull())
    .addColumn('rechargeable', 'integer', (c) => c.notNull())
    .addColumn('cvv_required', 'integer', (c) => c.notNull())
    .addColumn('customer_validation', 'text', (c) => c.notNull())
    .addColumn('charge_limit', 'bigint', (c) => c.notNull())
    .addColumn('initial_amount', 'bigint', (c) => c.notNull())
    .addColumn('validity_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('element_type_ranges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('prefix_start', 'bigint', (c) => c.notNull())
    .addColumn('prefix_end', 'bigint', (c) => c.notNull())
    .addColumn('suggested', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('element_type_ranges_program_idx')
    .on('element_type_ranges')
    .columns(['program_id', 'prefix_start'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agreements_merchant_code_uq', ['merchant_id', 'code'])
    .execute();

  await db.schema
    .createTable('elements')
    .addColumn('card_id', 'text', (c) => c.primaryKey().references('cards.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('amount_prev', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('cvv', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('origin_transaction', 'text')
    .addColumn('origin_store', 'text')
    .addColumn('origin_terminal', 'text')
    .addColumn('consumed', 'integer', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('last_movement_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('elements_amount_not_negative', sql`amount >= 0`)
    .execute();

  await db.schema
    .createTable('element_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull().references('cards.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('amount_prev', 'bigint')
    .addColumn('amount_after', 'bigint', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('store_code', 'text')
    .addColumn('terminal_code', 'text')
    .addColumn('customer_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('promotions', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('element_movements_card_idx')
    .on('element_movements')
    .columns(['card_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('element_movements_date_idx')
    .on('element_movements')
    .columns(['merchant_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('reference_codes')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('catalog', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_codes_pk', ['merchant_id', 'catalog', 'code'])
    .execute();

  await db.schema
    .createTable('customer_details')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('gender_code', 'text')
    .addColumn('email', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('nationality', 'text')
    .addColumn('identification_expires_on', 'text')
    .addColumn('phone', 'text')
    .addColumn('address_country', 'text')
    .addColumn('address_state', 'text')
    .addColumn('address_city', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('segments', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
