import { describe, expect, it } from 'vitest';
import { validateSaleLines, type SaleLine } from './sale-line.js';

const line = (overrides: Partial<SaleLine> = {}): SaleLine => ({
  lineNo: 1,
  operation: 'purchase',
  amount: 1000,
  quantity: 1,
  discountPercent: 0,
  ...overrides,
});

describe('validateSaleLines', () => {
  it.each([
    ['a plain purchase', [line()], []],
    ['a negative discount line', [line({ operation: 'discount', amount: -100 })], []],
    ['attributes', [line({ attributes: { type: '9', level1: 'SHOES' } }), line({ lineNo: 2 })], []],
    ['a zero lineNo', [line({ lineNo: 0 })], ['LINE_NO_INVALID']],
    ['a duplicate lineNo', [line(), line()], ['LINE_NO_DUPLICATE']],
    ['an unknown operation', [line({ operation: 'refund' as SaleLine['operation'] })], ['OPERATION_UNKNOWN']],
    ['a decimal amount', [line({ amount: 10.5 })], ['AMOUNT_NOT_INTEGER']],
    ['a negative purchase', [line({ amount: -1 })], ['PURCHASE_AMOUNT_NEGATIVE']],
    ['a NaN quantity', [line({ quantity: Number.NaN })], ['QUANTITY_INVALID']],
    ['a discount above 100', [line({ discountPercent: 101 })], ['DISCOUNT_PERCENT_INVALID']],
    ['an unknown attribute', [line({ attributes: { colour: 'red' } as never })], ['ATTRIBUTE_UNKNOWN']],
    ['a blank attribute', [line({ attributes: { type: ' ' } })], ['ATTRIBUTE_VALUE_INVALID']],
    [
      'several issues',
      [line({ amount: 1.5, attributes: { type: '' } })],
      ['AMOUNT_NOT_INTEGER', 'ATTRIBUTE_VALUE_INVALID'],
    ],
  ] as const)('%s', (_name, lines, reasons) => {
    const result = validateSaleLines(lines);
    if (reasons.length === 0) expect(result).toEqual({ ok: true });
    else expect(result.ok === false && result.issues.map((issue) => issue.reason)).toEqual(reasons);
  });
});
