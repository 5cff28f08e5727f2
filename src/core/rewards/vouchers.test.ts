import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redeemVoucher, type Voucher, type VoucherUse } from './vouchers.js';

const NOW = Date.UTC(2024, 5, 15, 12);
const DAY = 86_400_000;
const common = { status: 'active', validFrom: null, validUntil: null } as const;

const AMOUNT: Voucher = {
  ...common,
  number: '22334455',
  kind: 'amount',
  value: 500,
  splittable: false,
  remaining: 500,
};
const SPLIT: Voucher = {
  ...common,
  number: '33445566',
  kind: 'amount',
  value: 5000,
  splittable: true,
  remaining: 5000,
};
const PERCENT: Voucher = { ...common, number: '11223344', kind: 'percentage', percent: 10 };
const GIFT: Voucher = {
  ...common,
  number: '44556677',
  kind: 'gift',
  giftId: 'gift_chair',
  label: 'Chaise',
  moneyValue: 1500,
};
const CHOICES: Voucher = {
  ...common,
  number: '66778899',
  kind: 'choices',
  options: [
    { type: 'amount', value: 2500 },
    { type: 'gift', value: 'gift_1', moneyValue: 3000 },
    { type: 'percentage', value: 10 },
    { type: 'percentage', value: 15 },
  ],
};

describe('redeemVoucher: kinds', () => {
  it.each<[string, Voucher, VoucherUse, object]>([
    [
      'amount, whole',
      AMOUNT,
      {},
      { deduction: 500, remainder: 0, voucher: { status: 'used', remaining: 0 }, applied: { taken: 500 } },
    ],
    ['amount, typed', AMOUNT, { type: 'amount' }, { deduction: 500 }],
    [
      'amount, part of a non-splittable',
      AMOUNT,
      { amount: 300 },
      { deduction: 300, remainder: 0, voucher: { status: 'used' }, applied: { taken: 500 } },
    ],
    [
      'splittable, part',
      SPLIT,
      { amount: 2000 },
      {
        deduction: 2000,
        remainder: 3000,
        voucher: { status: 'active', remaining: 3000 },
        applied: { type: 'amount', taken: 2000 },
      },
    ],
    [
      'splittable, the rest',
      { ...SPLIT, remaining: 1200 },
      {},
      { deduction: 1200, remainder: 0, voucher: { status: 'used', remaining: 0 } },
    ],
    [
      'splittable, exactly the rest',
      { ...SPLIT, remaining: 1200 },
      { amount: 1200 },
      { remainder: 0, voucher: { status: 'used' } },
    ],
    [
      'percentage',
      PERCENT,
      {},
      { deduction: 0, remainder: 0, voucher: { status: 'used' }, applied: { type: 'percentage', value: 10 } },
    ],
    [
      'gift, own money value',
      GIFT,
      {},
      { deduction: 1500, voucher: { status: 'used' }, applied: { type: 'gift', value: 'gift_chair' } },
    ],
    ['gift, money value from the till', GIFT, { type: 'gift', amount: 1200 }, { deduction: 1200 }],
    ['gift without money value', { ...GIFT, moneyValue: null }, {}, { deduction: 0 }],
    [
      'choices, amount (value inferred)',
      CHOICES,
      { type: 'amount' },
      { deduction: 2500, voucher: { status: 'used', chosen: { type: 'amount', value: 2500 } } },
    ],
    ['choices, amount value as a string', CHOICES, { type: 'amount', value: '2500' }, { deduction: 2500 }],
    [
      'choices, part of the amount',
      CHOICES,
      { type: 'amount', value: 2500, amount: 1000 },
      { deduction: 1000, remainder: 0 },
    ],
    [
      'choices, percentage 15',
      CHOICES,
      { type: 'percentage', value: 15 },
      { deduction: 0, applied: { type: 'percentage', value: 15 } },
    ],
    [
      'choices, percentage "10.0"',
      CHOICES,
      { type: 'percentage', value: '10.0' },
      { deduction: 0, applied: { value: 10 } },
    ],
    [
      'choices, gift',
      CHOICES,
      { type: 'gift', value: 'gift_1' },
      { deduction: 3000, applied: { type: 'gift', value: 'gift_1' } },
    ],
  ])('%s', (_name, voucher, use, expected) => {
    expect(redeemVoucher(voucher, use, NOW)).toMatchObject({ ok: true, ...expected });
  });

  it.each<[string, Voucher, VoucherUse, string]>([
    ['amount above a non-splittable', AMOUNT, { amount: 600 }, 'AMOUNT_EXCEEDS_REMAINING'],
    [
      'amount above the remaining',
      { ...SPLIT, remaining: 1000 },
      { amount: 1500 },
      'AMOUNT_EXCEEDS_REMAINING',
    ],
    ['zero amount', SPLIT, { amount: 0 }, 'AMOUNT_INVALID'],
    ['decimal amount', SPLIT, { amount: 12.5 }, 'AMOUNT_INVALID'],
    ['negative gift value', GIFT, { amount: -1 }, 'AMOUNT_INVALID'],
    ['wrong type on a simple voucher', PERCENT, { type: 'amount' }, 'CHOICE_TYPE_INVALID'],
    ['choices by number only (Avomark 453)', CHOICES, {}, 'CHOICE_REQUIRED'],
    ['choices, value without type', CHOICES, { value: 2500 }, 'CHOICE_REQUIRED'],
    [
      'choices, type not offered (453)',
      { ...CHOICES, options: [{ type: 'amount', value: 100 }] },
      { type: 'gift', value: 'g' },
      'CHOICE_TYPE_INVALID',
    ],
    ['choices, wrong amount value (454)', CHOICES, { type: 'amount', value: 2000 }, 'CHOICE_VALUE_INVALID'],
    ['choices, non-numeric value (454)', CHOICES, { type: 'amount', value: '25 €' }, 'CHOICE_VALUE_INVALID'],
    ['choices, ambiguous percentage (454)', CHOICES, { type: 'percentage' }, 'CHOICE_VALUE_INVALID'],
    ['choices, unknown gift (454)', CHOICES, { type: 'gift', value: 'gift_2' }, 'CHOICE_VALUE_INVALID'],
    [
      'choices, amount above the option',
      CHOICES,
      { type: 'amount', amount: 3000 },
      'AMOUNT_EXCEEDS_REMAINING',
    ],
  ])('refuses %s', (_name, voucher, use, reason) => {
    expect(redeemVoucher(voucher, use, NOW)).toMatchObject({ ok: false, reason });
  });
});

