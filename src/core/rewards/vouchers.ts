/**
 * Vouchers: amount (optionally splittable), percentage, gift, and choices (the holder picks one option at
 * the till, Avomark "choices"). Redeeming computes the money to take off the sale before earning ("no
 * loyalty on loyalty") and the voucher's next state; the use-case commits both in one conditional write.
 * Times are epoch milliseconds; money is minor units.
 */

export const VOUCHER_STATUSES = ['active', 'used', 'expired', 'cancelled'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];
export type ChoiceType = 'amount' | 'percentage' | 'gift';

export type VoucherChoice =
  /** value: minor units. */
  | { type: 'amount'; value: number }
  /** value: percent (0 < value ≤ 100). */
  | { type: 'percentage'; value: number }
  /** value: gift id; moneyValue: what the gift is worth, minor units, when known. */
  | { type: 'gift'; value: string; moneyValue?: number | null };

interface VoucherCommon {
  number: string;
  status: VoucherStatus;
  /** First instant of validity (inclusive), epoch ms; null = no start. */
  validFrom: number | null;
  /** Last instant of validity (inclusive), epoch ms; null = no end. */
  validUntil: number | null;
}

export interface AmountVoucher extends VoucherCommon {
  kind: 'amount';
  /** Face value, minor units. */
  value: number;
  /** A splittable voucher can be used in several sales until its remaining reaches 0. */
  splittable: boolean;
  /** What is left, minor units (= value until first use). */
  remaining: number;
}

export interface PercentageVoucher extends VoucherCommon {
  kind: 'percentage';
  percent: number;
}

export interface GiftVoucher extends VoucherCommon {
  kind: 'gift';
  giftId: string | null;
  label: string;
  /** What the gift is worth, minor units, when known. */
  moneyValue: number | null;
}

export interface ChoicesVoucher extends VoucherCommon {
  kind: 'choices';
  options: readonly VoucherChoice[];
  /** The option taken, once used. */
  chosen?: VoucherChoice;
}

export type Voucher = AmountVoucher | PercentageVoucher | GiftVoucher | ChoicesVoucher;

/** How the till uses a voucher: Avomark's `{ number, type, value, amount }` without the number. */
export interface VoucherUse {
  /** Required for choices vouchers; when given for other kinds it must equal the kind. */
  type?: ChoiceType;
  /** The option's value (minor units for amount, percent, or gift id); compared as numbers for amount/percentage. */
  value?: number | string;
  /** Amount vouchers: minor units used (default: all that remains). Gift: the gift's money value. */
  amount?: number;
}

/** What one use did: enough to record it and to undo it (restoreVoucher). */
export interface AppliedUse {
  type: ChoiceType;
  value: number | string;
  /** Minor units taken from the voucher's remaining (amount vouchers); 0 otherwise. */
  taken: number;
}

export type RedeemReason =
  | 'VOUCHER_NOT_ACTIVE'
  | 'VOUCHER_EXPIRED'
  | 'VOUCHER_NOT_YET_VALID'
  | 'VOUCHER_ALREADY_USED'
  | 'CHOICE_REQUIRED'
  | 'CHOICE_TYPE_INVALID'
  | 'CHOICE_VALUE_INVALID'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_EXCEEDS_REMAINING';

export type RedeemResult =
  | {
      ok: true;
      voucher: Voucher;
      /** Minor units to take off the purchase lines before earning (amount used; gift money value; 0 for %). */
      deduction: number;
      /** Minor units left on the voucher after this use (0 unless a splittable amount voucher). */
      remainder: number;
      applied: AppliedUse;
    }
  | { ok: false; reason: RedeemReason; message: string };

export type RedeemRefusal = Extract<RedeemResult, { ok: false }>;
const refuse = (reason: RedeemReason, message: string): RedeemRefusal => ({ ok: false, reason, message });

/**
 * Can the voucher be used at `now`? Refuses a used, cancelled or expired voucher, and one outside its
 * validity window. Returns null when usable.
 */
export function checkUsable(voucher: Voucher, now: number): RedeemRefusal | null {
  if (!Number.isSafeInteger(now)) throw new RangeError('now must be epoch milliseconds.');
  if (voucher.status === 'used')
    return refuse('VOUCHER_ALREADY_USED', `Voucher ${voucher.number} was already used.`);
  if (voucher.status === 'cancelled')
    return refuse('VOUCHER_NOT_ACTIVE', `Voucher ${voucher.number} was cancelled.`);
  if (voucher.status === 'expired' || (voucher.validUntil !== null && now > voucher.validUntil)) {
    return refuse('VOUCHER_EXPIRED', `Voucher ${voucher.number} has expired.`);
  }
  if (voucher.validFrom !== null && now < voucher.validFrom) {
    return refuse('VOUCHER_NOT_YET_VALID', `Voucher ${voucher.number} is not valid yet.`);
  }
  return null;
}

const NUMERIC = /^\d+(\.\d+)?$/;
function asNumber(value: number | string | undefined): number {
  if (typeof value === 'number') return value;
  return value !== undefined && NUMERIC.test(value.trim()) ? Number(value) : Number.NaN;
}

