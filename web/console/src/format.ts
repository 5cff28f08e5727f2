import { i18next } from './i18n';

/** Money in minor units, in the console's language (2 decimals unless the currency has none). */
export function money(minor: number, currency = 'EUR'): string {
  const format = new Intl.NumberFormat(i18next.language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function integer(value: number): string {
  return new Intl.NumberFormat(i18next.language).format(value);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(new Date(iso));
}
