/**
 * Which dates of a date-exclusion record create an exclusion: well-formed yyyy-MM-dd dates, not before
 * today, inside the promotion's validity when it has one; each date once. The others are reported, not
 * refused: the record's valid dates still count.
 */
export type IgnoredReason = 'MALFORMED' | 'PAST' | 'OUTSIDE_VALIDITY';

export interface DateSelection {
  dates: string[];
  ignored: { date: string; reason: IgnoredReason }[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/**
 * `today` is yyyy-MM-dd; `validFrom`/`validTo` are the first and last days of the promotion (null: open).
 * `checkToday: false` for removals, which may name any well-formed date.
 */
export function selectExclusionDates(
  values: readonly unknown[],
  bounds: { today: string; validFrom: string | null; validTo: string | null; checkToday?: boolean },
): DateSelection {
  const out: DateSelection = { dates: [], ignored: [] };
  for (const v of values) {
    const date = typeof v === 'string' ? v.trim() : String(v);
    if (!isCalendarDay(date)) out.ignored.push({ date, reason: 'MALFORMED' });
    else if ((bounds.checkToday ?? true) && date < bounds.today) out.ignored.push({ date, reason: 'PAST' });
    else if ((bounds.validFrom && date < bounds.validFrom) || (bounds.validTo && date > bounds.validTo))
      out.ignored.push({ date, reason: 'OUTSIDE_VALIDITY' });
    else if (!out.dates.includes(date)) out.dates.push(date);
  }
  return out;
}
