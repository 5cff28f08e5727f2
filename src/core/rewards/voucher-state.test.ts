import { describe, expect, it } from 'vitest';
import { cancelVoucher, expireVoucher, restoreVoucher, voucherStatusAt } from './voucher-state.js';
import { redeemVoucher, type AppliedUse, type Voucher, type VoucherUse } from './vouchers.js';

const NOW = Date.UTC(2024, 5, 15, 12);
const common = { status: 'active', validFrom: null, validUntil: null } as const;
const AMOUNT: Voucher = {
  ...common,
  number: 'A',
  kind: 'amount',
  value: 500,
  splittable: false,
  remaining: 500,
};
const SPLIT: Voucher = {
  ...common,
  number: 'S',
  kind: 'amount',
  value: 5000,
  splittable: true,
  remaining: 5000,
};
const PERCENT: Voucher = { ...common, number: 'P', kind: 'percentage', percent: 10 };
const GIFT: Voucher = {
  ...common,
  number: 'G',
  kind: 'gift',
  giftId: 'gift_1',
  label: 'Chaise',
  moneyValue: null,
};
const CHOICES: Voucher = {
  ...common,
  number: 'C',
  kind: 'choices',
  options: [
    { type: 'amount', value: 2500 },
    { type: 'percentage', value: 10 },
  ],
};

function redeem(voucher: Voucher, use: VoucherUse = {}) {
  const result = redeemVoucher(voucher, use, NOW);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('restoreVoucher undoes a use', () => {
  it.each<[string, Voucher, VoucherUse]>([
    ['non-splittable amount', AMOUNT, { amount: 300 }],
    ['splittable amount, part', SPLIT, { amount: 2000 }],
    ['splittable amount, all', SPLIT, {}],
    ['percentage', PERCENT, {}],
    ['gift', GIFT, {}],
    ['choices', CHOICES, { type: 'percentage' }],
  ])('%s', (_name, voucher, use) => {
    const used = redeem(voucher, use);
    expect(restoreVoucher(used.voucher, used.applied, NOW)).toEqual({ ok: true, voucher });
  });

  it('restores the second of two uses of a splittable voucher only', () => {
    const first = redeem(SPLIT, { amount: 1000 });
    const second = redeem(first.voucher, { amount: 1500 });
    expect(restoreVoucher(second.voucher, second.applied, NOW)).toEqual({ ok: true, voucher: first.voucher });
  });

  it('leaves a voucher past its validity expired', () => {
    const voucher = { ...PERCENT, validUntil: NOW + 1000 };
    const used = redeem(voucher);
    expect(restoreVoucher(used.voucher, used.applied, NOW + 2000)).toMatchObject({
      ok: true,
      voucher: { status: 'expired' },
    });
  });
});

describe('restoreVoucher refusals', () => {
  const amountUse: AppliedUse = { type: 'amount', value: 5000, taken: 2000 };
  it.each<[string, Voucher, AppliedUse, string]>([
    ['cancelled voucher', { ...SPLIT, status: 'cancelled', remaining: 3000 }, amountUse, 'VOUCHER_CANCELLED'],
    ['more than the value', SPLIT, amountUse, 'RESTORE_EXCEEDS_VALUE'],
    ['nothing taken', { ...SPLIT, remaining: 3000 }, { ...amountUse, taken: 0 }, 'NOTHING_TO_RESTORE'],
    [
      'a percentage use on an amount voucher',
      { ...SPLIT, remaining: 3000 },
      { type: 'percentage', value: 10, taken: 0 },
      'RESTORE_MISMATCH',
    ],
    ['an unused gift', GIFT, { type: 'gift', value: 'gift_1', taken: 0 }, 'NOTHING_TO_RESTORE'],
    [
      'an amount use on a used percentage voucher',
      { ...PERCENT, status: 'used' },
      amountUse,
      'RESTORE_MISMATCH',
    ],
    [
      'another option of a choices voucher',
      { ...CHOICES, status: 'used', chosen: { type: 'percentage', value: 10 } },
      amountUse,
      'RESTORE_MISMATCH',
    ],
  ])('%s', (_name, voucher, applied, reason) => {
    expect(restoreVoucher(voucher, applied, NOW)).toMatchObject({ ok: false, reason });
  });
});

describe('cancelVoucher', () => {
  it.each([
    ['active', 'active', { ok: true, voucher: { status: 'cancelled' } }],
    ['used', 'used', { ok: false, reason: 'VOUCHER_NOT_ACTIVE' }],
    ['expired', 'expired', { ok: false, reason: 'VOUCHER_NOT_ACTIVE' }],
    ['cancelled', 'cancelled', { ok: false, reason: 'VOUCHER_NOT_ACTIVE' }],
  ] as const)('%s', (_name, status, expected) => {
    expect(cancelVoucher({ ...SPLIT, status })).toMatchObject(expected);
  });
});

describe('voucherStatusAt / expireVoucher', () => {
  it.each([
    ['active, no end', { ...PERCENT }, 'active'],
    ['active, before its end', { ...PERCENT, validUntil: NOW }, 'active'],
    ['active, past its end', { ...PERCENT, validUntil: NOW - 1 }, 'expired'],
    ['used, past its end', { ...PERCENT, status: 'used', validUntil: NOW - 1 }, 'used'],
    ['cancelled', { ...PERCENT, status: 'cancelled' }, 'cancelled'],
  ] as const)('%s', (_name, voucher, status) => {
    expect(voucherStatusAt(voucher, NOW)).toBe(status);
    expect(expireVoucher(voucher, NOW).status).toBe(status);
  });
});
