/**
 * When a failed delivery is tried again. Customer messages (e-mail, SMS, push) back off exponentially from
 * 30 s, doubling up to one hour; webhooks follow the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h: about a day and a half). After the last try the message is a dead letter.
 */
export type Channel = 'email' | 'sms' | 'push' | 'webhook';

export const CHANNELS: readonly Channel[] = ['email', 'sms', 'push', 'webhook'];

const WEBHOOK_DELAYS_S = [5, 300, 1800, 7200, 18000, 36000, 36000];

export interface RetryPolicy {
  /** Tries in all (the first included) for customer messages. */
  maxAttempts: number;
  /** First delay, doubled at each failure, for customer messages. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * The delay before the next try after `failedAttempts` failures (1 after the first), or null when the
 * message is dead. `jitter` in [0, 1) spreads retries of a burst (up to +10 %).
 */
export function retryDelayMs(
  channel: Channel,
  failedAttempts: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  jitter = 0,
): number | null {
  if (failedAttempts < 1) return 0;
  let delay: number;
  if (channel === 'webhook') {
    const s = WEBHOOK_DELAYS_S[failedAttempts - 1];
    if (s === undefined) return null;
    delay = s * 1000;
  } else {
    if (failedAttempts >= policy.maxAttempts) return null;
    delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  }
  return Math.round(delay * (1 + Math.min(Math.max(jitter, 0), 0.999) * 0.1));
}

/** Tries in all for a channel. */
export function maxAttempts(channel: Channel, policy: RetryPolicy = DEFAULT_RETRY): number {
  return channel === 'webhook' ? WEBHOOK_DELAYS_S.length + 1 : policy.maxAttempts;
}
