/**
 * Card number formats. A program's numbers are digits only: a fixed prefix, a zero-padded serial and,
 * depending on the format, one trailing check digit. Pure functions; numbers are strings (leading zeros
 * matter and 19-digit numbers do not fit a double).
 */

export type CheckDigitScheme = 'ean13' | 'luhn' | 'none';

export interface CardNumberFormat {
  /** Digits every number of the program starts with (may be empty). */
  prefix: string;
  /** Total number of digits, prefix and check digit included. */
  length: number;
  /**
   * 'ean13': GS1 mod-10 (weights 3,1 from the right), the EAN-13 algorithm; it is also the check digit of
   * EAN-8, UPC-A and GTIN-14, so any length is accepted. 'luhn': ISO/IEC 7812 mod-10. 'none': no check digit.
   */
  checkDigit: CheckDigitScheme;
}

export type CardNumberReason = 'INVALID_FORMAT' | 'INVALID_CHECK_DIGIT' | 'WRONG_PREFIX' | 'WRONG_LENGTH';
export type FormatDefinitionReason = 'INVALID_FORMAT_DEFINITION';
export type SerialReason = FormatDefinitionReason | 'SERIAL_OUT_OF_RANGE';

export type CardNumberResult<R extends string> =
  { ok: true; number: string } | { ok: false; reason: R; message: string };

const DIGITS = /^[0-9]+$/;
const CHECK_SCHEMES: readonly CheckDigitScheme[] = ['ean13', 'luhn', 'none'];
/** Longest number accepted (ISO/IEC 7812 allows 19; a little room for proprietary schemes). */
export const MAX_CARD_NUMBER_LENGTH = 32;

const refuse = <R extends string>(reason: R, message: string): CardNumberResult<R> => ({
  ok: false,
  reason,
  message,
});

/** Removes the spaces and hyphens people and scanners put in card numbers; keeps everything else. */
export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The GS1 (EAN-13/EAN-8/UPC/GTIN) check digit of a digit string without its check digit. */
export function ean13CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The Luhn check digit of a digit string without its check digit. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function checkDigitOf(body: string, scheme: CheckDigitScheme): string {
  if (scheme === 'ean13') return String(ean13CheckDigit(body));
  if (scheme === 'luhn') return String(luhnCheckDigit(body));
  return '';
}

/** Digits left for the serial once the prefix and the check digit are placed. */
export function serialWidth(format: CardNumberFormat): number {
  return format.length - format.prefix.length - (format.checkDigit === 'none' ? 0 : 1);
}

/**
 * Checks a format definition before it is stored: digit prefix, integer length up to
 * MAX_CARD_NUMBER_LENGTH, a known check scheme, and at least one serial digit.
 */
export function validateCardNumberFormat(
  format: CardNumberFormat,
): { ok: true } | { ok: false; reason: FormatDefinitionReason; message: string } {
  const bad = (message: string) => ({
    ok: false as const,
    reason: 'INVALID_FORMAT_DEFINITION' as const,
    message,
  });
  if (!CHECK_SCHEMES.includes(format.checkDigit))
    return bad(`Unknown check digit scheme ${format.checkDigit}.`);
  if (format.prefix !== '' && !DIGITS.test(format.prefix)) return bad('The prefix must be digits only.');
  if (!Number.isInteger(format.length) || format.length < 1 || format.length > MAX_CARD_NUMBER_LENGTH) {
    return bad(`The length must be an integer from 1 to ${MAX_CARD_NUMBER_LENGTH}.`);
  }
  if (serialWidth(format) < 1) return bad('The prefix and check digit leave no room for a serial.');
  return { ok: true };
}

/**
 * Validates a card number against its program's format. Checks, in order: digits only
 * (INVALID_FORMAT), length (WRONG_LENGTH), prefix (WRONG_PREFIX), check digit (INVALID_CHECK_DIGIT).
 * The number is not normalized: call normalizeCardNumber first for human input.
 */
