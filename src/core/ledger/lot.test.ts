import { describe, expect, it } from 'vitest';
import { LedgerInputError } from './ledger-input.js';
import { assertLot, compareSpendOrder, indexLots, lotState, type Lot } from './lot.js';

const lot = (over: Partial<Lot> = {}): Lot => ({
  id: 'a',
  amount: 100,
  remaining: 100,
  earnedAt: '2024-01-01T00:00:00Z',
  pendingUntil: null,
  expiresAt: null,
  ...over,
});

describe('lotState', () => {
  it.each([
    ['no dates', lot(), '2024-06-01T00:00:00Z', 'active'],
    ['before pendingUntil', lot({ pendingUntil: '2024-02-01T00:00:00Z' }), '2024-01-31T23:59:59Z', 'pending'],
    ['at pendingUntil', lot({ pendingUntil: '2024-02-01T00:00:00Z' }), '2024-02-01T00:00:00Z', 'active'],
    ['before expiresAt', lot({ expiresAt: '2025-01-01T00:00:00Z' }), '2024-12-31T23:59:59.999Z', 'active'],
    ['at expiresAt', lot({ expiresAt: '2025-01-01T00:00:00Z' }), '2025-01-01T00:00:00Z', 'expired'],
    ['epoch ms now', lot({ expiresAt: '2025-01-01T00:00:00Z' }), Date.UTC(2025, 0, 1), 'expired'],
    [
      'pending and expired: expiry wins',
      lot({ pendingUntil: '2025-06-01T00:00:00Z', expiresAt: '2025-01-01T00:00:00Z' }),
      '2025-02-01T00:00:00Z',
      'expired',
    ],
    [
      'burnt, back-dated now',
      lot({ expiresAt: '2025-01-01T00:00:00Z', burnt: 10 }),
      '2024-06-01T00:00:00Z',
      'expired',
    ],
    ['overdraft', lot({ amount: -5, remaining: -5 }), '2030-01-01T00:00:00Z', 'active'],
  ] as const)('%s', (_name, l, now, state) => {
    expect(lotState(l, now)).toBe(state);
  });
});

describe('compareSpendOrder', () => {
  it('orders by expiry (none last), then earnedAt, then id', () => {
    const lots = [
      lot({ id: 'never', expiresAt: null }),
      lot({ id: 'late', expiresAt: '2026-01-01T00:00:00Z' }),
      lot({ id: 'b', expiresAt: '2025-01-01T00:00:00Z', earnedAt: '2024-01-01T00:00:00Z' }),
      lot({ id: 'a', expiresAt: '2025-01-01T01:00:00+01:00', earnedAt: '2024-01-01T00:00:00Z' }),
      lot({ id: 'old', expiresAt: '2025-01-01T00:00:00Z', earnedAt: '2023-01-01T00:00:00Z' }),
    ];
    expect([...lots].sort(compareSpendOrder).map((l) => l.id)).toEqual(['old', 'a', 'b', 'late', 'never']);
  });
});

describe('assertLot', () => {
  it.each([
    ['empty id', { id: '' }],
    ['fractional amount', { amount: 10.5, remaining: 10 }],
    ['fractional remaining', { remaining: 0.5 }],
    ['remaining above amount', { remaining: 101 }],
    ['negative remaining', { remaining: -1 }],
    ['local-time date', { earnedAt: '2024-01-01T00:00:00' }],
    ['bad expiresAt', { expiresAt: 'soon' }],
    ['bad pendingUntil', { pendingUntil: '2024-02-30T00:00:00Z' }],
    ['burnt above remaining', { remaining: 5, burnt: 6, expiresAt: '2025-01-01T00:00:00Z' }],
    ['burnt without expiry', { burnt: 1 }],
    ['negative burnt', { burnt: -1, expiresAt: '2025-01-01T00:00:00Z' }],
    ['overdraft remaining below amount', { amount: -5, remaining: -6 }],
    ['overdraft remaining positive', { amount: -5, remaining: 1 }],
    ['overdraft with expiry', { amount: -5, remaining: -5, expiresAt: '2025-01-01T00:00:00Z' }],
  ])('%s throws', (_name, over) => {
    expect(() => assertLot(lot(over))).toThrow(LedgerInputError);
  });

  it.each([
    ['plain', {}],
    ['zero amount', { amount: 0, remaining: 0 }],
    ['fully burnt', { remaining: 40, burnt: 40, expiresAt: '2025-01-01T00:00:00Z' }],
    ['partly settled overdraft', { amount: -5, remaining: -2 }],
  ])('%s is accepted', (_name, over) => {
    expect(() => assertLot(lot(over))).not.toThrow();
  });

  it('indexLots refuses duplicate ids', () => {
    expect(() => indexLots([lot(), lot()])).toThrow(/duplicate/);
  });
});
