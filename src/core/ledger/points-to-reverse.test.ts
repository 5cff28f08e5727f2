import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerInputError } from './ledger-input.js';
import { pointsToReverse, type ReturnInput } from './points-to-reverse.js';

const input = (over: Partial<ReturnInput>): ReturnInput => ({
  earnedBySale: 100,
  alreadyReversed: 0,
  saleAmount: 10_000,
  returnedAmountSoFar: 0,
  returnAmount: 0,
  ...over,
});

describe('pointsToReverse', () => {
  it.each([
    ['full return', { returnAmount: 10_000 }, 100],
    ['half', { returnAmount: 5_000 }, 50],
    ['rounds down', { earnedBySale: 10, returnAmount: 3_333 }, 3],
    ['nothing returned', { returnAmount: 0 }, 0],
    ['tiny return', { returnAmount: 1 }, 0],
    [
      'second third',
      { earnedBySale: 10, returnedAmountSoFar: 3_333, alreadyReversed: 3, returnAmount: 3_333 },
      3,
    ],
    [
      'last third takes the rest',
      { earnedBySale: 10, returnedAmountSoFar: 6_666, alreadyReversed: 6, returnAmount: 3_334 },
      4,
    ],
    ['never negative after a manual reversal', { alreadyReversed: 80, returnAmount: 5_000 }, 0],
    [
      'completing after a manual reversal',
      { alreadyReversed: 80, returnedAmountSoFar: 5_000, returnAmount: 5_000 },
      20,
    ],
    ['sale earned nothing', { earnedBySale: 0, returnAmount: 10_000 }, 0],
    ['zero-amount sale: cancelling reverses all', { saleAmount: 0, returnAmount: 0 }, 100],
    // floating point would give 452160576: the product 452160578 × 229245412539 is not exact in a double
    [
      'large numbers stay exact',
      { earnedBySale: 452_160_578, saleAmount: 229_245_413_046, returnAmount: 229_245_412_539 },
      452_160_577,
    ],
  ])('%s', (_name, over, points) => {
    expect(pointsToReverse(input(over))).toEqual({ ok: true, points });
  });

  it.each([
    [{ returnAmount: 10_001 }, 10_000],
    [{ returnedAmountSoFar: 9_000, returnAmount: 1_001 }, 1_000],
    [{ returnedAmountSoFar: 10_000, returnAmount: 1 }, 0],
  ])('RETURN_EXCEEDS_SALE %j', (over, returnable) => {
    expect(pointsToReverse(input(over))).toEqual({ ok: false, reason: 'RETURN_EXCEEDS_SALE', returnable });
  });

  it.each([
    ['fractional earned', { earnedBySale: 1.5 }],
    ['fractional return', { returnAmount: 0.5 }],
    ['negative return', { returnAmount: -1 }],
    ['negative sale', { saleAmount: -1 }],
    ['reversed more than earned', { alreadyReversed: 101 }],
    ['returned more than sold', { returnedAmountSoFar: 10_001 }],
  ])('throws on %s', (_name, over) => {
    expect(() => pointsToReverse(input(over))).toThrow(LedgerInputError);
  });
});

describe('pointsToReverse properties', () => {
  /** A sale and a sequence of partial returns (cut points), optionally completed by a final return. */
  const scenario = fc
    .record({
      earned: fc.integer({ min: 0, max: 1_000_000_000 }),
      saleAmount: fc.integer({ min: 1, max: 1_000_000_000_000 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
      complete: fc.boolean(),
    })
    .map(({ earned, saleAmount, cuts, complete }) => {
      const points = cuts.map((c) => Math.floor(c * saleAmount)).sort((a, b) => a - b);
      if (complete) points.push(saleAmount);
      const returns = points.map((p, i) => p - (i === 0 ? 0 : points[i - 1]!));
      return { earned, saleAmount, returns, complete };
    });

  it('never reverses more than earned, a full return reverses all, and the total depends only on what was returned', () => {
    fc.assert(
      fc.property(scenario, ({ earned, saleAmount, returns, complete }) => {
        let reversed = 0;
        let returned = 0;
        for (const returnAmount of returns) {
          const r = pointsToReverse({
            earnedBySale: earned,
            alreadyReversed: reversed,
            saleAmount,
            returnedAmountSoFar: returned,
            returnAmount,
          });
          if (!r.ok) throw new Error('unexpected refusal');
          expect(r.points).toBeGreaterThanOrEqual(0);
          reversed += r.points;
          returned += returnAmount;
          expect(reversed).toBeLessThanOrEqual(earned);
          expect(BigInt(reversed)).toBe((BigInt(earned) * BigInt(returned)) / BigInt(saleAmount));
        }
        if (complete) expect(reversed).toBe(earned);
      }),
      { seed: 424242, numRuns: 1000 },
    );
  });

  it('refuses any return beyond the sale and takes nothing for it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (saleAmount, soFarRaw, excess) => {
          const soFar = Math.min(soFarRaw, saleAmount);
          const r = pointsToReverse({
            earnedBySale: 500,
            alreadyReversed: 0,
            saleAmount,
            returnedAmountSoFar: soFar,
            returnAmount: saleAmount - soFar + excess,
          });
          expect(r).toEqual({ ok: false, reason: 'RETURN_EXCEEDS_SALE', returnable: saleAmount - soFar });
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
