/** Returns: how many of the points a sale earned are taken back when part of it is returned. */
import { assertInteger, LedgerInputError } from './ledger-input.js';

export interface ReturnInput {
  /** Points the sale earned (all its lots' amounts). */
  earnedBySale: number;
  /** Points already taken back by earlier returns of this sale. */
  alreadyReversed: number;
  /** The sale's total, in minor units. */
  saleAmount: number;
  /** The sum of earlier returns of this sale, in minor units. */
  returnedAmountSoFar: number;
  /** This return, in minor units. */
  returnAmount: number;
}

export type ReturnPoints =
  { ok: true; points: number } | { ok: false; reason: 'RETURN_EXCEEDS_SALE'; returnable: number };

/**
 * Points to take back for this return:
 * `floor(earnedBySale × (returnedAmountSoFar + returnAmount) / saleAmount) − alreadyReversed`, never below 0.
 *
 * The target depends only on the cumulative returned amount, so over any sequence of partial returns the
 * total taken back is `floor(earned × cumulative / saleAmount)`: it never exceeds what the sale earned, and
 * the return that completes the sale takes back exactly the rest. Rounding down favours the customer on
 * each partial return, never the other way. The product is computed exactly (BigInt), whatever the sizes.
 * A sale of amount 0 counts as fully returned by any return (of 0), so cancelling it reverses everything.
 *
 * `RETURN_EXCEEDS_SALE` (with the `returnable` amount) when the returns would exceed the sale. Throws a
 * `LedgerInputError` on non-integers, negatives, or inconsistent history (already reversed more than earned,
 * already returned more than sold).
 */
export function pointsToReverse(input: ReturnInput): ReturnPoints {
  const { earnedBySale, alreadyReversed, saleAmount, returnedAmountSoFar, returnAmount } = input;
  assertInteger(earnedBySale, 'earnedBySale', 0);
  assertInteger(alreadyReversed, 'alreadyReversed', 0);
  assertInteger(saleAmount, 'saleAmount', 0);
  assertInteger(returnedAmountSoFar, 'returnedAmountSoFar', 0);
  assertInteger(returnAmount, 'returnAmount', 0);
  if (alreadyReversed > earnedBySale) throw new LedgerInputError('alreadyReversed exceeds earnedBySale');
  if (returnedAmountSoFar > saleAmount) throw new LedgerInputError('returnedAmountSoFar exceeds saleAmount');
  const returnable = saleAmount - returnedAmountSoFar;
  if (returnAmount > returnable) return { ok: false, reason: 'RETURN_EXCEEDS_SALE', returnable };
  const cumulative = returnedAmountSoFar + returnAmount;
  const target =
    cumulative === saleAmount
      ? earnedBySale
      : Number((BigInt(earnedBySale) * BigInt(cumulative)) / BigInt(saleAmount));
  return { ok: true, points: Math.max(0, target - alreadyReversed) };
}
