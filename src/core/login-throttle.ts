/**
 * Pure policy for slowing down password guessing. Attempts are counted per (login, address) pair, which is
 * what is locked; the totals per login and per address only make an address that has failed recently wait,
 * so that nobody can lock a login or a store behind NAT out from elsewhere: an address with no recent
 * failure still gets in with the right password.
 */
export interface ThrottlePolicy {
  /** How long failures are remembered. */
  windowMs: number;
  /** How long a (login, address) pair waits once it has used its allowance. */
  lockoutMs: number;
  /** Attempts (in flight or failed) per (login, address) pair in a window: the number of passwords checked. */
  pairLimit: number;
  /** Failures per login, from every address, past which only addresses without failures are let through. */
  loginLimit: number;
  /** Failures per address, for every login, past which only logins it has not failed on are let through. */
  addressLimit: number;
  /** Password checks of one login running at once in one process. */
  inFlightPerLogin: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  lockoutMs: 5 * 60_000,
  pairLimit: 5,
  loginLimit: 50,
  addressLimit: 100,
  inFlightPerLogin: 8,
};

export interface ThrottleKeys {
  pair: string;
  login: string;
  address: string;
}

/** `login` is already qualified by its kind (`user:…`, `client:…`). */
export function throttleKeys(login: string, address: string): ThrottleKeys {
  return { pair: `pair:${login}@${address}`, login: `login:${login}`, address: `ip:${address}` };
}

export interface AttemptRow {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

/** Whether a row still counts at `now` (its window or its lockout has not run out). */
export function isCurrent(row: AttemptRow, policy: ThrottlePolicy, now: number): boolean {
  if (row.blockedUntil !== null) return row.blockedUntil > now;
  return row.windowStartedAt > now - policy.windowMs;
}

/** Milliseconds until a refused pair may try again. */
export function waitOf(row: AttemptRow | undefined, policy: ThrottlePolicy, now: number): number {
  if (!row || !isCurrent(row, policy, now)) return 1000;
  const until = row.blockedUntil ?? row.windowStartedAt + policy.windowMs;
  return Math.max(1000, until - now);
}

/**
 * Whether the totals make this pair wait: the login or the address is over its limit and this pair has
 * failed before (pairFailures counts this attempt, so 1 means no earlier failure).
 */
export function mustWait(
  totals: { login: AttemptRow | undefined; address: AttemptRow | undefined },
  pairFailures: number,
  policy: ThrottlePolicy,
  now: number,
): boolean {
  if (pairFailures <= 1) return false;
  const over = (row: AttemptRow | undefined, limit: number) =>
    row !== undefined && isCurrent(row, policy, now) && row.failures >= limit;
  return over(totals.login, policy.loginLimit) || over(totals.address, policy.addressLimit);
}
