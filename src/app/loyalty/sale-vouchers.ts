/**
 * Vouchers used in a sale: redeemed inside the sale's transaction (called by the sale posting), and
 * restored when the sale is cancelled. Each use is one conditional write of the voucher plus one
 * voucher_uses row (unique per voucher and sale).
 */
import { fail, ok, type ErrorCode, type Failure, type Result } from '../../core/error-catalog.js';
import {
  redeemVoucher,
  restoreVoucher,
  type AppliedUse,
  type ChoiceType,
  type RedeemReason,
  type VoucherChoice,
  type VoucherUse,
} from '../../core/rewards/index.js';
import { RetryableDbError } from '../../db/errors.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';
import { toCoreVoucher } from './voucher-view.js';

export interface SaleVoucherUse {
  number: string;
  type?: string;
  value?: string | number;
  /** Minor units: the part of an amount voucher used, or a gift's money value. */
  amount?: number;
}

export interface RedeemedVoucher {
  number: string;
  kind: string;
  deduction: number;
  remainder: number;
}

/** What voucher_uses.choice holds: enough to undo the use. */
interface StoredUse {
  applied: AppliedUse;
  chosen?: VoucherChoice;
}

const REASON_CODES: Record<RedeemReason, ErrorCode> = {
  VOUCHER_NOT_ACTIVE: 'VOUCHER_NOT_ACTIVE',
  VOUCHER_EXPIRED: 'VOUCHER_EXPIRED',
  VOUCHER_NOT_YET_VALID: 'VOUCHER_NOT_YET_VALID',
  VOUCHER_ALREADY_USED: 'VOUCHER_ALREADY_USED',
  CHOICE_REQUIRED: 'VOUCHER_CHOICE_REQUIRED',
  CHOICE_TYPE_INVALID: 'VOUCHER_CHOICE_TYPE_INVALID',
  CHOICE_VALUE_INVALID: 'VOUCHER_CHOICE_VALUE_INVALID',
  AMOUNT_INVALID: 'VOUCHER_AMOUNT_INVALID',
  AMOUNT_EXCEEDS_REMAINING: 'VOUCHER_AMOUNT_EXCEEDS_REMAINING',
};

const CHOICE_TYPES: readonly string[] = ['amount', 'percentage', 'gift'];

function refuse(index: number, code: ErrorCode, message: string): Failure {
  return fail(code, message, [{ field: `vouchers[${index}]`, code, message }]);
}

/** Nominative vouchers belong to a card (or its customer) or to a customer; bearer vouchers to anyone. */
function belongs(row: repo.VoucherRow, cardId: string | null, customerId: string | null): boolean {
  if (row.card_id === null && row.customer_id === null) return true;
  if (row.card_id !== null && row.card_id === cardId) return true;
  return row.customer_id !== null && row.customer_id === customerId;
}

/**
 * Redeems the vouchers of a sale in the caller's transaction. The money of amount vouchers (and gift
 * vouchers' money value) is returned as `amountDeduction`, to be taken off the lines before earning.
 * A failure names the voucher (details[0].field = vouchers[i]); the uses before it may already be written,
 * so the caller must roll the transaction back on any failure.
 */
export async function redeemVouchersForSale(
  tx: Tx,
  input: {
    merchantId: string;
    cardId: string | null;
    customerId: string | null;
    saleId: string;
    now: string;
    uses: SaleVoucherUse[];
  },
): Promise<
  Result<{
    amountDeduction: number;
    vouchers: { number: string; kind: string; deduction: number; remainder: number }[];
  }>
