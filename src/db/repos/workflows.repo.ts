/** Promotion workflows, their users, and the header attribute configuration of a merchant (migration 0026). */
import type { Kysely, Selectable } from 'kysely';
import type { DB, HeaderAttributeTable, WorkflowTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type WorkflowRow = Selectable<WorkflowTable>;
export type HeaderAttributeRow = Selectable<HeaderAttributeTable>;

export function workflowsOf(db: Kysely<DB>, merchantId: string): Promise<WorkflowRow[]> {
  return db
    .selectFrom('workflows')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('code')
    .execute();
}

export function findWorkflow(db: Kysely<DB>, merchantId: string, code: string) {
  return db
    .selectFrom('workflows')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Clears the general default flag (before another workflow takes it, in the same transaction). */
export async function clearDefault(tx: Tx, merchantId: string): Promise<void> {
  await tx
    .updateTable('workflows')
    .set({ is_default: 0 })
    .where('merchant_id', '=', merchantId)
    .where('is_default', '=', 1)
    .execute();
}

export async function insertWorkflow(tx: Tx, row: WorkflowTable): Promise<void> {
  await tx.insertInto('workflows').values(row).execute();
}

export async function updateWorkflow(
  tx: Tx,
  merchantId: string,
  code: string,
  set: Partial<Pick<WorkflowTable, 'name' | 'is_default'>>,
): Promise<void> {
  await tx
    .updateTable('workflows')
    .set(set)
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .execute();
}

/** user id → workflow codes, for the users given (all of the merchant's when absent). */
export async function associations(
  db: Kysely<DB>,
  merchantId: string,
  filter: { userId?: string; workflowCode?: string } = {},
): Promise<{ user_id: string; workflow_code: string }[]> {
  let q = db
    .selectFrom('workflow_users')
    .select(['user_id', 'workflow_code'])
    .where('merchant_id', '=', merchantId);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.workflowCode !== undefined) q = q.where('workflow_code', '=', filter.workflowCode);
  return q.orderBy('workflow_code').orderBy('user_id').execute();
}

/**
 * Replaces a user's workflows. The user's row is locked first (a no-op update), so two replaces of one user's
 * list run one after the other: without it, on PostgreSQL each deletes the rows it sees, both insert, and the
 * user ends with the union of the two lists.
 */
export async function replaceAssociations(
  tx: Tx,
  merchantId: string,
  userId: string,
  codes: readonly string[],
): Promise<void> {
  await tx
    .updateTable('users')
    .set((eb) => ({ login: eb.ref('login') }))
    .where('merchant_id', '=', merchantId)
    .where('id', '=', userId)
    .execute();
  await tx
    .deleteFrom('workflow_users')
    .where('merchant_id', '=', merchantId)
    .where('user_id', '=', userId)
    .execute();
  if (codes.length > 0)
    await tx
      .insertInto('workflow_users')
      .values(codes.map((workflow_code) => ({ merchant_id: merchantId, user_id: userId, workflow_code })))
      .execute();
}

export function headerAttributesOf(db: Kysely<DB>, merchantId: string): Promise<HeaderAttributeRow[]> {
  return db.selectFrom('header_attributes').selectAll().where('merchant_id', '=', merchantId).execute();
}

export async function upsertHeaderAttribute(db: Kysely<DB>, row: HeaderAttributeTable): Promise<void> {
  await db
    .insertInto('header_attributes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'attribute']).doUpdateSet({
        name: row.name,
        active: row.active,
        mandatory: row.mandatory,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The coupon type codes of the merchant among `codes`. */
export async function existingCouponTypes(
  db: Kysely<DB>,
  merchantId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('coupon_types')
    .select('code')
    .where('merchant_id', '=', merchantId)
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return rows.map((r) => r.code);
}