describe('redeemVoucher: status and validity', () => {
  it.each<[string, Partial<Voucher>, string | null]>([
    ['active', {}, null],
    ['used', { status: 'used' }, 'VOUCHER_ALREADY_USED'],
    ['cancelled', { status: 'cancelled' }, 'VOUCHER_NOT_ACTIVE'],
    ['expired', { status: 'expired' }, 'VOUCHER_EXPIRED'],
    ['past its validity', { validUntil: NOW - 1 }, 'VOUCHER_EXPIRED'],
    ['on its last instant', { validUntil: NOW }, null],
    ['before its validity', { validFrom: NOW + DAY }, 'VOUCHER_NOT_YET_VALID'],
    ['on its first instant', { validFrom: NOW, validUntil: NOW + DAY }, null],
  ])('%s', (_name, overrides, reason) => {
    const result = redeemVoucher({ ...AMOUNT, ...overrides } as Voucher, {}, NOW);
    if (reason === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, reason });
  });

  it('checks the status before the choice', () => {
    expect(redeemVoucher({ ...CHOICES, status: 'used' }, {}, NOW)).toMatchObject({
      reason: 'VOUCHER_ALREADY_USED',
    });
  });

  it('throws on a non-integer clock', () => {
    expect(() => redeemVoucher(AMOUNT, {}, Number.NaN)).toThrow(RangeError);
  });

  it('does not mutate the voucher', () => {
    const voucher = structuredClone(SPLIT);
    redeemVoucher(voucher, { amount: 100 }, NOW);
    expect(voucher).toEqual(SPLIT);
  });
});

describe('splittable vouchers', () => {
  it('deduct exactly their value over any sequence of uses, then refuse', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 20 }), (amounts) => {
        let voucher: Voucher = SPLIT;
        let deducted = 0;
        for (const amount of amounts) {
          const result = redeemVoucher(voucher, { amount }, NOW);
          if (!result.ok) {
            expect(['AMOUNT_EXCEEDS_REMAINING', 'VOUCHER_ALREADY_USED']).toContain(result.reason);
            continue;
          }
          deducted += result.deduction;
          voucher = result.voucher;
          expect(result.remainder).toBe(5000 - deducted);
        }
        expect(voucher.kind === 'amount' && voucher.remaining).toBe(5000 - deducted);
        expect(voucher.status).toBe(deducted === 5000 ? 'used' : 'active');
      }),
    );
  });
});
