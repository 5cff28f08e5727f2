import { describe, expect, it } from 'vitest';
import { reverseAllocations } from './allocate-debit.js';
import { applyExpirations, expireLots } from './expire-lots.js';
import { LedgerInputError } from './ledger-input.js';
import type { Lot } from './lot.js';

const lot = (id: string, over: Partial<Lot> = {}): Lot =>
  Object.freeze({
    id,
    amount: 100,
    remaining: 100,
    earnedAt: '2024-01-01T00:00:00Z',
    pendingUntil: null,
    expiresAt: '2024-06-01T00:00:00Z',
    ...over,
  });
const NOW = '2024-06-01T00:00:00Z';

describe('expireLots', () => {
  it.each([
    { name: 'expires at expiresAt', lots: [lot('a')], now: NOW, expected: [{ lotId: 'a', amount: 100 }] },
    { name: 'not a millisecond before', lots: [lot('a')], now: '2024-05-31T23:59:59.999Z', expected: [] },
    {
      name: 'burns only what remains',
      lots: [lot('a', { remaining: 35 })],
      now: NOW,
      expected: [{ lotId: 'a', amount: 35 }],
    },
    { name: 'empty lots burn nothing', lots: [lot('a', { remaining: 0 })], now: NOW, expected: [] },
    { name: 'already burnt', lots: [lot('a', { remaining: 35, burnt: 35 })], now: NOW, expected: [] },
    {
      name: 'restored after burning: the difference',
      lots: [lot('a', { remaining: 50, burnt: 35 })],
      now: NOW,
      expected: [{ lotId: 'a', amount: 15 }],
    },
    {
      name: 'lots without expiry never expire',
      lots: [lot('a', { expiresAt: null })],
      now: '2099-01-01T00:00:00Z',
      expected: [],
    },
    {
      name: 'pending lots past expiry expire too',
      lots: [lot('a', { pendingUntil: '2024-07-01T00:00:00Z' })],
      now: NOW,
      expected: [{ lotId: 'a', amount: 100 }],
    },
    {
      name: 'several lots, in expiry order; overdrafts ignored',
      lots: [
        lot('late', { expiresAt: '2024-05-20T00:00:00Z', remaining: 7 }),
        lot('debt', { amount: -5, remaining: -5, expiresAt: null }),
        lot('early', { expiresAt: '2024-05-01T00:00:00Z', remaining: 3 }),
        lot('future', { expiresAt: '2024-07-01T00:00:00Z' }),
      ],
      now: NOW,
      expected: [
        { lotId: 'early', amount: 3 },
        { lotId: 'late', amount: 7 },
      ],
    },
  ])('$name', ({ lots, now, expected }) => {
    expect(expireLots(Object.freeze(lots), now)).toEqual(expected);
  });

  it('is idempotent once the expirations are applied, and picks up points restored later', () => {
    const lots = [lot('a', { remaining: 60 }), lot('b', { expiresAt: null })];
    const first = expireLots(lots, NOW);
    const burnt = applyExpirations(lots, first, NOW);
    expect(burnt[0]).toMatchObject({ remaining: 60, burnt: 60 });
    expect(burnt[1]).toBe(lots[1]);
    expect(expireLots(burnt, NOW)).toEqual([]);
    const restored = reverseAllocations(burnt, [{ lotId: 'a', amount: 40 }]);
    expect(expireLots(restored, '2024-06-02T00:00:00Z')).toEqual([{ lotId: 'a', amount: 40 }]);
  });
});

describe('applyExpirations', () => {
  it.each([
    ['unknown lot', [{ lotId: 'x', amount: 1 }], NOW],
    ['more than remains', [{ lotId: 'a', amount: 101 }], NOW],
    [
      'more than remains in two parts',
      [
        { lotId: 'a', amount: 60 },
        { lotId: 'a', amount: 41 },
      ],
      NOW,
    ],
    ['not yet expired', [{ lotId: 'a', amount: 1 }], '2024-05-01T00:00:00Z'],
    ['lot without expiry', [{ lotId: 'n', amount: 1 }], NOW],
    ['zero amount', [{ lotId: 'a', amount: 0 }], NOW],
  ])('throws on %s', (_name, expirations, now) => {
    expect(() => applyExpirations([lot('a'), lot('n', { expiresAt: null })], expirations, now)).toThrow(
      LedgerInputError,
    );
  });
});
