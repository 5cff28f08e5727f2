import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { daysInMonth } from '../calendar.js';
import { detail, fail, ok, type ErrorDetail, type Result } from '../error-catalog.js';
import { checkZipAndCity } from '../reference/cities.js';
import { resolveCivility } from '../reference/civilities.js';
import { resolveCountry } from '../reference/countries.js';
import {
  CHANNELS,
  GENDERS,
  type Address,
  type ChannelFlags,
  type CustomerData,
  type CustomerInput,
} from './customer.js';

export const LIMITS = { lastName: 40, firstName: 50, addressLine: 40 } as const;

export interface Today {
  year: number;
  month: number;
  day: number;
}

const EMAIL = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]{2,}$/;

/** A leap year stands for an unknown one: a birth date of 29 February without its year is possible. */
const ANY_YEAR = 2000;

/** Validates a partial birth date: any of day, month, year may be missing, the given parts must fit together. */
export function checkBirthDate(
  day: number | null,
  month: number | null,
  year: number | null,
  today: Today,
): boolean {
  if (year !== null && (year < 1900 || year > today.year)) return false;
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day !== null && (day < 1 || day > (month === null ? 31 : daysInMonth(year ?? ANY_YEAR, month))))
    return false;
  if (year === today.year && month !== null) {
    if (month > today.month) return false;
    if (month === today.month && day !== null && day > today.day) return false;
  }
  return true;
}

/** Normalises a phone number to E.164; the number must carry its country code. */
export function normalizePhone(raw: string): Result<string> {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!international.startsWith('+')) return fail('PHONE_COUNTRY_CODE_REQUIRED');
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed || !parsed.isValid()) return fail('PHONE_INVALID');
  return ok(parsed.number);
}

function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function pick<T>(input: T | null | undefined, current: T): T | null {
  return input === undefined ? current : input;
}

function mergeFlags(current: ChannelFlags, input: Partial<ChannelFlags> | undefined): ChannelFlags {
  if (!input) return current;
  const out = { ...current };
  for (const channel of CHANNELS) if (input[channel] !== undefined) out[channel] = input[channel];
  return out;
}

/**
 * Applies a caller's input onto the current data (EMPTY_CUSTOMER on create) and validates the result.
 * All problems are reported at once in details; the failure's code is the first one's.
 */
export function applyCustomerInput(
  current: CustomerData,
  input: CustomerInput,
  today: Today,
): Result<CustomerData> {
  const problems: ErrorDetail[] = [];
  const next: CustomerData = { ...current, address: { ...current.address } };

  next.lastName = text(pick(input.lastName, current.lastName));
  next.firstName = text(pick(input.firstName, current.firstName));
  if (!next.lastName) problems.push(detail('LAST_NAME_REQUIRED', 'lastName'));
  else if (next.lastName.length > LIMITS.lastName) problems.push(detail('LAST_NAME_TOO_LONG', 'lastName'));
  if (next.firstName && next.firstName.length > LIMITS.firstName) {
    problems.push(detail('FIRST_NAME_TOO_LONG', 'firstName'));
  }

  const civility = text(pick(input.civility, current.civility));
  if (civility === null) next.civility = null;
  else {
    const code = resolveCivility(civility);
    if (code) next.civility = code;
    else problems.push(detail('CIVILITY_UNKNOWN', 'civility'));
  }

  const gender = pick(input.gender, current.gender);
  if (gender !== null && !GENDERS.includes(gender)) {
    problems.push(detail('VALIDATION_FAILED', 'gender', `gender must be one of ${GENDERS.join(', ')}`));
  } else next.gender = gender;

  next.birthDay = pick(input.birthDay, current.birthDay);
  next.birthMonth = pick(input.birthMonth, current.birthMonth);
  next.birthYear = pick(input.birthYear, current.birthYear);
  if (!checkBirthDate(next.birthDay, next.birthMonth, next.birthYear, today)) {
    problems.push(detail('BIRTH_DATE_INVALID', 'birthDay'));
  }

  for (const field of ['mobile', 'phone'] as const) {
    const raw = text(pick(input[field], current[field]));
    if (raw === null || raw === current[field]) {
      next[field] = raw;
      continue;
    }
    const phone = normalizePhone(raw);
    if (phone.ok) next[field] = phone.value;
    else problems.push(detail(phone.code, field));
  }

  const email = text(pick(input.email, current.email));
  if (email !== null && (email.length > 254 || !EMAIL.test(email)))
    problems.push(detail('EMAIL_INVALID', 'email'));
  else next.email = email === null ? null : email.toLowerCase();

  next.address = applyAddress(current.address, input.address, problems);

  for (const field of [
    'customerType',
    'identificationType',
    'identificationNumber',
    'customerCode',
    'source',
  ] as const) {
    next[field] = text(pick(input[field], current[field]));
  }
  next.godfatherId = pick(input.godfatherId, current.godfatherId);
  next.noFidelity = input.noFidelity ?? current.noFidelity;
  next.active = input.active ?? current.active;
  next.consents = mergeFlags(current.consents, input.consents);
  next.blacklist = mergeFlags(current.blacklist, input.blacklist);
  if (input.attributes) {
    const merged = { ...current.attributes, ...input.attributes };
    for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
    next.attributes = merged;
  }

  const first = problems[0];
  return first ? fail(first.code, first.message, problems) : ok(next);
}

function applyAddress(
  current: Address,
  input: Partial<Address> | null | undefined,
  problems: ErrorDetail[],
): Address {
  if (input === undefined) return current;
  const base =
    input === null
      ? {
          ...current,
          line1: null,
          line2: null,
          line3: null,
          line4: null,
          zipCode: null,
          city: null,
          country: null,
        }
      : current;
  const src = input ?? {};
  const next: Address = {
    line1: text(pick(src.line1, base.line1)),
    line2: text(pick(src.line2, base.line2)),
    line3: text(pick(src.line3, base.line3)),
    line4: text(pick(src.line4, base.line4)),
    zipCode: text(pick(src.zipCode, base.zipCode)),
    city: text(pick(src.city, base.city)),
    country: text(pick(src.country, base.country)),
  };
  for (const line of ['line1', 'line2', 'line3', 'line4'] as const) {
    const value = next[line];
    if (value && value.length > LIMITS.addressLine) {
      problems.push(detail('ADDRESS_LINE_TOO_LONG', `address.${line}`));
    }
  }
  if (next.country) {
    const code = resolveCountry(next.country);
    if (!code) {
      problems.push(detail('UNKNOWN_COUNTRY', 'address.country'));
      return next;
    }
    next.country = code;
    const check = checkZipAndCity(code, next.zipCode, next.city);
    if (check !== 'ok')
      problems.push(
        detail('ADDRESS_INCONSISTENT', check === 'zip_invalid' ? 'address.zipCode' : 'address.city'),
      );
  } else if (next.zipCode || next.city) {
    problems.push(detail('ADDRESS_INCONSISTENT', 'address.country', 'A zip code or city needs a country.'));
  }
  return next;
}
