import { fail, ok, type Result } from '../error-catalog.js';

/** A report's period, [from, to) in canonical ISO form. */
export interface ReportPeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
/** The longest period a report covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;
/** The period when none is given: the last 30 days up to now. */
export const DEFAULT_PERIOD_DAYS = 30;

function parse(value: string | undefined, field: 'from' | 'to'): Result<number | undefined> {
  if (value === undefined || value === '') return ok(undefined);
  // a plain date is the start of that day in UTC
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    return fail('REPORT_PERIOD_INVALID', `${field} must be an RFC 3339 date or date-time, e.g. 2026-11-01.`);
  return ok(ms);
}

/**
 * The period of a report: [from, to), by default the 30 days before `now`; a missing bound is placed 30 days
 * from the other. Refused when from is not before to, or when the period is longer than 366 days.
 */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Result<ReportPeriod> {
  const from = parse(input.from, 'from');
  if (!from.ok) return from;
  const to = parse(input.to, 'to');
  if (!to.ok) return to;
  const toMs =
    to.value ?? (from.value === undefined ? now.getTime() : from.value + DEFAULT_PERIOD_DAYS * DAY_MS);
  const fromMs = from.value ?? toMs - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (fromMs >= toMs) return fail('REPORT_PERIOD_INVALID', 'from must be before to.');
  if (toMs - fromMs > MAX_PERIOD_DAYS * DAY_MS)
    return fail('REPORT_PERIOD_INVALID', `A report covers at most ${MAX_PERIOD_DAYS} days.`);
  return ok({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
}

/** The instants `days` after `now`, for the expiry horizons (30, 60, 90 days). */
export function horizons(now: Date, days: readonly number[]): { days: number; until: string }[] {
  return days.map((d) => ({ days: d, until: new Date(now.getTime() + d * DAY_MS).toISOString() }));
}

/**
 * The tier a value reaches on a ladder: the highest step whose threshold it meets, 0 for none. Thresholds
 * are given by step index; the report's SQL buckets cards the same way (see tierBuckets).
 */
export function tierOf(value: number, steps: readonly { index: number; threshold: number }[]): number {
  let reached = 0;
  for (const step of steps) if (value >= step.threshold && step.index > reached) reached = step.index;
  return reached;
}

/** The steps from the highest threshold down: the order of a SQL `case` that buckets values into tiers. */
export function tierBuckets(
  steps: readonly { index: number; threshold: number }[],
): { index: number; threshold: number }[] {
  return [...steps]
    .sort((a, b) => b.threshold - a.threshold)
    .map((s) => ({ index: s.index, threshold: s.threshold }));
}

/** Every UTC day that meets [from, to), as YYYY-MM-DD, so a chart shows the days without sales as zeros. */
export function daysOf(period: ReportPeriod): string[] {
  const days: string[] = [];
  const end = Date.parse(period.to);
  for (let ms = Date.parse(period.from.slice(0, 10)); ms < end; ms += DAY_MS)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}
