import { describe, expect, it } from 'vitest';
import { minorDigits, toMinorUnits } from './money.js';

describe('toMinorUnits', () => {
  it.each([
    [17.991, 2, 1799],
    [0.30000000000000004, 2, 30],
    [2404.5, 2, 240450],
    [0.125, 2, 12],
    [0.135, 2, 14],
    [0.005, 2, 0],
    [0.015, 2, 2],
    [-2.345, 2, -234],
    [-0.001, 2, 0],
    [1e-7, 2, 0],
    [1.5e3, 2, 150000],
    [19.99 * 0.9, 2, 1799],
    [1234.5, 0, 1234],
    [1235.5, 0, 1236],
    [1.0005, 3, 1000],
    [90071992547409.92, 2, null],
    [90071992547409.9, 2, 9007199254740990],
    [Number.NaN, 2, null],
    [Number.POSITIVE_INFINITY, 2, null],
  ])('%s with %s digits → %s', (value, digits, expected) => {
    expect(toMinorUnits(value, digits)).toBe(expected);
  });

  it('knows the minor digits of ISO 4217 currencies', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });
});
