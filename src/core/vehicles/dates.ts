/**
 * Calendar helpers of the vehicles module, on plain dates 'YYYY-MM-DD' (no time, no zone). A month of
 * mileage is 30.4375 days (365.25 / 12).
 */
import { daysInMonth } from '../calendar.js';

export const MONTH_DAYS = 30.4375;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function toDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(d1: string, d2: string): number {
  return toDay(d2) - toDay(d1);
}

/** Fractional, signed months from d1 to d2. */
export function months(d1: string, d2: string): number {
  return daysBetween(d1, d2) / MONTH_DAYS;
}

/** d + floor(m × 30.4375) days (m real, may be negative). */
export function plusMonths(date: string, m: number): string {
  return fromDay(toDay(date) + Math.floor(m * MONTH_DAYS));
}

export function plusDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** The same day n calendar months later, clamped to the month's last day (2016-02-29 + 12 → 2017-02-28). */
export function addCalendarMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' or 'DD/MM/YYYY' → 'YYYY-MM-DD' when it is a real calendar date, else null. */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : fr
      ? [fr[3], fr[2], fr[1]]
      : [undefined, undefined, undefined];
  if (!y || !m || !d || !isCalendarDate(Number(y), Number(m), Number(d))) return null;
  return `${y}-${m}-${d}`;
}

export const maxDate = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;
