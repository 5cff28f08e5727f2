/**
 * Day dates (yyyy-MM-dd) and the instants they stand for: a merchant's day starts at its local midnight,
 * so "2020-08-14" in America/Argentina/Buenos_Aires is 2020-08-14T03:00:00Z, and "1900-01-10" there is
 * 04:16:48Z (the zone's mean time of 1900). Pure: the time zone database is the runtime's (Intl).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDayDate(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Parses a compact yyyyMMdd date (query parameters) into yyyy-MM-dd, or undefined when it is no date. */
export function compactDay(text: string): string | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const day = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return isDayDate(day) ? day : undefined;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of the zone at this instant, in milliseconds east of UTC. */
function offsetAt(instantMs: number, zone: string): number {
  const parts = formatterOf(zone).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant (ISO-8601 UTC, no milliseconds) of local time `day` + `time` (HH:mm:ss) in `zone`. */
export function localInstant(day: string, zone: string | null, time = '00:00:00'): string {
  const wall = Date.parse(`${day}T${time}Z`);
  if (!zone) return new Date(wall).toISOString().replace('.000Z', 'Z');
  // Two passes settle the offset around transitions.
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return new Date(guess).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The local day (yyyy-MM-dd) of an instant in `zone`. */
export function localDay(instant: string, zone: string | null): string {
  const ms = Date.parse(instant);
  const shifted = zone ? ms + offsetAt(ms, zone) : ms;
  return new Date(shifted).toISOString().slice(0, 10);
}

/** The local wall time (yyyy-MM-ddTHH:mm:ss) of an instant in `zone` (UTC when null). */
export function localDateTime(instant: Date, zone: string | null): string {
  const ms = instant.getTime();
  const shifted = zone ? ms + offsetAt(ms, zone) : ms;
  return new Date(shifted).toISOString().slice(0, 19);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` plus one calendar month (the same day number, clamped to the month's end). */
export function addOneMonth(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(y, m, Math.min(d, lastOfNext)));
  return next.toISOString().slice(0, 10);
}

/** ISO-8601 UTC without milliseconds: 2020-09-14T15:32:38Z. */
export function isoSeconds(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
