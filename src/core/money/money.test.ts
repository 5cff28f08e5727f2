import { describe, expect, it } from 'vitest';
import { formatDecimal, minorDigits, parseDecimal, toMajorNumber, toMinorUnits } from './money.js';

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

describe('parseDecimal', () => {
  it.each([
    ['123.50', 2, 12350],
    ['123.5', 2, 12350],
    ['123', 2, 12300],
    ['-0.05', 2, -5],
    ['+7.1', 2, 710],
    ['1234', 0, 1234],
    ['1.005', 3, 1005],
    ['0', 2, 0],
    ['-0', 2, 0],
    ['1.005', 2, undefined],
    ['1,5', 2, undefined],
    ['1e3', 2, undefined],
    ['', 2, undefined],
    ['.5', 2, undefined],
    ['90071992547409.92', 2, undefined],
  ])('%s with %s digits → %s', (text, digits, expected) => {
    expect(parseDecimal(text, digits)).toBe(expected);
  });
});

describe('formatDecimal and toMajorNumber', () => {
  it.each([
    [12350, 2, 2, '123.50'],
    [12350, 2, 1, '123.5'],
    [12300, 2, 1, '123.0'],
    [12300, 2, 0, '123'],
    [-5, 2, 2, '-0.05'],
    [1234, 0, 0, '1234'],
    [1005, 3, 3, '1.005'],
  ])('%s (%s digits, at least %s decimals) → %s', (minor, digits, min, expected) => {
    expect(formatDecimal(minor, digits, min)).toBe(expected);
  });

  it('gives doubles for wire formats that use them', () => {
    expect(toMajorNumber(229050, 2)).toBe(2290.5);
    expect(toMajorNumber(-5, 2)).toBe(-0.05);
    expect(toMajorNumber(1234, 0)).toBe(1234);
  });
});
