import { fail, type Result } from '../../core/error-catalog.js';
import { mustWait, throttleKeys, waitOf, type AttemptRow } from '../../core/login-throttle.js';
import * as repo from '../../db/repos/login-attempts.repo.js';
import type { Deps } from '../context.js';

/** Password checks running in this process, per login: a burst waits in the database, not in scrypt. */
const inFlight = new Map<string, number>();

function toRow(r: { failures: number; window_started_at: string; blocked_until: string | null }): AttemptRow {
  return {
    failures: Number(r.failures),
    windowStartedAt: Date.parse(r.window_started_at),
    blockedUntil: r.blocked_until ? Date.parse(r.blocked_until) : null,
  };
}

function tooMany(waitMs: number) {
  const seconds = Math.ceil(waitMs / 1000);
  return {
    ...fail('TOO_MANY_ATTEMPTS', `Too many failed logins; retry in ${seconds} s.`),
    retryAfter: seconds,
  };
}

/**
 * Runs a credential check behind the login throttle. The attempt is reserved on its (login, address) pair
 * before the password is hashed, so a burst of concurrent guesses gets at most `pairLimit` checks; a failure
 * is added to the login's and the address's totals; a success releases the pair.
 */
export async function throttled<T>(
  deps: Deps,
  login: string,
  address: string,
  check: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const policy = deps.config.throttle;
  const keys = throttleKeys(login, address);
  const clock = () => {
    const now = deps.now().getTime();
    return {
      now,
      nowIso: new Date(now).toISOString(),
      windowStartIso: new Date(now - policy.windowMs).toISOString(),
    };
  };
  const t = clock();
  const running = inFlight.get(keys.login) ?? 0;
  if (running >= policy.inFlightPerLogin) return tooMany(1000);
  const count = await repo.reserveAttempt(deps.db, keys.pair, policy.pairLimit, t.nowIso, t.windowStartIso);
  if (count === undefined) {
    const [pair] = await repo.findAttempts(deps.db, [keys.pair]);
    return tooMany(waitOf(pair && toRow(pair), policy, t.now));
  }
  const totals = new Map(
    (await repo.findAttempts(deps.db, [keys.login, keys.address])).map((r) => [r.key, toRow(r)]),
  );
  const totalsOf = { login: totals.get(keys.login), address: totals.get(keys.address) };
  if (mustWait(totalsOf, count, policy, t.now)) {
    return tooMany(Math.max(waitOf(totalsOf.login, policy, t.now), waitOf(totalsOf.address, policy, t.now)));
  }
  inFlight.set(keys.login, (inFlight.get(keys.login) ?? 0) + 1);
  let result: Result<T>;
  try {
    result = await check();
  } finally {
    const left = (inFlight.get(keys.login) ?? 1) - 1;
    if (left > 0) inFlight.set(keys.login, left);
    else inFlight.delete(keys.login);
  }
  if (result.ok) {
    await repo.clearAttempts(deps.db, keys.pair);
    return result;
  }
  const after = clock();
  await repo.blockIfSpent(
    deps.db,
    keys.pair,
    policy.pairLimit,
    new Date(after.now + policy.lockoutMs).toISOString(),
  );
  await repo.countFailure(deps.db, keys.login, after.nowIso, after.windowStartIso);
  await repo.countFailure(deps.db, keys.address, after.nowIso, after.windowStartIso);
  return result;
}
