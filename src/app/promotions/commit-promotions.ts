/**
 * Writing what the active map gave a sale, in the sale's transaction: limits consumed and presented coupons
 * redeemed by conditional single statements (a lost race throws a retryable error: the sale is planned again
 * from fresh reads, and the promotion no longer applies), coupons issued by CouponBenefits. Answers what the
 * sale keeps in its stored plan, from which returns and cancels revert exactly.
 */
import { enqueueOutbox } from '../messaging/enqueue.js';
import type { SalePromotions } from '../../core/sales/plan-promotions.js';
import type { StoredPromotions } from '../../core/sales/stored-sale.js';
import { RetryableDbError } from '../../db/errors.js';
import * as coupons from '../../db/repos/coupons.repo.js';
import { consumeLimit } from '../../db/repos/limits.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';
import { issueCouponRows } from './coupons.js';

/** A limit or a coupon was taken by a concurrent sale between this sale's reads and its writes. */
export class StalePromotionError extends RetryableDbError {
  constructor(what: string) {
    super(new Error(`${what} changed since the sale read it`));
  }
}

const DAY = 86_400_000;

export interface PromotionSale {
  merchantId: string;
  saleId: string;
  storeCode: string;
  terminalCode: string | null;
  customerId: string | null;
  validityAfterVoid: number;
  /**
   * The sale's own date: the coupons it issues are valid from it (their validity days count from it), so the
   * till's next sale, dated by the same clock, redeems them at once; a sale dated before the issuing one
   * cannot, and a back-dated sale (history) issues coupons valid from its date. How far a sale's date may be
   * from the server's clock is the sale date window's business (TESSERA_SALE_FUTURE_MINUTES ahead, default a
   * day; TESSERA_SALE_PAST_DAYS back), checked before a sale is posted: no coupon starts further ahead.
   */
  soldAt: string;
  /** The server's clock: when the writes happen (events, limit periods, the coupon's record). */
  now: string;
  /** The sale's external transaction id (receipt), kept on the coupon events it makes. */
  transactionId?: string | null;
}

export async function commitPromotions(
  tx: Tx,
  sale: PromotionSale,
  planned: SalePromotions,
): Promise<StoredPromotions> {
  const e = planned.evaluation;
  const lineNo = (index: number) => planned.lineNos[index]!;
  const applied: StoredPromotions['applied'] = [];
  for (const p of e.promotions) {
    const limits: StoredPromotions['applied'][number]['limits'] = [];
    for (const use of p.limits) {
      if (use.amount <= 0) continue;
      const nextReset =
        use.periodDays === null ? null : new Date(Date.parse(sale.now) + use.periodDays * DAY).toISOString();
      const done = await consumeLimit(tx, {
        limitId: use.limitId,
        subject: use.subject,
        n: use.amount,
        max: use.max,
        nextReset,
        now: sale.now,
      });
      if (!done) throw new StalePromotionError(`limit ${use.limitId}`);
      limits.push({
        limitId: use.limitId,
        subject: use.subject,
        amount: use.amount,
        nextReset: done.nextReset,
        type: use.type,
      });
    }
    for (const barcode of p.couponsRedeemed) {
      const coupon = await coupons.findCoupon(tx, sale.merchantId, barcode);
      if (!coupon || !(await coupons.redeemCoupon(tx, coupon.id, sale.now)))
        throw new StalePromotionError(`coupon ${barcode}`);
      await enqueueOutbox(tx, sale.now, {
        merchantId: sale.merchantId,
        channel: 'webhook',
        event: 'coupon.redeemed',
        data: {
          barcode,
          couponType: coupon.coupon_type,
          customerId: coupon.customer_id,
          saleId: sale.saleId,
          redeemedAt: sale.now,
        },
      });
      await coupons.insertCouponHistory(tx, [
        {
          id: newId('cph'),
          coupon_id: coupon.id,
          merchant_id: sale.merchantId,
          action: 'REDEEM',
          at: sale.now,
          sale_id: sale.saleId,
          store_code: sale.storeCode,
          terminal_code: sale.terminalCode,
          transaction_id: sale.transactionId ?? null,
        },
      ]);
    }
    const issued: string[] = [];
    const messages = [...p.messages];
    for (const c of p.coupons) {
      const type = await coupons.findCouponType(tx, sale.merchantId, c.type);
      if (!type) {
        messages.push(`Coupon type ${c.type} does not exist: no coupon issued.`);
        continue;
      }
      const rows = await issueCouponRows(tx, sale.merchantId, {
        type,
        quantity: c.quantity,
        customerId: sale.customerId,
        promotion: p.code,
        saleId: sale.saleId,
        storeCode: sale.storeCode,
        terminalCode: sale.terminalCode,
        transactionId: sale.transactionId ?? null,
        validFrom: sale.soldAt,
        now: sale.now,
      });
      if (!rows) throw new StalePromotionError('coupon barcode');
      issued.push(...rows.map((r) => r.barcode));
    }
    applied.push({
      nro: p.nro,
      code: p.code,
      benefit: p.benefit,
      discount: p.discount,
      points: p.points,
      lines: p.lines.map(lineNo),
      couponsRedeemed: p.couponsRedeemed,
      couponsIssued: issued,
      messages,
      limits,
    });
  }
  return {
    mapVersion: e.mapVersion ?? 0,
    validityAfterVoid: sale.validityAfterVoid,
    totalDiscount: e.totalDiscount,
    points: e.points,
    lineDiscounts: e.lines
      .filter((l) => l.discount > 0)
      .map((l) => ({ lineNo: lineNo(l.index), discount: l.discount })),
    applied,
  };
}
