/**
 * Quiet hours: a merchant's window of local time (e.g. 21:00 to 08:00, across midnight) in which no message
 * leaves for a customer. `quietUntil` answers when the window ends, or null when the instant is outside it.
 * The local time comes from the caller (`localClock`), so that this stays free of a clock.
 */
export interface QuietHours {
  /** HH:MM, local time. */
  start: string;
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isHhMm(value: string): boolean {
  return HHMM.test(value);
}

function minutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`not HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Minutes to wait from local time `localMinutes` (0..1439) until the quiet window ends, or 0 when the time is
 * outside the window. A window whose start equals its end is empty.
 */
export function minutesUntilQuietEnds(localMinutes: number, quiet: QuietHours): number {
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return 0;
  const inside =
    start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
  if (!inside) return 0;
  return (end - localMinutes + 1440) % 1440;
}
