/**
 * A vehicle's derived facts: the aggregate fields from the dealer systems' client rows, the mileage
 * readings, rate and curve, the jobs done (occurrences) and the forecasts. Pure: everything comes in as data.
 */
import type { CatalogJob } from './catalog.js';
import { maxDate } from './dates.js';
import { forecastsOf, type Forecast } from './forecasts.js';
import {
  consistentReadings,
  curveOf,
  mergeReadings,
  monthlyRate,
  type Curve,
  type RateSource,
  type Reading,
} from './mileage.js';
import type { UsedSource } from './qualify.js';

/** One imported client row of the vehicle (any member), with its import order. */
export interface VehicleRow {
  order: number;
  lastVisitDate: string | null;
  lastVisitMileage: number | null;
  releaseDate: string | null;
  variant: string | null;
  lastTechnicalControlDate: string | null;
  nextTechnicalControlDate: string | null;
}

/** One invoice of the vehicle with its qualified lines in line order. */
export interface VehicleInvoice {
  id: number;
  date: string;
  mileage: number | null;
  jobs: { jobId: number; source: UsedSource }[];
}

/** A job done: (invoice, job) with the first qualifying line's source. */
export interface Occurrence {
  invoiceId: number;
  date: string;
  mileage: number | null;
  jobId: number;
  source: UsedSource;
}

export interface VehicleProfile {
  releaseDate: string | null;
  variant: string | null;
  lastVisitDate: string | null;
  lastVisitMileage: number | null;
  lastTechnicalControlDate: string | null;
  nextTechnicalControlDate: string | null;
  kept: Reading[];
  rate: number;
  rateSource: RateSource;
  curve: Curve | null;
  occurrences: Occurrence[];
  forecasts: Forecast[];
}

/** Most recent first: last visit date descending (rows without it last), then import order descending. */
export function rowsByRecency<T extends Pick<VehicleRow, 'order' | 'lastVisitDate'>>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => {
    if (a.lastVisitDate !== b.lastVisitDate) {
      if (a.lastVisitDate === null) return 1;
      if (b.lastVisitDate === null) return -1;
      return a.lastVisitDate < b.lastVisitDate ? 1 : -1;
    }
    return b.order - a.order;
  });
}

/** One entry per (invoice, job), first qualifying line's source kept. */
export function occurrencesOf(invoices: readonly VehicleInvoice[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const inv of invoices) {
    const seen = new Set<number>();
    for (const j of inv.jobs) {
      if (seen.has(j.jobId)) continue;
      seen.add(j.jobId);
      out.push({ invoiceId: inv.id, date: inv.date, mileage: inv.mileage, jobId: j.jobId, source: j.source });
    }
  }
  return out;
}

export function vehicleProfile(
  rows: readonly VehicleRow[],
  invoices: readonly VehicleInvoice[],
  catalog: readonly CatalogJob[],
  defaultRate: number,
): VehicleProfile {
  const recent = rowsByRecency(rows);
  const firstOf = <K extends keyof VehicleRow>(key: K) =>
    (recent.find((r) => r[key] !== null)?.[key] ?? null) as VehicleRow[K] | null;
  const latestOf = (key: 'lastTechnicalControlDate' | 'nextTechnicalControlDate') =>
    rows.reduce<string | null>((acc, r) => maxDate(acc, r[key]), null);
  const releaseDate = firstOf('releaseDate') as string | null;
  let lastVisitDate: string | null = null;
  for (const inv of invoices) lastVisitDate = maxDate(lastVisitDate, inv.date);
  for (const r of rows) lastVisitDate = maxDate(lastVisitDate, r.lastVisitDate);

  const readings: Reading[] = [
    ...invoices.filter((i) => i.mileage !== null).map((i) => ({ date: i.date, km: i.mileage! })),
    ...rows
      .filter((r) => r.lastVisitDate !== null && r.lastVisitMileage !== null)
      .map((r) => ({ date: r.lastVisitDate!, km: r.lastVisitMileage! })),
  ];
  const kept = consistentReadings(mergeReadings(readings));
  const { rate, source } = monthlyRate(kept, releaseDate, defaultRate);
  const curve = curveOf(kept, releaseDate, rate);
  const occurrences = occurrencesOf(invoices);
  const lastTechnicalControlDate = latestOf('lastTechnicalControlDate');
  const nextTechnicalControlDate = latestOf('nextTechnicalControlDate');
  const forecasts = forecastsOf({
    catalog,
    occurrences,
    kept,
    curve,
    rateIsDefault: source === 'default',
    releaseDate,
    lastTechnicalControlDate,
    nextTechnicalControlDate,
  });
  return {
    releaseDate,
    variant: firstOf('variant') as string | null,
    lastVisitDate,
    lastVisitMileage: kept[kept.length - 1]?.km ?? null,
    lastTechnicalControlDate,
    nextTechnicalControlDate,
    kept,
    rate,
    rateSource: source,
    curve,
    occurrences,
    forecasts,
  };
}
