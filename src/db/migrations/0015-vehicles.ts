import type { Kysely } from 'kysely';

/**
 * Frozen: the vehicles module (after-sales history of a network of garages, spec/mmp.md) and the generic
 * import monitor.
 * - vehicle_networks: a merchant's vehicle settings (time zone, default monthly mileage, id sequences).
 * - vehicle_members: a store as a member garage (integer member id, workshop SIRET, short name).
 * - store_users: a user bound to one store (a member garage's user sees its own garage only).
 * - oauth_client_grants / refresh_tokens: password and refresh-token grants of an API client.
 * - vehicle_job_overrides: per-network overrides of the maintenance catalog.
 * - vehicle_clients: a customer of the merchant as a member garage's DMS knows it (privacy, flags, phones).
 * - vehicle_client_rows: raw client rows as imported; vehicles; vehicle_client_links.
 * - vehicle_invoices / vehicle_invoice_lines: after-sales invoices (they earn no points).
 * - vehicle_campaigns / _operations / _targets: reminder campaigns and who they reached.
 * - imports / import_locks: the import monitor (state, counts, per-item errors) and one import at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bool = (name: string, t: ReturnType<Kysely<unknown>['schema']['createTable']>, def = 0) =>
    t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(def));

  await db.schema
    .createTable('vehicle_networks')
    .addColumn('merchant_id', 'text', (c) => c.primaryKey().references('merchants.id'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('default_monthly_mileage', 'integer', (c) => c.notNull())
    .addColumn('next_invoice_id', 'bigint', (c) => c.notNull())
    .addColumn('next_campaign_id', 'bigint', (c) => c.notNull())
    .addColumn('next_promotion_id', 'bigint', (c) => c.notNull())
    .addColumn('next_row_order', 'bigint', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('vehicle_members')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('workshop_siret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('vehicle_members_member_uq', ['merchant_id', 'member_id'])
    .addUniqueConstraint('vehicle_members_siret_uq', ['merchant_id', 'workshop_siret'])
    .execute();

  await db.schema
    .createTable('store_users')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .execute();

  await db.schema
    .createTable('oauth_client_grants')
    .addColumn('api_client_id', 'text', (c) => c.notNull().references('api_clients.id'))
    .addColumn('grant_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oauth_client_grants_pk', ['api_client_id', 'grant_type'])
    .execute();

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('api_client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vehicle_job_overrides')
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_job_overrides_pk', ['merchant_id', 'job_id'])
    .execute();

  let clients = db.schema
    .createTable('vehicle_clients')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'bigint', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('workshop_siret', 'text')
    .addColumn('dms_id', 'text');
  for (const col of [
    'civility',
    'last_name',
    'first_name',
    'company',
    'address1',
    'address2',
    'postal_code',
    'city',
    'home_phone',
    'mobile_phone',
    'pro_phone',
    'email',
    'privacy',
  ])
    clients = clients.addColumn(col, 'text');
  for (const col of ['sms_flag', 'email_flag', 'sync_phone', 'sync_email']) clients = bool(col, clients, 1);
  await clients
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vehicle_clients_id_uq', ['merchant_id', 'client_id'])
    .addUniqueConstraint('vehicle_clients_dms_uq', ['merchant_id', 'store_id', 'workshop_siret', 'dms_id'])
    .execute();

  const rows = db.schema
    .createTable('vehicle_client_rows')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('row_order', 'bigint', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull()) // normalised, '' without vehicle
    .addColumn('row_values', 'text', (c) => c.notNull()) // the typed row, JSON
    .addColumn('workshop_siret', 'text', (c) => c.notNull())
    .addColumn('dms_id', 'text', (c) => c.notNull());
  await rows
    .addColumn('last_visit_date', 'text')
    .addPrimaryKeyConstraint('vehicle_client_rows_pk', [
      'merchant_id',
      'store_id',
      'workshop_siret',
      'dms_id',
      'plate',
    ])
    .execute();
  await db.schema
    .createIndex('vehicle_client_rows_plate_idx')
    .on('vehicle_client_rows')
    .columns(['merchant_id', 'plate'])
    .execute();

  await db.schema
    .createTable('vehicles')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicles_pk', ['merchant_id', 'plate'])
    .execute();

  await db.schema
    .createTable('vehicle_client_links')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_client_links_pk', ['customer_id', 'plate'])
    .execute();
  await db.schema
    .createIndex('vehicle_client_links_plate_idx')
    .on('vehicle_client_links')
    .columns(['merchant_id', 'plate'])
    .execute();

  await db.schema
    .createTable('vehicle_invoices')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'bigint', (c) => c.notNull())
    .addColumn('workshop_siret', 'text', (c) => c.notNull())
    .addColumn('dms_id', 'text', (c) => c.notNull())
    .addColumn('client_dms_id', 'text', (c) => c.notNull())
    .addColumn('invoice_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('vin', 'text')
    .addColumn('mileage', 'integer')
    .addColumn('plate_raw', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_invoices_pk', ['merchant_id', 'invoice_id'])
    .addUniqueConstraint('vehicle_invoices_dms_uq', ['merchant_id', 'workshop_siret', 'dms_id'])
    .execute();
  await db.schema
    .createIndex('vehicle_invoices_plate_idx')
    .on('vehicle_invoices')
    .columns(['merchant_id', 'plate'])
    .execute();

  let lines = db.schema
    .createTable('vehicle_invoice_lines')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'bigint', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull());
  for (const col of [
    'package_code',
    'package_label',
    'job_code',
    'job_label',
    'part_reference',
    'part_brand',
    'part_label',
  ])
    lines = lines.addColumn(col, 'text', (c) => c.notNull());
  await lines
    .addPrimaryKeyConstraint('vehicle_invoice_lines_pk', ['merchant_id', 'invoice_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('vehicle_campaigns')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'bigint', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('prediction_month', 'text', (c) => c.notNull())
    .addColumn('window_months', 'integer', (c) => c.notNull())
    .addColumn('lookback_months', 'integer', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('diffused_at', 'text')
    .addPrimaryKeyConstraint('vehicle_campaigns_pk', ['merchant_id', 'campaign_id'])
    .execute();

  await db.schema
    .createTable('vehicle_campaign_operations')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'bigint', (c) => c.notNull())
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('promotion_id', 'bigint', (c) => c.notNull())
    .addColumn('promotion_label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_campaign_operations_pk', ['merchant_id', 'campaign_id', 'job_id'])
    .execute();

  let targets = db.schema
    .createTable('vehicle_campaign_targets')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'bigint', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'bigint', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer', (c) => c.notNull());
  for (const col of ['client_dms_id', 'civility', 'first_name', 'last_name', 'brand', 'model'])
    targets = targets.addColumn(col, 'text');
  for (const col of ['sms', 'email', 'postal']) targets = bool(col, targets);
  await targets
    .addPrimaryKeyConstraint('vehicle_campaign_targets_pk', ['merchant_id', 'campaign_id', 'plate'])
    .execute();
  await db.schema
    .createIndex('vehicle_campaign_targets_plate_idx')
    .on('vehicle_campaign_targets')
    .columns(['merchant_id', 'plate'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text')
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('imports_merchant_idx')
    .on('imports')
    .columns(['merchant_id', 'received_at'])
    .execute();
  await db.schema
    .createTable('import_locks')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_locks_pk', ['merchant_id', 'kind'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
