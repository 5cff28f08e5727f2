/**
 * Coupon types and coupons: issued (by hand or by a promotion's CouponBenefit in a sale), read with their
 * history (CREATE, REDEEM, VOID, RESTORE), redeemed by one conditional statement, voided, and their events by
 * date range (statements).
 */
import { enqueueOutbox } from '../messaging/enqueue.js';
import type { Tx } from '../../db/transaction.js';
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/coupons.repo.js';
import type { DB } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export interface CouponTypeView {
  code: string;
  name: string;
  format: 'PRINTED' | 'ELECTRONIC';
  validityDays: number | null;
  maxUses: number;
  createdAt: string;
}

export interface CouponView {
  barcode: string;
  type: string;
  format: string;
  status: 'active' | 'consumed' | 'voided';
  usedTimes: number;
  maxUses: number;
  validFrom: string;
  validTo: string | null;
  customerId: string | null;
  amount: number | null;
  emitPromotion: string | null;
  saleId: string | null;
  createdAt: string;
  history?: {
    action: string;
    at: string;
    saleId: string | null;
    storeCode: string | null;
    terminalCode: string | null;
  }[];
}

const typeView = (r: repo.CouponTypeRow): CouponTypeView => ({
  code: r.code,
  name: r.name,
  format: r.format === 'ELECTRONIC' ? 'ELECTRONIC' : 'PRINTED',
  validityDays: r.validity_days,
  maxUses: r.max_uses,
  createdAt: r.created_at,
});

export const couponView = (r: repo.CouponRow): CouponView => ({
  barcode: r.barcode,
  type: r.coupon_type,
  format: r.format,
  status: r.status as CouponView['status'],
  usedTimes: r.used_times,
  maxUses: r.max_uses,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  customerId: r.customer_id,
  amount: r.amount === null ? null : Number(r.amount),
  emitPromotion: r.emit_promotion,
  saleId: r.sale_id,
  createdAt: r.created_at,
});

export async function createCouponType(
  deps: Deps,
  merchantId: string,
  input: {
    code: string;
    name: string;
    format?: 'PRINTED' | 'ELECTRONIC' | undefined;
    validityDays?: number | undefined;
    maxUses?: number | undefined;
  },
): Promise<Result<CouponTypeView>> {
  const row = {
    id: newId('cpt'),
    merchant_id: merchantId,
    code: input.code,
    name: input.name,
    format: input.format ?? 'PRINTED',
    validity_days: input.validityDays ?? null,
    max_uses: input.maxUses ?? 1,
    created_at: deps.now().toISOString(),
  };
  if (!(await repo.insertCouponType(deps.db, row)))
    return fail('COUPON_TYPE_TAKEN', `Coupon type ${input.code} exists.`);
  return ok(typeView(row));
}

export async function listCouponTypes(
  deps: Deps,
  merchantId: string,
): Promise<Result<{ data: CouponTypeView[] }>> {
  return ok({ data: (await repo.couponTypesOf(deps.db, merchantId)).map(typeView) });
}

const barcodeOf = () => `9${Array.from({ length: 12 }, () => randomInt(10)).join('')}`;

export interface IssueCoupons {
  type: repo.CouponTypeRow;
  quantity: number;
  customerId: string | null;
  barcode?: string | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  amount?: number | null | undefined;
  promotion?: string | null;
  saleId?: string | null;
  storeCode?: string | null;
  terminalCode?: string | null;
  transactionId?: string | null;
  /** When the CREATE event happened, when it differs from the coupon's issue time. */
  createdEventAt?: string | undefined;
  now: string;
}

/** Issues coupons of a type (in the caller's transaction): a CREATE event each. Answers their rows. */
export async function issueCouponRows(
  db: Kysely<DB>,
  merchantId: string,
  c: IssueCoupons,
): Promise<repo.CouponRow[] | null> {
  const rows: repo.CouponRow[] = [];
  const validFrom = c.validFrom ?? c.now;
  const validTo =
    c.validTo ??
    (c.type.validity_days === null
      ? null
      : new Date(Date.parse(validFrom) + c.type.validity_days * 86_400_000).toISOString());
  for (let i = 0; i < c.quantity; i++) {
    const row: repo.CouponRow = {
      id: newId('cpn'),
      merchant_id: merchantId,
      barcode: c.barcode ?? barcodeOf(),
      coupon_type: c.type.code,
      format: c.type.format,
      status: 'active',
      used_times: 0,
      max_uses: c.type.max_uses,
      valid_from: validFrom,
      valid_to: validTo,
      customer_id: c.customerId,
      amount: c.amount ?? null,
      emit_promotion: c.promotion ?? null,
      sale_id: c.saleId ?? null,
      transaction_id: c.transactionId ?? null,
      created_at: c.now,
      updated_at: c.now,
    };
    if (!(await repo.insertCoupon(db, row))) return null;
    rows.push(row);
  }
  for (const r of rows)
    await enqueueOutbox(db as Tx, c.now, {
      merchantId,
      channel: 'webhook',
      event: 'coupon.issued',
      data: {
        barcode: r.barcode,
        couponType: r.coupon_type,
        customerId: r.customer_id,
        saleId: r.sale_id,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      },
    });
  await repo.insertCouponHistory(
    db,
    rows.map((r) => ({
      id: newId('cph'),
      coupon_id: r.id,
      merchant_id: merchantId,
      action: 'CREATE',
      at: c.createdEventAt ?? c.now,
      sale_id: c.saleId ?? null,
      store_code: c.storeCode ?? null,
      terminal_code: c.terminalCode ?? null,
      transaction_id: c.transactionId ?? null,
    })),
  );
  return rows;
}

