import type { Voucher, VoucherChoice } from './vouchers.js';

export type VoucherIssueReason =
  | 'NUMBER_REQUIRED'
  | 'VALUE_INVALID'
  | 'REMAINING_INVALID'
  | 'PERCENT_INVALID'
  | 'GIFT_LABEL_REQUIRED'
  | 'MONEY_VALUE_INVALID'
  | 'OPTIONS_REQUIRED'
  | 'OPTION_INVALID'
  | 'OPTION_DUPLICATE'
  | 'VALIDITY_INVALID';

export interface VoucherIssue {
  field: string;
  reason: VoucherIssueReason;
  message: string;
}

const positiveInteger = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
const nonNegativeInteger = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const validPercent = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 100;
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

function optionIssue(option: VoucherChoice): string | null {
  switch (option.type) {
    case 'amount':
      return positiveInteger(option.value)
        ? null
        : 'An amount option needs a positive integer value in minor units.';
    case 'percentage':
      return validPercent(option.value) ? null : 'A percentage option needs a value above 0 and at most 100.';
    case 'gift':
      if (blank(option.value)) return 'A gift option needs a gift id as its value.';
      if (option.moneyValue != null && !nonNegativeInteger(option.moneyValue)) {
        return 'A gift option money value must be a non-negative integer in minor units.';
      }
      return null;
    default:
      return 'Option type must be amount, percentage or gift.';
  }
}

/**
 * Checks a voucher when it is created or imported: a number; amount value > 0 and 0 ≤ remaining ≤ value;
 * percent in (0, 100]; gift label and money value; choices with at least one valid option and no duplicate
 * (type, value); validFrom ≤ validUntil. Reports every issue.
 */
export function validateVoucher(
  voucher: Voucher,
): { ok: true } | { ok: false; reason: 'INVALID_VOUCHER'; issues: VoucherIssue[] } {
  const issues: VoucherIssue[] = [];
  const add = (field: string, reason: VoucherIssueReason, message: string) =>
    issues.push({ field, reason, message });
  if (blank(voucher.number)) add('number', 'NUMBER_REQUIRED', 'A voucher needs a number.');
  const { validFrom, validUntil } = voucher;
  if (
    (validFrom !== null && !Number.isSafeInteger(validFrom)) ||
    (validUntil !== null && !Number.isSafeInteger(validUntil))
  ) {
    add('validFrom', 'VALIDITY_INVALID', 'Validity bounds are epoch milliseconds.');
  } else if (validFrom !== null && validUntil !== null && validFrom > validUntil) {
    add('validUntil', 'VALIDITY_INVALID', 'validUntil is before validFrom.');
  }
  switch (voucher.kind) {
    case 'amount':
      if (!positiveInteger(voucher.value))
        add('value', 'VALUE_INVALID', 'The value must be a positive integer in minor units.');
      if (!nonNegativeInteger(voucher.remaining) || voucher.remaining > voucher.value) {
        add('remaining', 'REMAINING_INVALID', 'remaining must be an integer from 0 to the value.');
      }
      break;
    case 'percentage':
      if (!validPercent(voucher.percent))
        add('percent', 'PERCENT_INVALID', 'percent must be above 0 and at most 100.');
      break;
    case 'gift':
      if (blank(voucher.label)) add('label', 'GIFT_LABEL_REQUIRED', 'A gift voucher needs a label.');
      if (voucher.moneyValue !== null && !nonNegativeInteger(voucher.moneyValue)) {
        add('moneyValue', 'MONEY_VALUE_INVALID', 'moneyValue must be a non-negative integer in minor units.');
      }
      break;
    case 'choices': {
      if (voucher.options.length === 0)
        add('options', 'OPTIONS_REQUIRED', 'A choices voucher needs options.');
      const seen = new Set<string>();
      voucher.options.forEach((option, index) => {
        const problem = optionIssue(option);
        if (problem) add(`options[${index}]`, 'OPTION_INVALID', problem);
        const key = `${option.type}:${String(option.value)}`;
        if (seen.has(key)) add(`options[${index}]`, 'OPTION_DUPLICATE', `Option ${key} appears twice.`);
        seen.add(key);
      });
      break;
    }
  }
  return issues.length === 0 ? { ok: true } : { ok: false, reason: 'INVALID_VOUCHER', issues };
}
