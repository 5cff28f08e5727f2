import { sql, type Kysely } from 'kysely';

/**
 * Frozen: promotion workflows, completeness and header attributes.
 * - workflows: a merchant's named promotion workflows; at most one is the general default (partial unique
 *   index on merchant_id where is_default = 1).
 * - workflow_users: which workflows a user is associated with (the importing user's decide an imported
 *   promotion's workflow).
 * - header_attributes: a merchant's configuration of the transaction header attributes (active, mandatory).
 * - promotions.workflow (a workflow code, null when the merchant has none), promotions.state (complete |
 *   incomplete; a promotion with no benefit is a draft, hence incomplete) and promotions.header_fields (the
 *   header fields shown on the promotion, JSON).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflows')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflows_pk', ['merchant_id', 'code'])
    .execute();
  await db.schema
    .createIndex('workflows_default_idx')
    .on('workflows')
    .column('merchant_id')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();

  await db.schema
    .createTable('workflow_users')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('workflow_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_users_pk', ['merchant_id', 'user_id', 'workflow_code'])
    .execute();

  await db.schema
    .createTable('header_attributes')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('attribute', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('mandatory', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('header_attributes_pk', ['merchant_id', 'attribute'])
    .execute();

  await db.schema.alterTable('promotions').addColumn('workflow', 'text').execute();
  await db.schema
    .alterTable('promotions')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('complete'))
    .execute();
  await db.schema
    .alterTable('promotions')
    .addColumn('header_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // Drafts (no benefit) written before this migration are incomplete.
  await db
    .updateTable('promotions' as never)
    .set({ state: 'incomplete' } as never)
    .where(sql.ref('definition'), 'like', '%"benefits":[]%')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
