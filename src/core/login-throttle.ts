/** Pure policy for slowing down repeated failed logins, per user and per address. */
export interface AttemptState {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures allowed before a delay is imposed. */
  freeFailures: { user: 5, ip: 20 },
  maxDelayMs: 15 * 60_000,
} as const;

export type ThrottleKind = keyof typeof THROTTLE.freeFailures;

/** Milliseconds the caller must still wait, or 0. */
export function waitRemaining(state: AttemptState | undefined, now: number): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil - now);
}

/** The state after one more failure: past the free allowance, each failure doubles the wait (1 s, 2 s, 4 s...). */
export function recordFailure(
  state: AttemptState | undefined,
  kind: ThrottleKind,
  now: number,
): AttemptState {
  const fresh = !state || now - state.windowStartedAt > THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const excess = failures - THROTTLE.freeFailures[kind];
  const blockedUntil = excess > 0 ? now + Math.min(THROTTLE.maxDelayMs, 1000 * 2 ** (excess - 1)) : null;
  return { failures, windowStartedAt, blockedUntil };
}
