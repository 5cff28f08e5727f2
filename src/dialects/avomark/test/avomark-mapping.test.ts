import { describe, expect, it } from 'vitest';
import { normalizeError, HttpError } from '../../../http/http-error.js';
import { AVOMARK_CODES, AVOMARK_MESSAGES, AvomarkError, toAvomark } from '../errors.js';
import { toMajor, toMinor } from '../money.js';
import { toSaleInput } from '../sale-mapping.js';
import type { ErrorCode } from '../../../core/error-catalog.js';

const avomarkOf = (code: ErrorCode) => {
  const error = new HttpError(code);
  return { ...toAvomark(error, normalizeError(error)), status: error.status };
};

describe('Avomark error table', () => {
  it.each([
    ['CARD_NOT_FOUND', 1],
    ['CARD_NOT_ALLOWED', 2],
    ['CARD_STATUS_ERROR', 2],
    ['CARD_BOUND_TO_ANOTHER_CUSTOMER', 3],
    ['WALLET_NOT_ACTIVATED', 50],
    ['GODFATHER_ALREADY_SET', 61],
    ['SALE_NOT_FOUND', 100],
    ['INSUFFICIENT_POINTS', 101],
    ['SALE_ALREADY_SAVED', 103],
    ['SELLER_INVALID', 104],
    ['TERMINAL_NOT_FOUND', 200],
    ['ADDRESS_INCONSISTENT', 302],
    ['PHONE_COUNTRY_CODE_REQUIRED', 303],
    ['BIRTH_DATE_INVALID', 304],
    ['SEARCH_TOO_SHORT', 311],
    ['LAST_NAME_TOO_LONG', 312],
    ['FIRST_NAME_TOO_LONG', 313],
    ['ADDRESS_LINE_TOO_LONG', 314],
    ['LAST_NAME_REQUIRED', 315],
    ['CUSTOMER_NOT_FOUND', 316],
    ['ITEM_UNKNOWN', 400],
    ['ITEM_TYPE_UNKNOWN', 401],
    ['VOUCHER_NOT_FOUND', 450],
    ['VOUCHER_ALREADY_USED', 451],
    ['STEP_NOT_REACHED', 452],
    ['VOUCHER_CHOICE_TYPE_INVALID', 453],
    ['VOUCHER_CHOICE_VALUE_INVALID', 454],
  ] as [ErrorCode, keyof typeof AVOMARK_MESSAGES][])(
    '%s → %i with the seed message and a 4xx',
    (code, number) => {
      const out = avomarkOf(code);
      expect(out.code).toBe(number);
      expect(out.message).toBe(AVOMARK_MESSAGES[number]);
      expect(out.status).toBeGreaterThanOrEqual(400);
      expect(out.status).toBeLessThan(500);
    },
  );

  it('maps only onto numbers of the table; other codes answer 0 with the catalog message', () => {
    for (const n of Object.values(AVOMARK_CODES)) expect(AVOMARK_MESSAGES[n]).toBeDefined();
    expect(avomarkOf('EMAIL_INVALID')).toMatchObject({
      code: 0,
      message: 'The e-mail address is not valid.',
    });
    const own = new AvomarkError(310);
    expect(toAvomark(own, normalizeError(own))).toEqual({
      code: 310,
      message: "A page number can't be negative.",
    });
  });
});

describe('Avomark amounts', () => {
  it.each([
    [2290, 229000],
    [2404.5, 240450],
    [0.1, 10],
    [0.3, 30],
    [19.99, 1999],
    [-5.05, -505],
    [0, 0],
  ])('%d € → %i cents, exactly', (major, minor) => {
    expect(toMinor(major, 'amount')).toBe(minor);
    expect(toMajor(minor)).toBe(major === 0 ? 0 : major);
  });

  it('rounds any number of decimals once, half to even (doubles from the till), refuses non-finite', () => {
    expect(toMinor(1.005, 'amount')).toBe(100);
    expect(toMinor(17.991, 'amount')).toBe(1799);
    expect(toMinor(19.99 * 0.9, 'amount')).toBe(1799);
    expect(toMinor(0.30000000000000004, 'amount')).toBe(30);
    expect(toMinor(0.125, 'amount')).toBe(12);
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'amount')).toThrow();
    expect(() => toMinor(1e21, 'amount')).toThrow();
  });

  it('maps the cas pratique ticket onto the engine: operations, minor units, categories, vouchers', () => {
    const input = toSaleInput(
      {
        receipt: 'POS0341531C01',
        date: '2018-12-17T15:55:28.91Z',
        purchases: [
          {
            operation: { id: 1 },
            amount: 2290,
            quantity: 2,
            percentageDiscount: 0,
            item: { code: '0021147', label: 'CHAISE' },
            itemType: { code: '8', label: 'JARDIN' },
          },
          { operation: { id: 12 }, amount: 12.34, itemType: { code: 'X' } },
        ],
        voucherUsed: ['11223344', { number: '9', type: 'montant', value: '25', amount: 12.5 }],
      },
      '13732365477',
    );
    expect(input.lines).toEqual([
      {
        operation: 'purchase',
        amount: 229000,
        quantity: 2,
        discountPercent: 0,
        itemCode: '0021147',
        itemLabel: 'CHAISE',
        typeLabel: 'JARDIN',
        attributes: { code: '0021147', type: '8' },
      },
      {
        operation: 'withdrawal',
        amount: 1234,
        quantity: 1,
        discountPercent: 0,
        attributes: { type: 'X' },
      },
    ]);
    expect(input.vouchers).toEqual([
      { number: '11223344' },
      { number: '9', type: 'amount', value: 2500, amount: 1250 },
    ]);
  });

  it('derives a stable receipt when the ticket has none', () => {
    const ticket = { date: '2026-01-01T00:00:00Z', purchases: [{ operation: { id: 1 }, amount: 1 }] };
    expect(toSaleInput(ticket, '1').receipt).toBe(toSaleInput(ticket, '1').receipt);
    expect(toSaleInput(ticket, '1').receipt).not.toBe(toSaleInput(ticket, '2').receipt);
  });
});
