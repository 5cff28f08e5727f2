import { describe, expect, it } from 'vitest';
import { scaleRounded } from './rounding.js';

describe('scaleRounded', () => {
  it.each([
    [2990, 1, 100, 'floor', 29],
    [2990, 1, 100, 'round', 30],
    [2990, 1, 100, 'ceil', 30],
    [2950, 1, 100, 'round', 30], // half up
    [2949, 1, 100, 'round', 29],
    [2900, 1, 100, 'ceil', 29], // exact stays exact
    [0, 5, 100, 'ceil', 0],
    [1, 1, 3, 'round', 0],
    [2, 1, 3, 'round', 1],
    [1000, 3, 7, 'floor', 428],
    [Number.MAX_SAFE_INTEGER, 3, 3, 'floor', Number.MAX_SAFE_INTEGER], // exact beyond double precision of the product
  ] as const)('%i × %i ÷ %i (%s) = %i', (value, multiplier, divisor, rounding, expected) => {
    expect(scaleRounded(value, multiplier, divisor, rounding)).toBe(expected);
  });

  it.each([
    [1.5, 1, 1],
    [-1, 1, 1],
    [1, 1, 0],
    [1, -1, 1],
  ])('throws on broken inputs %d, %d, %d', (value, multiplier, divisor) => {
    expect(() => scaleRounded(value, multiplier, divisor, 'floor')).toThrow(RangeError);
  });

  it('throws when the result leaves the safe range', () => {
    expect(() => scaleRounded(Number.MAX_SAFE_INTEGER, 2, 1, 'floor')).toThrow(RangeError);
  });
});

describe('scaleRounded with a ceiling', () => {
  it('saturates at the ceiling instead of overflowing', () => {
    expect(scaleRounded(10_000_000_000, 1_000_000, 1, 'floor', 1_000_000_000_001)).toBe(1_000_000_000_001);
    expect(scaleRounded(7, 3, 2, 'ceil', 100)).toBe(11);
  });
});
