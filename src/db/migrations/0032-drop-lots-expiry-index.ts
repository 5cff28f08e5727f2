import type { Kysely } from 'kysely';

/**
 * Frozen: lots_expiry_idx (expires_at, remaining) goes. No query reads through it any more: the expiry job
 * finds due lots through lots_due_idx (0004) and the reports and automations find a merchant's lots by expiry
 * through lots_merchant_expiry_idx (0018). It was written by every lot earned and every lot a redemption or
 * an expiry changes (remaining is one of its columns).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('lots_expiry_idx').ifExists().execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
