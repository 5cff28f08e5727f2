import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancelWindowOpen, discountReturned } from './reversal-rules.js';

describe('reversal rules', () => {
  it.each([
    ['2026-03-10T10:00:00Z', 24, '2026-03-11T10:00:00Z', true],
    ['2026-03-10T10:00:00Z', 24, '2026-03-11T10:00:01Z', false],
    ['2026-03-10T10:00:00Z', 0, '2026-03-10T10:00:00Z', true],
  ])('a sale of %s with a %i h window can be cancelled at %s: %s', (soldAt, hours, now, open) => {
    expect(cancelWindowOpen(soldAt, hours, now)).toBe(open);
  });

  it('takes back the discount in proportion, and never more than was accrued over any returns', () => {
    expect(discountReturned(500, 10_000, 2_500)).toBe(125);
    expect(discountReturned(500, 10_000, 10_000)).toBe(500);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 8 }),
        (earned, total, parts) => {
          let returned = 0;
          let taken = 0;
          for (const part of parts) {
            const next = Math.min(total, returned + part);
            taken += discountReturned(earned, total, next) - discountReturned(earned, total, returned);
            returned = next;
          }
          expect(taken).toBeLessThanOrEqual(earned);
          if (returned === total) expect(taken).toBe(earned);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
