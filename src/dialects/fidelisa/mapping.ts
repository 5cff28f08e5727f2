/** Translation between Fidelisa's wire values and the engine's: amounts, dates, phones, customers, cards. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CustomerInput } from '../../core/customer/customer.js';
import { formatDecimal, parseDecimal } from '../../core/money/money.js';
import type { CustomerRecord } from '../../app/customers/customers.js';
import type { CustomerCard } from './use-cases/cards.js';

/** Fidelisa's amounts are euros: two decimals. */
const EURO_DIGITS = 2;

/** "123.50" → 12350: "." decimal separator, at most two decimals, no thousands separator, no float maths. */
export function parseAmount(value: string | number): number | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  if (!/^-?\d{1,12}(?:\.\d{1,2})?$/.test(text)) return undefined;
  return parseDecimal(text, EURO_DIGITS);
}

/** 12350 → "123.5", 12300 → "123.0", 1225 → "12.25" (the decimal as Fidelisa echoes it). */
export function formatAmount(minor: number): string {
  return formatDecimal(minor, EURO_DIGITS, 1);
}

/** A real calendar date YYYY-MM-DD. */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === value;
}

export const toInt = (value: string | number): number => (typeof value === 'number' ? value : Number(value));

/**
 * Fidelisa tills send French national numbers ("0123456789"): they are read as French and stored in E.164;
 * numbers with a country code pass as they are. Mobile numbers go to `mobile`, the others to `phone`.
 */
export function phoneInput(raw: string | null | undefined): Pick<CustomerInput, 'phone' | 'mobile'> {
  if (raw === undefined) return {};
  if (raw === null || raw.trim() === '') return { phone: null };
  const international = /^\s*(\+|00)/.test(raw);
  const parsed = international ? undefined : parsePhoneNumberFromString(raw, 'FR');
  const value = parsed?.isValid() ? parsed.number : raw;
  return parsed?.isValid() && parsed.getType() === 'MOBILE' ? { mobile: value } : { phone: value };
}

/** E.164 → the French national form without spaces for French numbers; others stay E.164. */
export function phoneOutput(e164: string | null): string | null {
  if (e164 === null) return null;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country === 'FR' ? parsed.formatNational().replace(/\D/g, '') : e164;
}

export function customerOut(uuid: string, c: CustomerRecord) {
  return {
    uuid,
    email: c.data.email,
    phone: phoneOutput(c.data.phone ?? c.data.mobile),
    first_name: c.data.firstName,
    last_name: c.data.lastName,
  };
}

export function cardOut(uuid: string, c: CustomerCard) {
  return {
    uuid,
    title: c.programName,
    points: c.points,
    expired_at: c.card.expiresAt === null ? null : c.card.expiresAt.slice(0, 10),
  };
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fidelisa (Rails) answers 422 for any request it cannot process: bad input and refused operations. */
export function fidelisaStatus(status: number): number {
  return status === 400 || status === 409 ? 422 : status;
}

export function errorBody(status: number, code: string, message: string) {
  return { error: REASONS[status] ?? 'Error', code, message };
}
