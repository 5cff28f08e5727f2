import { describe, expect, it } from 'vitest';
import { recordFailure, THROTTLE, waitRemaining, type AttemptState } from './login-throttle.js';

describe('login throttle', () => {
  it('allows the free failures, then doubles the wait', () => {
    let state: AttemptState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = recordFailure(state, 'user', 1000);
      waits.push(waitRemaining(state, 1000));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000]);
  });

  it('is more lenient per address than per user', () => {
    let state: AttemptState | undefined;
    for (let i = 0; i < THROTTLE.freeFailures.ip; i++) state = recordFailure(state, 'ip', 0);
    expect(waitRemaining(state, 0)).toBe(0);
    expect(waitRemaining(recordFailure(state, 'ip', 0), 0)).toBe(1000);
  });

  it('starts a fresh window after the window has passed', () => {
    const old: AttemptState = { failures: 9, windowStartedAt: 0, blockedUntil: 5000 };
    const next = recordFailure(old, 'user', THROTTLE.windowMs + 1);
    expect(next).toEqual({ failures: 1, windowStartedAt: THROTTLE.windowMs + 1, blockedUntil: null });
  });

  it('caps the wait', () => {
    const state: AttemptState = { failures: 60, windowStartedAt: 0, blockedUntil: null };
    expect(waitRemaining(recordFailure(state, 'user', 0), 0)).toBe(THROTTLE.maxDelayMs);
  });
});
