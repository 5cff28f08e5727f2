import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export async function insertSegment(
  db: Kysely<DB>,
  row: { id: string; merchant_id: string; code: string; name: string; created_at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('segments')
    .values(row)
    .onConflict((oc) => oc.columns(['merchant_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findSegment(db: Kysely<DB>, merchantId: string, code: string) {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function listSegments(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('segments')
    .leftJoin('segment_members', 'segment_members.segment_id', 'segments.id')
    .select((eb) => [
      'segments.id',
      'segments.code',
      'segments.name',
      'segments.created_at',
      eb.fn.count<number>('segment_members.customer_id').as('members'),
    ])
    .where('segments.merchant_id', '=', merchantId)
    .groupBy(['segments.id', 'segments.code', 'segments.name', 'segments.created_at'])
    .orderBy('segments.code')
    .execute();
}

export async function addMembers(
  db: Kysely<DB>,
  segmentId: string,
  customerIds: readonly string[],
  now: string,
) {
  if (customerIds.length === 0) return 0;
  const r = await db
    .insertInto('segment_members')
    .values(customerIds.map((customer_id) => ({ segment_id: segmentId, customer_id, added_at: now })))
    .onConflict((oc) => oc.columns(['segment_id', 'customer_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n);
}

export async function removeMembers(db: Kysely<DB>, segmentId: string, customerIds: readonly string[]) {
  if (customerIds.length === 0) return 0;
  const r = await db
    .deleteFrom('segment_members')
    .where('segment_id', '=', segmentId)
    .where('customer_id', 'in', customerIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function membersOf(
  db: Kysely<DB>,
  segmentId: string,
  f: { after?: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('segment_members')
    .select(['customer_id', 'added_at'])
    .where('segment_id', '=', segmentId);
  if (f.after) q = q.where('customer_id', '>', f.after);
  return q
    .orderBy('customer_id')
    .limit(f.limit + 1)
    .execute();
}

/** The codes of the segments a customer is in. */
export async function segmentsOfCustomer(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('segment_members')
    .innerJoin('segments', 'segments.id', 'segment_members.segment_id')
    .select('segments.code')
    .where('segments.merchant_id', '=', merchantId)
    .where('segment_members.customer_id', '=', customerId)
    .orderBy('segments.code')
    .execute();
  return rows.map((r) => r.code);
}

/** The customer's type (null when none or unknown). */
export async function customerTypeOf(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('customers')
    .select('customer_type')
    .where('merchant_id', '=', merchantId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row?.customer_type ?? null;
}