export function validateCardNumber(
  number: string,
  format: CardNumberFormat,
): CardNumberResult<CardNumberReason> {
  if (!DIGITS.test(number)) return refuse('INVALID_FORMAT', 'A card number is made of digits only.');
  if (number.length !== format.length) {
    return refuse(
      'WRONG_LENGTH',
      `A card number of this program has ${format.length} digits, not ${number.length}.`,
    );
  }
  if (!number.startsWith(format.prefix)) {
    return refuse('WRONG_PREFIX', `A card number of this program starts with ${format.prefix}.`);
  }
  if (format.checkDigit !== 'none') {
    const expected = checkDigitOf(number.slice(0, -1), format.checkDigit);
    if (number.slice(-1) !== expected)
      return refuse('INVALID_CHECK_DIGIT', 'The check digit of the card number is wrong.');
  }
  return { ok: true, number };
}

/**
 * Appends the check digit to prefix + serial digits (`length - 1` digits; `length` digits and returned
 * unchanged when the format has no check digit). Refuses what would not be a valid number of the format.
 */
export function completeCardNumber(
  body: string,
  format: CardNumberFormat,
): CardNumberResult<CardNumberReason> {
  if (!DIGITS.test(body)) return refuse('INVALID_FORMAT', 'A card number is made of digits only.');
  const bodyLength = format.length - (format.checkDigit === 'none' ? 0 : 1);
  if (body.length !== bodyLength) {
    return refuse(
      'WRONG_LENGTH',
      `Expected ${bodyLength} digits before the check digit, got ${body.length}.`,
    );
  }
  if (!body.startsWith(format.prefix)) {
    return refuse('WRONG_PREFIX', `A card number of this program starts with ${format.prefix}.`);
  }
  return { ok: true, number: body + checkDigitOf(body, format.checkDigit) };
}

/** How many distinct serials the format holds (10^serialWidth; may exceed Number.MAX_SAFE_INTEGER). */
export function serialCapacity(format: CardNumberFormat): number {
  return 10 ** Math.max(0, serialWidth(format));
}

/**
 * The card number for serial `serial` (0-based, zero-padded): prefix + serial + check digit.
 * Refuses an invalid format definition, a negative, fractional or unsafe serial, or one too wide.
 */
export function cardNumberForSerial(
  format: CardNumberFormat,
  serial: number,
): CardNumberResult<SerialReason> {
  const definition = validateCardNumberFormat(format);
  if (!definition.ok) return definition;
  if (!Number.isSafeInteger(serial) || serial < 0) {
    return refuse('SERIAL_OUT_OF_RANGE', 'The serial must be a non-negative integer.');
  }
  const width = serialWidth(format);
  const digits = String(serial);
  if (digits.length > width) {
    return refuse('SERIAL_OUT_OF_RANGE', `Serial ${serial} does not fit in ${width} digits.`);
  }
  const body = format.prefix + digits.padStart(width, '0');
  return { ok: true, number: body + checkDigitOf(body, format.checkDigit) };
}

/**
 * The numbers of a batch: `count` consecutive serials from `firstSerial`. All or nothing: refuses the
 * whole batch if any serial does not fit.
 */
export function cardNumberBatch(
  format: CardNumberFormat,
  firstSerial: number,
  count: number,
): { ok: true; numbers: string[] } | { ok: false; reason: SerialReason; message: string } {
  if (!Number.isSafeInteger(count) || count < 0) {
    return { ok: false, reason: 'SERIAL_OUT_OF_RANGE', message: 'The count must be a non-negative integer.' };
  }
  if (count > 0) {
    const last = cardNumberForSerial(format, firstSerial + count - 1);
    if (!last.ok) return last;
  }
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = cardNumberForSerial(format, firstSerial + i);
    if (!result.ok) return result;
    numbers.push(result.number);
  }
  return { ok: true, numbers };
}
