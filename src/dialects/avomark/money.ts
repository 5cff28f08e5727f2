/** Avomark amounts are decimals in major units; the engine counts integers in minor units. */
import { AvomarkError } from './errors.js';

/**
 * A JSON number such as 2404.5 → 240450, exactly: the number's shortest decimal text is scaled by string
 * arithmetic, never by a float multiplication. More than two decimals, or a non-finite value, is refused.
 */
export function toMinor(value: number, field: string): number {
  if (!Number.isFinite(value)) throw badAmount(field);
  const text = Math.abs(value).toString();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw badAmount(field);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > 2) throw badAmount(field);
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) throw badAmount(field);
  return value < 0 ? -minor : minor;
}

function badAmount(field: string): Error {
  return new AvomarkError(0, 'VALIDATION_FAILED', `${field} must be an amount with at most 2 decimals.`);
}

/** Minor units → a decimal number of major units (2290.5 for 229050). */
export function toMajor(minor: number): number {
  return minor / 100;
}
