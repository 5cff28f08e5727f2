/**
 * The wall-clock of a basket: its date is RFC 3339 with the till's offset, so "2026-11-28T18:30:00+01:00"
 * is Saturday 28 November, 18:30 local. Validity (dates, days of the week, time ranges) is judged on it.
 */
export interface LocalTime {
  /** yyyy-MM-dd */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** 1 Monday … 7 Sunday. */
  weekday: number;
}

/** A date-time, or a bare date (some tills date a sale by its day only: then it is local midnight). */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

export function localTime(date: string): LocalTime | null {
  const m = LOCAL.exec(date);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return {
    date: `${y}-${mo}-${d}`,
    minutes: Number(h) * 60 + Number(mi),
    weekday: day === 0 ? 7 : day,
  };
}

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Within [from, to); a range whose end is before its start wraps past midnight. */
export function inTimeRange(minutes: number, from: string, to: string): boolean {
  const f = minutesOf(from);
  const t = minutesOf(to);
  return f <= t ? minutes >= f && minutes < t : minutes >= f || minutes < t;
}
