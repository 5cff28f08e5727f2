/** Avomark amounts are doubles in major units (euros); the engine counts integers in minor units. */
import { toMajorNumber, toMinorUnits } from '../../core/money/money.js';
import { AvomarkError } from './errors.js';

/** Avomark's currency, the euro: two decimals. */
const EURO_DIGITS = 2;

/**
 * A JSON number such as 2404.5 or 17.991 → minor units, rounded once, half to even, by the core money
 * module (no float multiplication). A non-finite value or one past 2^53 minor units is refused.
 */
export function toMinor(value: number, field: string): number {
  const minor = toMinorUnits(value, EURO_DIGITS);
  if (minor === null) {
    throw new AvomarkError(0, 'VALIDATION_FAILED', `${field} must be a finite amount in euros.`);
  }
  return minor;
}

/** Minor units → a decimal number of major units (2290.5 for 229050). */
export function toMajor(minor: number): number {
  return toMajorNumber(minor, EURO_DIGITS);
}
