import type { Kysely } from 'kysely';

/**
 * Frozen: sponsorship (issue 11). A program's sponsorship settings (JSON: enabled, the godfather's points on
 * the godchild's first purchase, the godchild's points at enrolment; null: not activated) and whether its
 * customers may share a mobile number. Each reward paid is one row, keyed by the godchild and the kind of
 * reward, so it is paid exactly once; a godfather reward names the sale that earned it, so cancelling that
 * sale takes it back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('sponsorship', 'text').execute();
  await db.schema
    .alterTable('programs')
    .addColumn('shared_mobiles', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('sponsorship_rewards')
    .addColumn('godchild_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'text')
    .addColumn('sale_id', 'text')
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sponsorship_rewards_pk', ['godchild_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('sponsorship_rewards_sale')
    .on('sponsorship_rewards')
    .column('sale_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
