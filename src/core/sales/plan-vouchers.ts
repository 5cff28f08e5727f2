/**
 * The vouchers a sale uses: each one found, owned by the sale's card or customer (or a bearer voucher),
 * usable now, and what it takes off the sale. Pure: the writes are conditional on the state read here.
 */
import { fail, ok, type ErrorCode, type Failure, type Result } from '../error-catalog.js';
import type { VoucherStatus } from '../rewards/vouchers.js';
import {
  redeemVoucher,
  type AppliedUse,
  type ChoiceType,
  type RedeemReason,
  type Voucher,
  type VoucherChoice,
  type VoucherUse,
} from '../rewards/index.js';

/** A voucher as the sale read it (under the card lock; bearer vouchers are guarded by their conditional write). */
export interface SaleVoucher {
  id: string;
  number: string;
  kind: string;
  cardId: string | null;
  customerId: string | null;
  status: string;
  remaining: number;
  voucher: Voucher;
}

export interface VoucherUseRequest extends VoucherUse {
  number: string;
  /** As sent: checked against the choice types before it reaches the pure model. */
  type?: ChoiceType;
}

/** One use, with the state it was planned on (`expected`) and the one to write (`next`). */
export interface PlannedVoucherUse {
  voucherId: string;
  number: string;
  kind: string;
  deduction: number;
  remainder: number;
  expected: { status: VoucherStatus; remaining: number };
  next: { status: VoucherStatus; remaining: number };
  /** Enough to undo the use (voucher_uses.choice). */
  stored: { applied: AppliedUse; chosen?: VoucherChoice };
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
export function voucherBelongs(
  v: Pick<SaleVoucher, 'cardId' | 'customerId'>,
  cardId: string | null,
  customerId: string | null,
): boolean {
  if (v.cardId === null && v.customerId === null) return true;
  if (v.cardId !== null && v.cardId === cardId) return true;
  return v.customerId !== null && v.customerId === customerId;
}

/**
 * Plans the uses in order; the first refusal names its voucher (details[0].field = vouchers[i]).
 * `found` holds the vouchers read, by number.
 */
export function planVoucherUses(
  uses: readonly VoucherUseRequest[],
  found: ReadonlyMap<string, SaleVoucher>,
  owner: { cardId: string | null; customerId: string | null },
  nowMs: number,
): Result<{ uses: PlannedVoucherUse[]; amountDeduction: number }> {
  const seen = new Set<string>();
  const planned: PlannedVoucherUse[] = [];
  let amountDeduction = 0;
  for (const [index, use] of uses.entries()) {
    if (seen.has(use.number)) {
      return refuse(index, 'VOUCHER_ALREADY_USED', `Voucher ${use.number} is listed twice in this sale.`);
    }
    seen.add(use.number);
    if (use.type !== undefined && !CHOICE_TYPES.includes(use.type)) {
      return refuse(index, 'VOUCHER_CHOICE_TYPE_INVALID', `Voucher type must be amount, percentage or gift.`);
    }
    const v = found.get(use.number);
    if (!v) return refuse(index, 'VOUCHER_NOT_FOUND', `Voucher ${use.number} was not found.`);
    if (!voucherBelongs(v, owner.cardId, owner.customerId)) {
      return refuse(index, 'VOUCHER_NOT_OWNED', `Voucher ${use.number} belongs to another card or customer.`);
    }
    if (v.status === 'cancelled') {
      return refuse(index, 'VOUCHER_CANCELLED', `Voucher ${use.number} has been cancelled.`);
    }
    const coreUse: VoucherUse = {
      ...(use.type !== undefined ? { type: use.type } : {}),
      ...(use.value !== undefined ? { value: use.value } : {}),
      ...(use.amount !== undefined ? { amount: use.amount } : {}),
    };
    const redeemed = redeemVoucher(v.voucher, coreUse, nowMs);
    if (!redeemed.ok) return refuse(index, REASON_CODES[redeemed.reason], redeemed.message);
    const chosen = redeemed.voucher.kind === 'choices' ? redeemed.voucher.chosen : undefined;
    planned.push({
      voucherId: v.id,
      number: v.number,
      kind: v.kind,
      deduction: redeemed.deduction,
      remainder: redeemed.remainder,
      expected: { status: 'active', remaining: v.remaining },
      next: {
        status: redeemed.voucher.status,
        remaining: redeemed.voucher.kind === 'amount' ? redeemed.voucher.remaining : v.remaining,
      },
      stored: { applied: redeemed.applied, ...(chosen ? { chosen } : {}) },
    });
    amountDeduction += redeemed.deduction;
  }
  return ok({ uses: planned, amountDeduction });
}
