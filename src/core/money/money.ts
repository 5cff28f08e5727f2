/**
 * Money on the wire as decimal numbers (a JSON double such as 17.991, the till's "19.99 − 10 %") → integer
 * minor units of the currency, rounded once, half to even (banker's rounding), on the number's shortest
 * decimal text: 17.991 → 1799, 0.30000000000000004 → 30, 0.125 → 12, 0.135 → 14. No float arithmetic.
 */

/** Decimal digits of the currency's minor unit (ISO 4217): 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = resolveMinorDigits(currency);
    // Bounded: codes come from stores and merchants (ISO 4217, a few hundred at most), but never trust that.
    if (digitsByCurrency.size < 1_000) digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Building an Intl.NumberFormat costs tens of microseconds: every sale asks, so the answer is kept. */
const digitsByCurrency = new Map<string, number>();

function resolveMinorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** The digits and the power of ten of a finite number's shortest text: 17.991 → ("17991", -3). */
function decimalOf(abs: number): { digits: string; exponent: number } {
  const [mantissa = '0', exp = '0'] = abs.toString().toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: `${whole}${fraction}`, exponent: Number(exp) - fraction.length };
}

/** value × 10^digits as an integer, rounded half to even; null when not finite or past 2^53. */
export function toMinorUnits(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const { digits: text, exponent } = decimalOf(Math.abs(value));
  const shift = exponent + digits;
  let units: bigint;
  if (shift >= 0) {
    units = BigInt(text) * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const n = BigInt(text);
    units = n / divisor;
    const rest = (n % divisor) * 2n;
    if (rest > divisor || (rest === divisor && units % 2n === 1n)) units += 1n;
  }
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const minor = Number(units);
  return value < 0 && minor !== 0 ? -minor : minor;
}

/** An amount of money: integer minor units of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * Exact decimal text → minor units, without rounding: "123.50" → 12350 for two digits. At most `digits`
 * decimals, "." as separator, no exponent, no thousands separator; undefined for anything else or past 2^53.
 */
export function parseDecimal(text: string, digits: number): number | undefined {
  const match = /^([+-]?)(\d{1,16})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return undefined;
  const units = BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const minor = Number(units);
  return match[1] === '-' && minor !== 0 ? -minor : minor;
}

/**
 * Minor units → decimal text with the currency's digits: 12350 → "123.50". With `minDecimals`, trailing
 * zeros are dropped down to that many decimals (12350 → "123.5" with 1, 12300 → "123" with 0).
 */
export function formatDecimal(minor: number, digits: number, minDecimals = digits): string {
  const sign = minor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  let fraction = digits === 0 ? '' : String(abs % scale).padStart(digits, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${abs / scale}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Minor units → a number of major units (229050 → 2290.5 for two digits), for wire formats that use doubles. */
export function toMajorNumber(minor: number, digits: number): number {
  return Number(formatDecimal(minor, digits, 0));
}
