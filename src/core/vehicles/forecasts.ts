/**
 * Maintenance forecasts per catalog job (mileage-, time- and technical-control-based), the technical-control
 * schedule and the diagnostic as of a date. Pure.
 */
import type { CatalogJob } from './catalog.js';
import { addCalendarMonths, monthStart, months } from './dates.js';
import { dateAt, kmAt, type Curve, type Reading } from './mileage.js';
import type { Occurrence } from './profile.js';

export type ForecastNote = 'DEFAULT_MONTHLY_MILEAGE' | 'NO_MILEAGE_DATA' | 'NO_CONTROL_DATE';

export const FORECAST_NOTE_LABELS: Record<ForecastNote, string> = {
  DEFAULT_MONTHLY_MILEAGE: 'Kilométrage mensuel par défaut du réseau (historique insuffisant)',
  NO_MILEAGE_DATA: 'Aucun kilométrage connu : prévision kilométrique impossible',
  NO_CONTROL_DATE: 'Ni contrôle technique ni mise en circulation connus',
};

export interface Forecast {
  jobId: number;
  label: string;
  lastJobDate: string | null;
  mileageBased: string | null;
  periodicBased: string | null;
  checkBased: string | null;
  notes: ForecastNote[];
  /** The earliest of the three dates ("whichever comes first"), or null. */
  due: string | null;
}

export interface ForecastInput {
  catalog: readonly CatalogJob[];
  occurrences: readonly Occurrence[];
  kept: readonly Reading[];
  curve: Curve | null;
  rateIsDefault: boolean;
  releaseDate: string | null;
  lastTechnicalControlDate: string | null;
  nextTechnicalControlDate: string | null;
}

/**
 * The first technical control strictly after a date (first control at the 4th anniversary of first
 * registration, then every 2 years), or null without an anchor.
 */
export function nextControlAfter(
  date: string,
  anchors: { releaseDate: string | null; last: string | null; next: string | null },
): string | null {
  const first = anchors.releaseDate ? addCalendarMonths(anchors.releaseDate, 48) : null;
  const anchor = anchors.next ?? anchors.last ?? first;
  if (!anchor) return null;
  let k = Math.floor(months(anchor, date) / 24) - 2;
  for (let guard = 0; guard < 100; guard += 1, k += 1) {
    const d = addCalendarMonths(anchor, 24 * k);
    if (d > date && (first === null || d >= first)) return d;
  }
  return null;
}

export function forecastsOf(input: ForecastInput): Forecast[] {
  const out: Forecast[] = [];
  const keptKey = new Set(input.kept.map((r) => `${r.date}:${r.km}`));
  for (const job of [...input.catalog].sort((a, b) => a.id - b.id)) {
    if (!job.active) continue;
    const last = input.occurrences
      .filter((o) => o.jobId === job.id)
      .reduce<Occurrence | null>(
        (acc, o) =>
          acc === null || o.date > acc.date || (o.date === acc.date && o.invoiceId > acc.invoiceId) ? o : acc,
        null,
      );
    let baseDate: string;
    let baseKm: number | null;
    if (last) {
      baseDate = last.date;
      baseKm =
        last.mileage !== null && keptKey.has(`${last.date}:${last.mileage}`)
          ? last.mileage
          : input.curve
            ? kmAt(input.curve, baseDate)
            : null;
    } else if (job.forecastFromNew && input.releaseDate) {
      baseDate = input.releaseDate;
      baseKm = 0;
    } else continue;

    const notes: ForecastNote[] = [];
    let mileageBased: string | null = null;
    if (job.intervalKm !== null) {
      if (input.curve && baseKm !== null) {
        mileageBased = monthStart(dateAt(input.curve, baseKm + job.intervalKm));
        if (input.rateIsDefault) notes.push('DEFAULT_MONTHLY_MILEAGE');
      } else notes.push('NO_MILEAGE_DATA');
    }
    const periodicBased =
      job.intervalMonths !== null ? monthStart(addCalendarMonths(baseDate, job.intervalMonths)) : null;
    let checkBased: string | null = null;
    if (job.checkBased) {
      const control = nextControlAfter(baseDate, {
        releaseDate: input.releaseDate,
        last: input.lastTechnicalControlDate,
        next: input.nextTechnicalControlDate,
      });
      if (control) checkBased = monthStart(control);
      else notes.push('NO_CONTROL_DATE');
    }
    const dates = [mileageBased, periodicBased, checkBased].filter((d): d is string => d !== null);
    out.push({
      jobId: job.id,
      label: job.label,
      lastJobDate: last ? last.date : null,
      mileageBased,
      periodicBased,
      checkBased,
      notes,
      due: dates.length ? dates.sort()[0]! : null,
    });
  }
  return out;
}

export interface DiagnosticEntry {
  jobId: number;
  label: string;
  estimatedDate: string;
}

/** Overdue (due before this month) and upcoming (due within 3 months) jobs as of a date. */
export function diagnosticOf(
  forecasts: readonly Forecast[],
  asOf: string,
): { date: string; overdue: DiagnosticEntry[]; upcoming: DiagnosticEntry[] } {
  const m = monthStart(asOf);
  const end = addCalendarMonths(m, 3);
  const entries = forecasts
    .filter((f): f is Forecast & { due: string } => f.due !== null)
    .map((f) => ({ jobId: f.jobId, label: f.label, estimatedDate: f.due }))
    .sort((a, b) =>
      a.estimatedDate === b.estimatedDate ? a.jobId - b.jobId : a.estimatedDate < b.estimatedDate ? -1 : 1,
    );
  return {
    date: asOf,
    overdue: entries.filter((e) => e.estimatedDate < m),
    upcoming: entries.filter((e) => e.estimatedDate >= m && e.estimatedDate < end),
  };
}
