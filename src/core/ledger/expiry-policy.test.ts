import { describe, expect, it } from 'vitest';
import {
  computeExpiry,
  computePendingUntil,
  validateExpiryPolicy,
  type ExpiryPolicy,
} from './expiry-policy.js';
import { LedgerInputError } from './ledger-input.js';

describe('computeExpiry', () => {
  it.each<[string, string | number, ExpiryPolicy, string | null]>([
    ['none', '2024-03-10T10:00:00Z', { kind: 'none' }, null],
    ['days', '2024-03-10T10:00:00Z', { kind: 'days', days: 30 }, '2024-04-09T10:00:00.000Z'],
    ['days across a leap day', '2024-02-28T00:00:00Z', { kind: 'days', days: 2 }, '2024-03-01T00:00:00.000Z'],
    [
      'days from an offset',
      '2024-03-10T10:00:00+02:00',
      { kind: 'days', days: 1 },
      '2024-03-11T08:00:00.000Z',
    ],
    ['days from epoch ms', Date.UTC(2024, 0, 1), { kind: 'days', days: 365 }, '2024-12-31T00:00:00.000Z'],
    ['months', '2024-03-10T10:00:00Z', { kind: 'months', months: 12 }, '2025-03-10T10:00:00.000Z'],
    [
      'months clamp to month end',
      '2024-01-31T12:00:00Z',
      { kind: 'months', months: 1 },
      '2024-02-29T12:00:00.000Z',
    ],
    [
      'months clamp, non-leap',
      '2023-01-31T12:00:00Z',
      { kind: 'months', months: 1 },
      '2023-02-28T12:00:00.000Z',
    ],
    [
      'months across years',
      '2024-11-15T00:00:00Z',
      { kind: 'months', months: 14 },
      '2026-01-15T00:00:00.000Z',
    ],
    [
      'months from leap day',
      '2024-02-29T00:00:00Z',
      { kind: 'months', months: 12 },
      '2025-02-28T00:00:00.000Z',
    ],
    [
      'fixed later this year',
      '2024-03-10T10:00:00Z',
      { kind: 'fixed', date: '12-31' },
      '2024-12-31T00:00:00.000Z',
    ],
    [
      'fixed on the day: next year',
      '2024-12-31T00:00:00Z',
      { kind: 'fixed', date: '12-31' },
      '2025-12-31T00:00:00.000Z',
    ],
    [
      'fixed later that day: next year',
      '2024-12-31T08:00:00Z',
      { kind: 'fixed', date: '12-31' },
      '2025-12-31T00:00:00.000Z',
    ],
    [
      'fixed a minute before',
      '2024-12-30T23:59:00Z',
      { kind: 'fixed', date: '12-31' },
      '2024-12-31T00:00:00.000Z',
    ],
    ['fixed 01-01', '2024-06-01T00:00:00Z', { kind: 'fixed', date: '01-01' }, '2025-01-01T00:00:00.000Z'],
    [
      'fixed already passed',
      '2024-07-01T00:00:00Z',
      { kind: 'fixed', date: '06-30' },
      '2025-06-30T00:00:00.000Z',
    ],
  ])('%s', (_name, earnedAt, policy, expected) => {
    expect(computeExpiry(earnedAt, policy)).toBe(expected);
  });

  it.each<[string, ExpiryPolicy]>([
    ['zero days', { kind: 'days', days: 0 }],
    ['fractional days', { kind: 'days', days: 1.5 }],
    ['too many days', { kind: 'days', days: 36_601 }],
    ['zero months', { kind: 'months', months: 0 }],
    ['negative months', { kind: 'months', months: -1 }],
    ['02-29', { kind: 'fixed', date: '02-29' }],
    ['02-30', { kind: 'fixed', date: '02-30' }],
    ['13-01', { kind: 'fixed', date: '13-01' }],
    ['single digits', { kind: 'fixed', date: '1-1' }],
    ['unknown kind', { kind: 'weeks' } as unknown as ExpiryPolicy],
  ])('refuses %s', (_name, policy) => {
    expect(validateExpiryPolicy(policy)).toMatchObject({ ok: false, reason: 'INVALID_EXPIRY_POLICY' });
    expect(() => computeExpiry('2024-01-01T00:00:00Z', policy)).toThrow(LedgerInputError);
  });

  it.each<ExpiryPolicy>([
    { kind: 'none' },
    { kind: 'days', days: 1 },
    { kind: 'months', months: 1200 },
    { kind: 'fixed', date: '02-28' },
    { kind: 'fixed', date: '12-31' },
  ])('accepts %j', (policy) => {
    expect(validateExpiryPolicy(policy)).toEqual({ ok: true });
  });

  it('throws on a malformed earnedAt', () => {
    expect(() => computeExpiry('2024-01-01', { kind: 'none' })).toThrow(LedgerInputError);
  });
});

describe('computePendingUntil', () => {
  it.each([
    ['2024-03-10T10:00:00Z', 0, null],
    ['2024-03-10T10:00:00Z', 14, '2024-03-24T10:00:00.000Z'],
    ['2024-12-25T00:00:00+01:00', 7, '2024-12-31T23:00:00.000Z'],
  ])('%s + %i days', (earnedAt, days, expected) => {
    expect(computePendingUntil(earnedAt, days)).toBe(expected);
  });

  it.each([[-1], [1.5], [3661]])('refuses %s days', (days) => {
    expect(() => computePendingUntil('2024-03-10T10:00:00Z', days)).toThrow(LedgerInputError);
  });
});
