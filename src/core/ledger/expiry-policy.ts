/** When earned points expire and when they stop being pending. All calendar arithmetic is in UTC. */
import { assertInteger, LedgerInputError, toEpochMs, toIso, utcMs, type Instant } from './ledger-input.js';
import { daysInMonth } from '../calendar.js';

/**
 * How long points live:
 * - `none`: never expire;
 * - `days`: `days` × 24 h after earning;
 * - `months`: the same UTC day-of-month and time `months` later, clamped to the month's last day
 *   (Jan 31 + 1 month = Feb 28/29);
 * - `fixed`: at 00:00 UTC of the next `MM-DD` strictly after earning (`12-31` expires on the morning of
 *   Dec 31; use `01-01` for "valid through Dec 31"). `02-29` is refused.
 */
export type ExpiryPolicy =
  | { kind: 'none' }
  | { kind: 'days'; days: number }
  | { kind: 'months'; months: number }
  | { kind: 'fixed'; date: string };

export type PolicyCheck = { ok: true } | { ok: false; reason: 'INVALID_EXPIRY_POLICY'; message: string };

export const EXPIRY_LIMITS = { maxDays: 36_600, maxMonths: 1_200, maxPendingDays: 3_660 } as const;

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Validates a policy when it is written (house style: rules are typed data, validated on write): days in
 * 1..36600, months in 1..1200, fixed dates an existing `MM-DD` other than `02-29`.
 */
export function validateExpiryPolicy(policy: ExpiryPolicy): PolicyCheck {
  const bad = (message: string): PolicyCheck => ({ ok: false, reason: 'INVALID_EXPIRY_POLICY', message });
  switch (policy.kind) {
    case 'none':
      return { ok: true };
    case 'days':
      return Number.isInteger(policy.days) && policy.days >= 1 && policy.days <= EXPIRY_LIMITS.maxDays
        ? { ok: true }
        : bad(`days must be an integer from 1 to ${EXPIRY_LIMITS.maxDays}`);
    case 'months':
      return Number.isInteger(policy.months) && policy.months >= 1 && policy.months <= EXPIRY_LIMITS.maxMonths
        ? { ok: true }
        : bad(`months must be an integer from 1 to ${EXPIRY_LIMITS.maxMonths}`);
    case 'fixed': {
      const m = MONTH_DAY.exec(policy.date);
      const month = Number(m?.[1]);
      const day = Number(m?.[2]);
      if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(2001, month)) {
        return bad('date must be an existing MM-DD (02-29 is not allowed)');
      }
      return { ok: true };
    }
    default:
      return bad(`unknown policy kind ${String((policy as { kind: unknown }).kind)}`);
  }
}

function addMonthsUtc(ms: number, months: number): number {
  const d = new Date(ms);
  const index = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(index / 12);
  const month = index % 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month + 1));
  return utcMs(
    year,
    month,
    day,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/**
 * The `expiresAt` of points earned at `earnedAt` under `policy` (canonical ISO string), or null when they
 * never expire. Throws a `LedgerInputError` on an invalid policy (see `validateExpiryPolicy`) or date.
 */
export function computeExpiry(earnedAt: Instant, policy: ExpiryPolicy): string | null {
  const check = validateExpiryPolicy(policy);
  if (!check.ok) throw new LedgerInputError(check.message);
  const earned = toEpochMs(earnedAt, 'earnedAt');
  switch (policy.kind) {
    case 'none':
      return null;
    case 'days':
      return toIso(earned + policy.days * DAY_MS);
    case 'months':
      return toIso(addMonthsUtc(earned, policy.months));
    case 'fixed': {
      const [month, day] = policy.date.split('-').map(Number) as [number, number];
      const year = new Date(earned).getUTCFullYear();
      const thisYear = utcMs(year, month - 1, day);
      return toIso(thisYear > earned ? thisYear : utcMs(year + 1, month - 1, day));
    }
  }
}

/**
 * The `pendingUntil` of points earned at `earnedAt` with a pending period of `pendingDays` × 24 h, or null
 * when `pendingDays` is 0 (points are active at once). Throws a `LedgerInputError` unless `pendingDays` is
 * an integer from 0 to 3660.
 */
export function computePendingUntil(earnedAt: Instant, pendingDays: number): string | null {
  assertInteger(pendingDays, 'pendingDays', 0);
  if (pendingDays > EXPIRY_LIMITS.maxPendingDays) {
    throw new LedgerInputError(`pendingDays must be at most ${EXPIRY_LIMITS.maxPendingDays}`);
  }
  const earned = toEpochMs(earnedAt, 'earnedAt');
  return pendingDays === 0 ? null : toIso(earned + pendingDays * DAY_MS);
}
