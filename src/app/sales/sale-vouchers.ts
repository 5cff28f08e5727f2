/**
 * Vouchers used in a sale: read for its plan, written by its commit, and restored when the sale is
 * cancelled. Each use is one conditional write of the voucher plus one voucher_uses row (unique per voucher
 * and sale). The rules (found, owned, usable, what it deducts) are the core's planVoucherUses.
 */
import { ok, type Result } from '../../core/error-catalog.js';
import {
  restoreVoucher,
  type AppliedUse,
  type ChoiceType,
  type VoucherChoice,
} from '../../core/rewards/index.js';
import { planVoucherUses, type PlannedVoucherUse, type SaleVoucher } from '../../core/sales/plan-vouchers.js';
import { RetryableDbError } from '../../db/errors.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';
import { toCoreVoucher } from '../rewards/voucher-view.js';

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

/** The vouchers named, as a sale reads them (absent numbers are not found in the merchant). */
export async function loadSaleVouchers(
  tx: Tx,
  merchantId: string,
  numbers: readonly string[],
): Promise<Map<string, SaleVoucher>> {
  const found = new Map<string, SaleVoucher>();
  for (const number of new Set(numbers)) {
    const row = await repo.findVoucherByNumber(tx, merchantId, number);
    if (!row) continue;
    found.set(number, {
      id: row.id,
      number: row.number,
      kind: row.kind,
      cardId: row.card_id,
      customerId: row.customer_id,
      status: row.status,
      remaining: Number(row.remaining),
      voucher: toCoreVoucher(row),
    });
  }
  return found;
}

/** A voucher changed between the sale's read and its write: the transaction is retried. */
export class StaleVoucherError extends RetryableDbError {
  constructor(id: string) {
    super(new Error(`voucher ${id} changed concurrently`));
  }
}

/** Writes planned uses: each voucher conditional on the state it was planned on, and its voucher_uses row. */
export async function writeVoucherUses(
  tx: Tx,
  saleId: string,
  uses: readonly PlannedVoucherUse[],
  now: string,
): Promise<void> {
  for (const use of uses) {
    if (!(await repo.updateVoucherState(tx, use.voucherId, use.next, use.expected, now))) {
      throw new StaleVoucherError(use.voucherId);
    }
    await repo.insertVoucherUse(tx, {
      id: newId('vus'),
      voucher_id: use.voucherId,
      sale_id: saleId,
      amount: use.deduction,
      choice: JSON.stringify(use.stored),
      restored_at: null,
      created_at: now,
    });
  }
}

/**
 * Redeems vouchers in the caller's transaction, as a sale does (read, plan in the core, conditional writes):
 * for the use-cases that spend vouchers outside a sale's plan. The money of amount vouchers (and gift
 * vouchers' money value) is returned as `amountDeduction`. A voucher changed meanwhile fails the transaction,
 * which the caller's unit of work retries.
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
): Promise<Result<{ amountDeduction: number; vouchers: RedeemedVoucher[] }>> {
  const found = await loadSaleVouchers(
    tx,
    input.merchantId,
    input.uses.map((u) => u.number),
  );
  const planned = planVoucherUses(
    input.uses.map((u) => ({
      number: u.number,
      ...(u.type !== undefined ? { type: u.type as ChoiceType } : {}),
      ...(u.value !== undefined ? { value: u.value } : {}),
      ...(u.amount !== undefined ? { amount: u.amount } : {}),
    })),
    found,
    { cardId: input.cardId, customerId: input.customerId },
    Date.parse(input.now),
  );
  if (!planned.ok) return planned;
  await writeVoucherUses(tx, input.saleId, planned.value.uses, input.now);
  return ok({
    amountDeduction: planned.value.amountDeduction,
    vouchers: planned.value.uses.map((u) => ({
      number: u.number,
      kind: u.kind,
      deduction: u.deduction,
      remainder: u.remainder,
    })),
  });
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
