import { describe, expect, it } from 'vitest';
import { balanceOf, bookBalance } from './balance.js';
import { LedgerInputError } from './ledger-input.js';
import { lot, NOW } from './lots.fixture.js';

describe('balanceOf', () => {
  it.each([
    { name: 'no lots', lots: [], active: 0, pending: 0, expired: 0, nearestExpiry: null },
    {
      name: 'one active lot without expiry',
      lots: [lot('a')],
      active: 100,
      pending: 0,
      expired: 0,
      nearestExpiry: null,
    },
    {
      name: 'active, pending and expired',
      lots: [
        lot('a', { remaining: 60, expiresAt: '2025-01-01T00:00:00Z' }),
        lot('p', { remaining: 30, pendingUntil: '2024-06-15T00:00:00Z' }),
        lot('x', { remaining: 25, expiresAt: '2024-05-31T00:00:00Z' }),
      ],
      active: 60,
      pending: 30,
      expired: 25,
      nearestExpiry: { amount: 60, date: '2025-01-01T00:00:00.000Z' },
    },
    {
      name: 'nearest expiry sums lots sharing the earliest instant, whatever its spelling',
      lots: [
        lot('a', { remaining: 10, expiresAt: '2024-12-31T00:00:00Z' }),
        lot('b', { remaining: 15, expiresAt: '2024-12-31T01:00:00+01:00' }),
        lot('c', { remaining: 40, expiresAt: '2025-06-30T00:00:00Z' }),
      ],
      active: 65,
      pending: 0,
      expired: 0,
      nearestExpiry: { amount: 25, date: '2024-12-31T00:00:00.000Z' },
    },
    {
      name: 'nearest expiry ignores empty, pending and expired lots',
      lots: [
        lot('empty', { remaining: 0, expiresAt: '2024-07-01T00:00:00Z' }),
        lot('p', { pendingUntil: '2024-07-01T00:00:00Z', expiresAt: '2024-08-01T00:00:00Z' }),
        lot('x', { expiresAt: '2024-01-01T00:00:00Z' }),
        lot('a', { remaining: 5, expiresAt: '2024-09-01T00:00:00Z' }),
      ],
      active: 5,
      pending: 100,
      expired: 100,
      nearestExpiry: { amount: 5, date: '2024-09-01T00:00:00.000Z' },
    },
    {
      name: 'an overdraft makes active negative',
      lots: [lot('a', { remaining: 20 }), lot('debt', { amount: -50, remaining: -50 })],
      active: -30,
      pending: 0,
      expired: 0,
      nearestExpiry: null,
    },
  ])('$name', ({ lots, active, pending, expired, nearestExpiry }) => {
    expect(balanceOf(Object.freeze(lots), NOW)).toEqual({
      active,
      pending,
      expired,
      frozen: 0,
      nearestExpiry,
    });
  });

  it.each([
    [{ frozen: true }, { active: 0, frozen: 60 }],
    [{ frozen: false }, { active: 60, frozen: 0 }],
    [{}, { active: 60, frozen: 0 }],
  ])('frozen option %j', (opts, expected) => {
    const lots = [
      lot('a', { remaining: 60, expiresAt: '2025-01-01T00:00:00Z' }),
      lot('p', { remaining: 30, pendingUntil: '2024-06-15T00:00:00Z' }),
    ];
    expect(balanceOf(lots, NOW, opts)).toEqual({
      ...expected,
      pending: 30,
      expired: 0,
      nearestExpiry: { amount: 60, date: '2025-01-01T00:00:00.000Z' },
    });
  });

  it('accepts epoch milliseconds for now', () => {
    expect(balanceOf([lot('x', { expiresAt: '2024-06-01T00:00:00Z' })], Date.parse(NOW)).expired).toBe(100);
  });

  it('throws on malformed lots', () => {
    expect(() => balanceOf([lot('a', { remaining: 1.5 })], NOW)).toThrow(LedgerInputError);
  });
});

describe('bookBalance', () => {
  it.each([
    ['no lots', [], 0],
    [
      'remaining of every lot, whatever its state',
      [lot('a', { remaining: 10 }), lot('p', { pendingUntil: '2099-01-01T00:00:00Z' })],
      110,
    ],
    ['minus what was burnt', [lot('x', { remaining: 40, burnt: 30, expiresAt: '2024-01-02T00:00:00Z' })], 10],
    ['overdrafts count negatively', [lot('a'), lot('debt', { amount: -30, remaining: -20 })], 80],
  ])('%s', (_name, lots, expected) => {
    expect(bookBalance(lots)).toBe(expected);
  });
});
