import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, maxAttempts, retryDelayMs } from './retry-schedule.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [7, 1_920_000],
  ])('backs off e-mail exponentially: after %i failures, %i ms', (failed, ms) => {
    expect(retryDelayMs('email', failed)).toBe(ms);
  });

  it('caps the delay and dead-letters after the last try', () => {
    const policy = { ...DEFAULT_RETRY, maxAttempts: 20 };
    expect(retryDelayMs('sms', 12, policy)).toBe(3_600_000);
    expect(retryDelayMs('sms', 8)).toBeNull();
    expect(retryDelayMs('push', 19, policy)).toBe(3_600_000);
    expect(retryDelayMs('push', 20, policy)).toBeNull();
  });

  it('follows the Standard Webhooks schedule for webhooks, then gives up', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs('webhook', n));
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, null]);
    expect(maxAttempts('webhook')).toBe(8);
  });

  it('adds at most 10 % of jitter', () => {
    expect(retryDelayMs('email', 1, DEFAULT_RETRY, 0.5)).toBe(31_500);
    expect(retryDelayMs('email', 1, DEFAULT_RETRY, 5)).toBeLessThan(33_000);
  });
});
