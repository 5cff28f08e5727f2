import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, isCurrent, mustWait, throttleKeys, waitOf } from './login-throttle.js';

const P = DEFAULT_THROTTLE;

describe('login throttle policy', () => {
  it('keys a pair by login and address', () => {
    expect(throttleKeys('user:a', '10.0.0.1')).toEqual({
      pair: 'pair:user:a@10.0.0.1',
      login: 'login:user:a',
      address: 'ip:10.0.0.1',
    });
  });

  it('forgets a row after its window, or after its lockout once blocked', () => {
    expect(isCurrent({ failures: 3, windowStartedAt: 0, blockedUntil: null }, P, P.windowMs - 1)).toBe(true);
    expect(isCurrent({ failures: 3, windowStartedAt: 0, blockedUntil: null }, P, P.windowMs)).toBe(false);
    expect(isCurrent({ failures: 5, windowStartedAt: 0, blockedUntil: 10 }, P, 10)).toBe(false);
  });

  it('tells a blocked pair how long to wait, at least a second', () => {
    expect(waitOf({ failures: 5, windowStartedAt: 0, blockedUntil: 60_000 }, P, 1000)).toBe(59_000);
    expect(waitOf(undefined, P, 0)).toBe(1000);
  });

  it('lets an address without earlier failures through a login under attack', () => {
    const login = { failures: P.loginLimit, windowStartedAt: 0, blockedUntil: null };
    expect(mustWait({ login, address: undefined }, 1, P, 1)).toBe(false);
    expect(mustWait({ login, address: undefined }, 2, P, 1)).toBe(true);
    expect(mustWait({ login: { ...login, failures: 1 }, address: undefined }, 2, P, 1)).toBe(false);
  });
});
