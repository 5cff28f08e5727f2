/** Integer-exact arithmetic for earning: no floating point between minor units and points. */

export const ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/**
 * `value × multiplier ÷ divisor`, rounded as asked ('round' is half up), computed exactly with BigInt.
 * All three must be non-negative safe integers and the divisor positive; anything else is a broken
 * invariant (rules and amounts are validated before they get here) and throws a RangeError.
 */
export function scaleRounded(
  value: number,
  multiplier: number,
  divisor: number,
  rounding: Rounding,
  /** A result above it comes out as it (saturates) instead of overflowing. */
  ceiling?: number,
): number {
  if (![value, multiplier, divisor].every((n) => Number.isSafeInteger(n) && n >= 0) || divisor === 0) {
    throw new RangeError(
      `scaleRounded needs non-negative safe integers and a positive divisor (${value}, ${multiplier}, ${divisor}).`,
    );
  }
  const product = BigInt(value) * BigInt(multiplier);
  const d = BigInt(divisor);
  const quotient = product / d;
  const remainder = product % d;
  let result = quotient;
  if (remainder > 0n && (rounding === 'ceil' || (rounding === 'round' && remainder * 2n >= d))) result += 1n;
  if (ceiling !== undefined && result > BigInt(ceiling)) return ceiling;
  if (result > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('scaleRounded overflowed the safe integer range.');
  return Number(result);
}
