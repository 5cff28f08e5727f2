/**
 * Element amounts: money or points with up to two decimals, held as integers of hundredths (minor units).
 * Integrating systems send them as decimal text ("90.37", "+50", "-20") or numbers, and read them back in
 * the form of a Java double's toString ("150.0", "90.37", "1.0E7"). Conversions go through the money module.
 */
import { parseDecimal, toMajorNumber } from '../money/money.js';

/** Element amounts have two decimals, whatever the currency (the element protocols fix it). */
const AMOUNT_DIGITS = 2;
/** Largest amount accepted (hundredths): well inside 2^53 and any bigint column. */
export const MAX_AMOUNT = 100_000_000_000_00;

export type AmountSign = '+' | '-' | '';

export type ParsedAmount = { ok: true; minor: number; sign: AmountSign } | { ok: false; message: string };

const DECIMAL = /^([+-]?)(\d{1,13})(?:\.(\d{1,2})0*)?$/;

/** Parses "100", "90.37", "+50", "-20.5" or a number; more than two decimals are refused, not rounded. */
export function parseAmount(value: unknown): ParsedAmount {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'is not a number' };
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return { ok: false, message: 'must be a number or a decimal string' };
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a decimal amount with at most 2 decimals` };
  const units = parseDecimal(match[3] ? `${match[2]}.${match[3]}` : match[2]!, AMOUNT_DIGITS);
  if (units === undefined || units > MAX_AMOUNT) return { ok: false, message: 'is too large' };
  return { ok: true, minor: units, sign: (match[1] ?? '') as AmountSign };
}

/** The text a Java double's toString gives for this amount: at least one decimal, E notation from 10^7. */
export function formatAmount(minor: number): string {
  const value = amountNumber(minor);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0.0';
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  const m = mantissa!.includes('.') ? mantissa! : `${mantissa}.0`;
  return `${m}E${Number(exponent)}`;
}

/** The amount as a JSON number (a double in the integrating system). */
export function amountNumber(minor: number): number {
  return toMajorNumber(minor, AMOUNT_DIGITS);
}