> {
  const nowMs = Date.parse(input.now);
  const seen = new Set<string>();
  const vouchers: RedeemedVoucher[] = [];
  let amountDeduction = 0;
  for (const [index, use] of input.uses.entries()) {
    if (seen.has(use.number)) {
      return refuse(index, 'VOUCHER_ALREADY_USED', `Voucher ${use.number} is listed twice in this sale.`);
    }
    seen.add(use.number);
    if (use.type !== undefined && !CHOICE_TYPES.includes(use.type)) {
      return refuse(index, 'VOUCHER_CHOICE_TYPE_INVALID', `Voucher type must be amount, percentage or gift.`);
    }
    const coreUse: VoucherUse = {
      ...(use.type !== undefined ? { type: use.type as ChoiceType } : {}),
      ...(use.value !== undefined ? { value: use.value } : {}),
      ...(use.amount !== undefined ? { amount: use.amount } : {}),
    };
    // A lost race (the row changed between read and write) is re-read and re-decided, a few times.
    let written: { row: repo.VoucherRow; stored: StoredUse; deduction: number; remainder: number } | null =
      null;
    for (let attempt = 0; attempt < 5 && written === null; attempt++) {
      const row = await repo.findVoucherByNumber(tx, input.merchantId, use.number);
      if (!row) return refuse(index, 'VOUCHER_NOT_FOUND', `Voucher ${use.number} was not found.`);
      if (!belongs(row, input.cardId, input.customerId)) {
        return refuse(
          index,
          'VOUCHER_NOT_OWNED',
          `Voucher ${use.number} belongs to another card or customer.`,
        );
      }
      if (row.status === 'cancelled') {
        return refuse(index, 'VOUCHER_CANCELLED', `Voucher ${use.number} has been cancelled.`);
      }
      const redeemed = redeemVoucher(toCoreVoucher(row), coreUse, nowMs);
      if (!redeemed.ok) return refuse(index, REASON_CODES[redeemed.reason], redeemed.message);
      const next = {
        status: redeemed.voucher.status,
        remaining: redeemed.voucher.kind === 'amount' ? redeemed.voucher.remaining : Number(row.remaining),
      };
      const expected = { status: 'active', remaining: Number(row.remaining) };
      if (await repo.updateVoucherState(tx, row.id, next, expected, input.now)) {
        const chosen = redeemed.voucher.kind === 'choices' ? redeemed.voucher.chosen : undefined;
        written = {
          row,
          stored: { applied: redeemed.applied, ...(chosen ? { chosen } : {}) },
          deduction: redeemed.deduction,
          remainder: redeemed.remainder,
        };
      }
    }
    if (written === null) {
      return refuse(index, 'VOUCHER_ALREADY_USED', `Voucher ${use.number} was already used.`);
    }
    await repo.insertVoucherUse(tx, {
      id: newId('vus'),
      voucher_id: written.row.id,
      sale_id: input.saleId,
      amount: written.deduction,
      choice: JSON.stringify(written.stored),
      restored_at: null,
      created_at: input.now,
    });
    amountDeduction += written.deduction;
    vouchers.push({
      number: written.row.number,
      kind: written.row.kind,
      deduction: written.deduction,
      remainder: written.remainder,
    });
  }
  return ok({ amountDeduction, vouchers });
}

/** The voucher changed between read and write during a restore: the transaction is retried. */
class StaleVoucherError extends RetryableDbError {
  constructor(id: string) {
    super(new Error(`voucher ${id} changed concurrently`));
  }
}

/**
 * Undoes the voucher uses of a cancelled sale (each use once: voucher_uses.restored_at). Amount vouchers
 * get back what the use took; others become usable again. A cancelled voucher stays cancelled.
 */
export async function restoreVouchersForSale(tx: Tx, saleId: string, now: string): Promise<void> {
  const nowMs = Date.parse(now);
  for (const use of await repo.openUsesOfSale(tx, saleId)) {
    if (!(await repo.markUseRestored(tx, use.id, now))) continue;
    const row = await repo.findVoucherById(tx, use.voucher_id);
    if (!row || use.choice === null) continue;
    const stored = JSON.parse(use.choice) as StoredUse;
    const restored = restoreVoucher(toCoreVoucher(row, stored.chosen), stored.applied, nowMs);
    if (!restored.ok) continue;
    const next = {
      status: restored.voucher.status,
      remaining: restored.voucher.kind === 'amount' ? restored.voucher.remaining : Number(row.remaining),
    };
    const expected = { status: row.status, remaining: Number(row.remaining) };
    if (!(await repo.updateVoucherState(tx, row.id, next, expected, now))) {
      throw new StaleVoucherError(row.id);
    }
  }
}
