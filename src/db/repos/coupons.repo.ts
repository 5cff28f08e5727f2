import type { Kysely, Selectable } from 'kysely';
import type { CouponStatus, DB } from '../schema/index.js';
import type { CouponHistoryTable, CouponTable, CouponTypeTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type CouponTypeRow = Selectable<CouponTypeTable>;
export type CouponRow = Selectable<CouponTable>;
export type CouponHistoryRow = Selectable<CouponHistoryTable>;

/** Inserts unless the code is taken: answers whether it was inserted. */
export async function insertCouponType(db: Kysely<DB>, row: CouponTypeTable): Promise<boolean> {
  const r = await db
    .insertInto('coupon_types')
    .values(row)
    .onConflict((oc) => oc.columns(['merchant_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findCouponType(db: Kysely<DB>, merchantId: string, code: string) {
  return db
    .selectFrom('coupon_types')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function couponTypesOf(db: Kysely<DB>, merchantId: string, codes?: readonly string[]) {
  let q = db.selectFrom('coupon_types').selectAll().where('merchant_id', '=', merchantId);
  if (codes) {
    if (codes.length === 0) return Promise.resolve([] as CouponTypeRow[]);
    q = q.where('code', 'in', codes);
  }
  return q.orderBy('code').execute();
}

export async function insertCoupon(db: Kysely<DB>, row: CouponTable): Promise<boolean> {
  const r = await db
    .insertInto('coupons')
    .values(row)
    .onConflict((oc) => oc.columns(['merchant_id', 'barcode']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function insertCouponHistory(db: Kysely<DB>, rows: CouponHistoryTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('coupon_history').values(rows).execute();
}

export function findCoupon(db: Kysely<DB>, merchantId: string, barcode: string) {
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('barcode', '=', barcode)
    .executeTakeFirst();
}

export function findCoupons(db: Kysely<DB>, merchantId: string, barcodes: readonly string[]) {
  if (barcodes.length === 0) return Promise.resolve([] as CouponRow[]);
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('barcode', 'in', barcodes)
    .execute();
}

export function couponsIssuedBySale(db: Kysely<DB>, saleId: string) {
  return db.selectFrom('coupons').selectAll().where('sale_id', '=', saleId).execute();
}

export function historyOf(db: Kysely<DB>, couponId: string) {
  return db
    .selectFrom('coupon_history')
    .selectAll()
    .where('coupon_id', '=', couponId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Coupon events of a merchant in [from, to), oldest first, by pages (after: the last id of a page). */
export function statements(
  db: Kysely<DB>,
  merchantId: string,
  f: { from: string; to: string; after?: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('coupon_history')
    .innerJoin('coupons', 'coupons.id', 'coupon_history.coupon_id')
    .select([
      'coupon_history.id',
      'coupon_history.action',
      'coupon_history.at',
      'coupon_history.sale_id',
      'coupon_history.store_code',
      'coupon_history.terminal_code',
      'coupons.barcode',
      'coupons.coupon_type',
    ])
    .where('coupon_history.merchant_id', '=', merchantId)
    .where('coupon_history.at', '>=', f.from)
    .where('coupon_history.at', '<', f.to);
  if (f.after) q = q.where('coupon_history.id', '>', f.after);
  return q
    .orderBy('coupon_history.id')
    .limit(f.limit + 1)
    .execute();
}

/**
 * One use of an active coupon, in one conditional statement: only while it has uses left, consumed at its
 * last use. Answers false when a concurrent use (or a void) got there first.
 */
export async function redeemCoupon(tx: Tx, id: string, now: string): Promise<boolean> {
  const r = await tx
    .updateTable('coupons')
    .set((eb) => ({
      used_times: eb('used_times', '+', 1),
      status: eb
        .case()
        .when(eb('used_times', '+', 1), '>=', eb.ref('max_uses'))
        .then(eb.val<CouponStatus>('consumed'))
        .else(eb.val<CouponStatus>('active'))
        .end(),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where((eb) => eb('used_times', '<', eb.ref('max_uses')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a use back (a reverted sale): a consumed coupon is active again; a voided one stays voided. */
export async function restoreCoupon(tx: Tx, id: string, now: string): Promise<boolean> {
  const r = await tx
    .updateTable('coupons')
    .set((eb) => ({ used_times: eb('used_times', '-', 1), status: 'active', updated_at: now }))
    .where('id', '=', id)
    .where('status', '!=', 'voided')
    .where('used_times', '>', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function voidCoupon(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('coupons')
    .set({ status: 'voided', updated_at: now })
    .where('id', '=', id)
    .where('status', '!=', 'voided')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Voids a coupon nobody has used yet (a reverted sale's issued coupon); a used one stays as it is. */
export async function voidUnusedCoupon(tx: Tx, id: string, now: string): Promise<boolean> {
  const r = await tx
    .updateTable('coupons')
    .set({ status: 'voided', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('used_times', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The barcodes of a customer's coupons still usable at `now` (active, within validity), oldest first. */
export async function usableCouponsOf(db: Kysely<DB>, merchantId: string, customerId: string, now: string) {
  const rows = await db
    .selectFrom('coupons')
    .select('barcode')
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.barcode);
}
