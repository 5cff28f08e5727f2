import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleLine } from './sale-line.js';
import { deductAmountVouchers } from './voucher-deduction.js';

const line = (lineNo: number, amount: number, operation: SaleLine['operation'] = 'purchase'): SaleLine => ({
  lineNo,
  operation,
  amount,
  quantity: 1,
  discountPercent: 0,
});

describe('deductAmountVouchers', () => {
  it.each([
    // Avomark "Cas pratique": 2 290 € and 700 € of purchases, two 5 € amount vouchers.
    ['Avomark case', [line(1, 229000), line(2, 70000)], 1000, [766, 234], 1000],
    ['even split', [line(1, 500), line(2, 500)], 100, [50, 50], 100],
    ['tie goes to the earlier line', [line(1, 100), line(2, 100)], 1, [1, 0], 1],
    ['three-way remainder', [line(1, 100), line(2, 100), line(3, 100)], 2, [1, 1, 0], 2],
    ['capped at the purchase total', [line(1, 300), line(2, 200)], 900, [300, 200], 500],
    ['nothing to deduct', [line(1, 300)], 0, [0], 0],
    [
      'non-purchase lines untouched',
      [line(1, 300), line(2, 1000, 'deposit'), line(3, 100)],
      200,
      [150, 0, 50],
      200,
    ],
    ['zero-amount lines untouched', [line(1, 0), line(2, 1000)], 10, [0, 10], 10],
    ['no purchase at all', [line(1, -500, 'return')], 500, [0], 0],
  ] as const)('%s', (_name, lines, voucherTotal, perLine, applied) => {
    const result = deductAmountVouchers(lines, voucherTotal);
    expect(result.applied).toBe(applied);
    expect(result.lines.map((l, i) => lines[i]!.amount - l.amount)).toEqual(perLine);
    expect(result.deductions).toEqual(
      perLine.flatMap((amount, i) => (amount > 0 ? [{ lineNo: lines[i]!.lineNo, amount }] : [])),
    );
  });

  it('does not mutate its input', () => {
    const lines = [line(1, 229000), line(2, 70000)];
    const copy = structuredClone(lines);
    deductAmountVouchers(lines, 1000);
    expect(lines).toEqual(copy);
  });

  it.each([-1, 1.5, Number.NaN])('throws on the voucher total %d', (total) => {
    expect(() => deductAmountVouchers([line(1, 100)], total)).toThrow(RangeError);
  });

  it('always deducts exactly min(voucher, purchases), never below zero, at most one unit from proportional', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (amounts, voucher) => {
          const lines = amounts.map((amount, i) => line(i + 1, amount));
          const total = amounts.reduce((a, b) => a + b, 0);
          const result = deductAmountVouchers(lines, voucher);
          const taken = result.deductions.reduce((sum, d) => sum + d.amount, 0);
          expect(result.applied).toBe(Math.min(voucher, total));
          expect(taken).toBe(result.applied);
          result.lines.forEach((l, i) => {
            expect(l.amount).toBeGreaterThanOrEqual(0);
            const exact = total === 0 ? 0 : (result.applied * amounts[i]!) / total;
            expect(Math.abs(amounts[i]! - l.amount - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
