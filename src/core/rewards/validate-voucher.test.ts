import { describe, expect, it } from 'vitest';
import { validateVoucher } from './validate-voucher.js';
import type { Voucher } from './vouchers.js';

const common = { number: 'V1', status: 'active', validFrom: null, validUntil: null } as const;

describe('validateVoucher', () => {
  it.each<[string, object, string[]]>([
    ['amount', { kind: 'amount', value: 500, splittable: true, remaining: 200 }, []],
    ['percentage', { kind: 'percentage', percent: 12.5 }, []],
    ['gift', { kind: 'gift', giftId: null, label: 'Une nuit offerte', moneyValue: null }, []],
    [
      'choices',
      {
        kind: 'choices',
        options: [
          { type: 'amount', value: 2500 },
          { type: 'gift', value: 'g1', moneyValue: 0 },
        ],
      },
      [],
    ],
    ['validity window', { kind: 'percentage', percent: 10, validFrom: 1, validUntil: 2 }, []],
    ['no number', { kind: 'percentage', percent: 10, number: '' }, ['NUMBER_REQUIRED']],
    ['zero value', { kind: 'amount', value: 0, splittable: false, remaining: 0 }, ['VALUE_INVALID']],
    ['decimal value', { kind: 'amount', value: 5.5, splittable: false, remaining: 5 }, ['VALUE_INVALID']],
    [
      'remaining above value',
      { kind: 'amount', value: 500, splittable: true, remaining: 600 },
      ['REMAINING_INVALID'],
    ],
    [
      'negative remaining',
      { kind: 'amount', value: 500, splittable: true, remaining: -1 },
      ['REMAINING_INVALID'],
    ],
    ['percent 0', { kind: 'percentage', percent: 0 }, ['PERCENT_INVALID']],
    ['percent 101', { kind: 'percentage', percent: 101 }, ['PERCENT_INVALID']],
    [
      'gift without label',
      { kind: 'gift', giftId: 'g', label: ' ', moneyValue: null },
      ['GIFT_LABEL_REQUIRED'],
    ],
    [
      'gift with a decimal value',
      { kind: 'gift', giftId: 'g', label: 'x', moneyValue: 1.5 },
      ['MONEY_VALUE_INVALID'],
    ],
    ['no options', { kind: 'choices', options: [] }, ['OPTIONS_REQUIRED']],
    [
      'bad options',
      {
        kind: 'choices',
        options: [
          { type: 'amount', value: 0 },
          { type: 'percentage', value: 150 },
          { type: 'gift', value: '' },
        ],
      },
      ['OPTION_INVALID', 'OPTION_INVALID', 'OPTION_INVALID'],
    ],
    [
      'duplicate option',
      {
        kind: 'choices',
        options: [
          { type: 'percentage', value: 10 },
          { type: 'percentage', value: 10 },
        ],
      },
      ['OPTION_DUPLICATE'],
    ],
    [
      'inverted window',
      { kind: 'percentage', percent: 10, validFrom: 2, validUntil: 1 },
      ['VALIDITY_INVALID'],
    ],
    ['non-integer window', { kind: 'percentage', percent: 10, validFrom: 1.5 }, ['VALIDITY_INVALID']],
  ])('%s', (_name, fields, reasons) => {
    const result = validateVoucher({ ...common, ...fields } as Voucher);
    if (reasons.length === 0) expect(result).toEqual({ ok: true });
    else expect(result.ok === false && result.issues.map((issue) => issue.reason)).toEqual(reasons);
  });
});
