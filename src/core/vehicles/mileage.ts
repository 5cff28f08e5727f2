/**
 * Mileage of a vehicle: readings and their consistency, the monthly rate, the mileage curve and today's
 * estimate. Pure; dates are 'YYYY-MM-DD'.
 */
import { addCalendarMonths, daysBetween, months, plusDays, plusMonths, toDay } from './dates.js';

export interface Reading {
  date: string;
  km: number;
}

/** Readings of one date merge into one with the highest mileage; sorted by date; zero or less is unknown. */
export function mergeReadings(readings: readonly Reading[]): Reading[] {
  const byDate = new Map<string, number>();
  for (const r of readings) {
    if (!(r.km > 0)) continue;
    byDate.set(r.date, Math.max(byDate.get(r.date) ?? 0, r.km));
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, km]) => ({ date, km }));
}

/**
 * The longest chain of readings whose mileage never decreases, ending at the latest reading of maximal
 * length and walking back through the latest possible predecessor. Sorted readings in, kept readings out.
 */
export function consistentReadings(sorted: readonly Reading[]): Reading[] {
  const n = sorted.length;
  if (n === 0) return [];
  const e: number[] = [];
  for (let i = 0; i < n; i += 1) {
    let best = 0;
    for (let j = 0; j < i; j += 1) if (sorted[j]!.km <= sorted[i]!.km) best = Math.max(best, e[j]!);
    e.push(best + 1);
  }
  const length = Math.max(...e);
  let c = e.lastIndexOf(length);
  const kept = [sorted[c]!];
  while (e[c]! > 1) {
    let prev = -1;
    for (let j = c - 1; j >= 0; j -= 1)
      if (sorted[j]!.km <= sorted[c]!.km && e[j] === e[c]! - 1) {
        prev = j;
        break;
      }
    c = prev;
    kept.unshift(sorted[c]!);
  }
  return kept;
}

/** Least-squares slope of km against months since the first reading, or null when undefined. */
function slope(readings: readonly Reading[]): number | null {
  const first = readings[0];
  if (!first || readings.length < 2) return null;
  const xs = readings.map((r) => months(first.date, r.date));
  const xm = xs.reduce((a, b) => a + b, 0) / xs.length;
  const km = readings.reduce((a, r) => a + r.km, 0) / readings.length;
  let num = 0;
  let den = 0;
  readings.forEach((r, i) => {
    num += (xs[i]! - xm) * (r.km - km);
    den += (xs[i]! - xm) ** 2;
  });
  return den === 0 ? null : num / den;
}

const spans180 = (rs: readonly Reading[]) =>
  rs.length >= 2 && daysBetween(rs[0]!.date, rs[rs.length - 1]!.date) >= 180;
const usable = (s: number | null): s is number => s !== null && s >= 1 && s <= 10_000;

export type RateSource = 'recent' | 'history' | 'registration' | 'default';

/** Monthly mileage: recent trend (36 months), whole history, since first registration, or the default. */
export function monthlyRate(
  kept: readonly Reading[],
  releaseDate: string | null,
  defaultRate: number,
): { rate: number; source: RateSource } {
  const ref = kept[kept.length - 1];
  if (ref) {
    const from = addCalendarMonths(ref.date, -36);
    const recent = kept.filter((r) => r.date >= from);
    const s1 = spans180(recent) ? slope(recent) : null;
    if (usable(s1)) return { rate: Math.round(s1), source: 'recent' };
    const s2 = spans180(kept) ? slope(kept) : null;
    if (usable(s2)) return { rate: Math.round(s2), source: 'history' };
    if (releaseDate && ref.km > 0 && daysBetween(releaseDate, ref.date) >= 180) {
      const s3 = ref.km / months(releaseDate, ref.date);
      if (usable(s3)) return { rate: Math.round(s3), source: 'registration' };
    }
  }
  return { rate: defaultRate, source: 'default' };
}

/** A vehicle's mileage curve: points (first registration at 0, kept readings), reference and rate. */
export interface Curve {
  points: Reading[];
  ref: Reading;
  rate: number;
}

export function curveOf(kept: readonly Reading[], releaseDate: string | null, rate: number): Curve | null {
  const first = kept[0];
  const points: Reading[] = [];
  if (releaseDate && (!first || releaseDate < first.date)) points.push({ date: releaseDate, km: 0 });
  points.push(...kept);
  const ref = kept[kept.length - 1] ?? points[0];
  return ref ? { points, ref, rate } : null;
}

/** Estimated mileage on a date: extrapolated after the reference, interpolated between points, before them. */
export function kmAt(curve: Curve, date: string): number {
  const { points, ref, rate } = curve;
  if (date >= ref.date) return ref.km + rate * months(ref.date, date);
  const p1 = points[0]!;
  if (date <= p1.date) return Math.max(0, p1.km - rate * months(date, p1.date));
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (date >= a.date && date <= b.date) {
      const span = daysBetween(a.date, b.date);
      return span === 0 ? b.km : a.km + ((b.km - a.km) * daysBetween(a.date, date)) / span;
    }
  }
  return ref.km;
}

/** The date the curve reaches a mileage. */
export function dateAt(curve: Curve, km: number): string {
  const { points, ref, rate } = curve;
  if (km > ref.km) return plusMonths(ref.date, (km - ref.km) / rate);
  const p1 = points[0]!;
  if (km <= p1.km) return plusMonths(p1.date, -(p1.km - km) / rate);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (a.km < km && km <= b.km) {
      return plusDays(a.date, Math.floor(((km - a.km) / (b.km - a.km)) * daysBetween(a.date, b.date)));
    }
  }
  return ref.date;
}

/** Today's estimated mileage, 0 when unknown (no reading, or the reference is over 24 months old). */
export function currentMileage(kept: readonly Reading[], curve: Curve | null, asOf: string): number {
  const ref = kept[kept.length - 1];
  if (!ref || !curve) return 0;
  if (toDay(addCalendarMonths(ref.date, 24)) < toDay(asOf)) return 0;
  return Math.round(kmAt(curve, asOf > ref.date ? asOf : ref.date));
}