function choiceMatches(option: VoucherChoice, value: number | string): boolean {
  return option.type === 'gift' ? String(value) === option.value : asNumber(value) === option.value;
}

/** The option a use picks on a choices voucher; the value may be left out when the type has one option. */
export function resolveChoice(
  options: readonly VoucherChoice[],
  use: VoucherUse,
): VoucherChoice | RedeemRefusal {
  if (use.type === undefined) {
    return refuse(
      'CHOICE_REQUIRED',
      'A choices voucher must be used with the type and value of the option taken.',
    );
  }
  const ofType = options.filter((option) => option.type === use.type);
  if (ofType.length === 0) return refuse('CHOICE_TYPE_INVALID', `This voucher offers no ${use.type} option.`);
  if (use.value === undefined) {
    if (ofType.length === 1) return ofType[0]!;
    return refuse('CHOICE_VALUE_INVALID', `This voucher offers several ${use.type} options: give the value.`);
  }
  const value = use.value;
  return (
    ofType.find((option) => choiceMatches(option, value)) ??
    refuse('CHOICE_VALUE_INVALID', `No ${use.type} option has the value ${value}.`)
  );
}

/** Amount to use out of `remaining`: the use's amount or all of it; a positive integer no greater than remaining. */
function amountToUse(use: VoucherUse, remaining: number): number | RedeemRefusal {
  const amount = use.amount ?? remaining;
  if (!Number.isSafeInteger(amount) || amount <= 0)
    return refuse('AMOUNT_INVALID', 'The amount must be a positive integer in minor units.');
  if (amount > remaining)
    return refuse('AMOUNT_EXCEEDS_REMAINING', `Only ${remaining} is left on this voucher.`);
  return amount;
}

function giftMoney(use: VoucherUse, moneyValue: number | null | undefined): number | RedeemRefusal {
  const amount = use.amount ?? moneyValue ?? 0;
  if (!Number.isSafeInteger(amount) || amount < 0)
    return refuse('AMOUNT_INVALID', 'The gift value must be a non-negative integer in minor units.');
  return amount;
}

const isRefusal = (x: unknown): x is RedeemRefusal => typeof x === 'object' && x !== null && 'ok' in x;

/**
 * Uses a voucher at `now`. Amount vouchers deduct the amount used (default: all that remains); a splittable
 * one keeps the rest and stays active until its remaining is 0, a non-splittable one is used up whatever
 * part of it the sale consumed. Percentage vouchers deduct 0 (the till applied them to the line amounts).
 * Gift vouchers deduct the gift's money value (`use.amount`, else the voucher's, else 0). A choices voucher
 * needs the type (and value) of the option taken, then behaves as a non-splittable voucher of that type.
 */
export function redeemVoucher(voucher: Voucher, use: VoucherUse, now: number): RedeemResult {
  const unusable = checkUsable(voucher, now);
  if (unusable) return unusable;
  if (voucher.kind !== 'choices' && use.type !== undefined && use.type !== voucher.kind) {
    return refuse(
      'CHOICE_TYPE_INVALID',
      `Voucher ${voucher.number} is a ${voucher.kind} voucher, not ${use.type}.`,
    );
  }
  switch (voucher.kind) {
    case 'amount': {
      const amount = amountToUse(use, voucher.remaining);
      if (isRefusal(amount)) return amount;
      const remaining = voucher.splittable ? voucher.remaining - amount : 0;
      const taken = voucher.remaining - remaining;
      return {
        ok: true,
        voucher: { ...voucher, remaining, status: remaining === 0 ? 'used' : 'active' },
        deduction: amount,
        remainder: remaining,
        applied: { type: 'amount', value: voucher.value, taken },
      };
    }
    case 'percentage':
      return {
        ok: true,
        voucher: { ...voucher, status: 'used' },
        deduction: 0,
        remainder: 0,
        applied: { type: 'percentage', value: voucher.percent, taken: 0 },
      };
    case 'gift': {
      const money = giftMoney(use, voucher.moneyValue);
      if (isRefusal(money)) return money;
      return {
        ok: true,
        voucher: { ...voucher, status: 'used' },
        deduction: money,
        remainder: 0,
        applied: { type: 'gift', value: voucher.giftId ?? voucher.label, taken: 0 },
      };
    }
    case 'choices': {
      const chosen = resolveChoice(voucher.options, use);
      if (isRefusal(chosen)) return chosen;
      let deduction = 0;
      if (chosen.type === 'amount') {
        const amount = amountToUse(use, chosen.value);
        if (isRefusal(amount)) return amount;
        deduction = amount;
      } else if (chosen.type === 'gift') {
        const money = giftMoney(use, chosen.moneyValue);
        if (isRefusal(money)) return money;
        deduction = money;
      }
      return {
        ok: true,
        voucher: { ...voucher, status: 'used', chosen },
        deduction,
        remainder: 0,
        applied: { type: chosen.type, value: chosen.value, taken: 0 },
      };
    }
  }
}