export async function issueCoupons(
  deps: Deps,
  merchantId: string,
  input: {
    type: string;
    quantity?: number | undefined;
    barcode?: string | undefined;
    customerId?: string | undefined;
    validFrom?: string | undefined;
    validTo?: string | undefined;
    amount?: number | undefined;
  },
): Promise<Result<{ data: CouponView[] }>> {
  const type = await repo.findCouponType(deps.db, merchantId, input.type);
  if (!type) return fail('COUPON_TYPE_NOT_FOUND', `No coupon type ${input.type}.`);
  const quantity = input.quantity ?? 1;
  if (input.barcode !== undefined && quantity !== 1)
    return fail('VALIDATION_FAILED', 'A barcode names one coupon: quantity must be 1.', [
      detail('VALIDATION_FAILED', 'quantity'),
    ]);
  const now = deps.now().toISOString();
  const rows = await inTransaction(deps.db, (tx) =>
    issueCouponRows(tx, merchantId, { ...input, type, quantity, customerId: input.customerId ?? null, now }),
  );
  if (!rows) return fail('COUPON_BARCODE_TAKEN', `Barcode ${input.barcode ?? ''} is taken.`);
  return ok({ data: rows.map(couponView) });
}

export async function getCoupon(
  deps: Deps,
  merchantId: string,
  barcode: string,
): Promise<Result<CouponView>> {
  const row = await repo.findCoupon(deps.db, merchantId, barcode);
  if (!row) return fail('COUPON_NOT_FOUND', `No coupon has the barcode ${barcode}.`);
  const history = await repo.historyOf(deps.db, row.id);
  return ok({
    ...couponView(row),
    history: history.map((h) => ({
      action: h.action,
      at: h.at,
      saleId: h.sale_id,
      storeCode: h.store_code,
      terminalCode: h.terminal_code,
    })),
  });
}

export async function changeCoupon(
  deps: Deps,
  merchantId: string,
  barcode: string,
  action: 'REDEEM' | 'VOID',
  where: {
    storeCode?: string | undefined;
    terminalCode?: string | undefined;
    transactionId?: string | undefined;
  },
): Promise<Result<CouponView>> {
  const row = await repo.findCoupon(deps.db, merchantId, barcode);
  if (!row) return fail('COUPON_NOT_FOUND', `No coupon has the barcode ${barcode}.`);
  const now = deps.now().toISOString();
  if (action === 'REDEEM' && ((row.valid_to !== null && row.valid_to < now) || row.valid_from > now))
    return fail('COUPON_NOT_USABLE', 'The coupon is outside its validity.');
  const done = await inTransaction(deps.db, async (tx) => {
    const changed =
      action === 'REDEEM' ? await repo.redeemCoupon(tx, row.id, now) : await repo.voidCoupon(tx, row.id, now);
    if (changed && action === 'REDEEM')
      await enqueueOutbox(tx, now, {
        merchantId,
        channel: 'webhook',
        event: 'coupon.redeemed',
        data: {
          barcode,
          couponType: row.coupon_type,
          customerId: row.customer_id,
          saleId: null,
          redeemedAt: now,
        },
      });
    if (changed)
      await repo.insertCouponHistory(tx, [
        {
          id: newId('cph'),
          coupon_id: row.id,
          merchant_id: merchantId,
          action,
          at: now,
          sale_id: null,
          store_code: where.storeCode ?? null,
          terminal_code: where.terminalCode ?? null,
          transaction_id: where.transactionId ?? null,
        },
      ]);
    return changed;
  });
  if (!done)
    return fail(
      'COUPON_NOT_USABLE',
      `The coupon is ${row.status}; it cannot be ${action === 'REDEEM' ? 'redeemed' : 'voided'}.`,
    );
  return getCoupon(deps, merchantId, barcode);
}

export async function couponStatements(
  deps: Deps,
  merchantId: string,
  q: { from: string; to: string; cursor?: string | undefined; limit?: number | undefined },
): Promise<
  Result<{
    data: {
      barcode: string;
      type: string;
      action: string;
      at: string;
      saleId: string | null;
      storeCode: string | null;
    }[];
    nextCursor: string | null;
  }>
> {
  const limit = q.limit ?? 100;
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === undefined) return fail('INVALID_CURSOR');
  if (Number.isNaN(Date.parse(q.from)) || Number.isNaN(Date.parse(q.to)))
    return fail('VALIDATION_FAILED', 'from and to must be RFC 3339 date-times.');
  const rows = await repo.statements(deps.db, merchantId, {
    from: new Date(q.from).toISOString(),
    to: new Date(q.to).toISOString(),
    after,
    limit,
  });
  const page = rows.slice(0, limit);
  return ok({
    data: page.map((r) => ({
      barcode: r.barcode,
      type: r.coupon_type,
      action: r.action,
      at: r.at,
      saleId: r.sale_id,
      storeCode: r.store_code,
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
  });
}
