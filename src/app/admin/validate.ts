import { detail, fail, type Failure } from '../../core/error-catalog.js';
import { findCurrency } from '../../core/money/currency.js';

/** The ISO 4217 code, upper-cased, or a 422 naming the field. */
export function checkCurrency(value: string, field = 'currency'): { ok: true; value: string } | Failure {
  const code = value.trim().toUpperCase();
  if (findCurrency(code)) return { ok: true, value: code };
  return fail(
    'CURRENCY_UNKNOWN',
    `"${value}" is not an ISO 4217 currency code in circulation (e.g. EUR, USD, JPY).`,
    [detail('CURRENCY_UNKNOWN', field)],
  );
}

/** An IANA time zone name as the runtime knows it (Europe/Paris, America/New_York, UTC), or a 422. */
export function checkTimeZone(value: string, field = 'timeZone'): { ok: true; value: string } | Failure {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    if (value.includes('/') || value === 'UTC') return { ok: true, value: resolved };
  } catch {
    // RangeError: not a time zone
  }
  return fail('TIME_ZONE_UNKNOWN', `"${value}" is not an IANA time zone name (e.g. Europe/Paris, UTC).`, [
    detail('TIME_ZONE_UNKNOWN', field),
  ]);
}

/** Codes of stores and terminals, merchant slugs: what a till or a URL can carry without escaping. */
export const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$';
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,39}$';
