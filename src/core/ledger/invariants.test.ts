import { describe, expect, it } from 'vitest';
import {
  checkBalanceInvariant,
  checkLotInvariant,
  sumAllocationsByLot,
  sumMovements,
  type LotFlows,
  type Movement,
} from './invariants.js';
import { LedgerInputError } from './ledger-input.js';
import type { Lot } from './lot.js';

const lot = (over: Partial<Lot> = {}): Lot => ({
  id: 'a',
  amount: 100,
  remaining: 100,
  earnedAt: '2024-01-01T00:00:00Z',
  pendingUntil: null,
  expiresAt: '2025-01-01T00:00:00Z',
  ...over,
});

describe('checkLotInvariant', () => {
  it.each<[string, Partial<Lot>, LotFlows]>([
    ['untouched', {}, { allocated: 0, restored: 0 }],
    ['partly spent', { remaining: 40 }, { allocated: 60, restored: 0 }],
    ['spent then restored', { remaining: 70 }, { allocated: 60, restored: 30 }],
    ['expired and burnt', { remaining: 40, burnt: 40 }, { allocated: 60, restored: 0, burnt: 40 }],
    [
      'overdraft partly settled',
      { amount: -50, remaining: -20, expiresAt: null },
      { allocated: 0, restored: 0, settled: 30 },
    ],
  ])('%s is consistent', (_name, over, flows) => {
    expect(checkLotInvariant(lot(over), flows)).toEqual([]);
  });

  it.each<[string, Partial<Lot>, LotFlows, { reason: string; expected?: number; actual: number }[]]>([
    [
      'remaining too high',
      { remaining: 50 },
      { allocated: 60, restored: 0 },
      [{ reason: 'REMAINING_MISMATCH', expected: 40, actual: 50 }],
    ],
    [
      'over-restored',
      { remaining: 110 },
      { allocated: 0, restored: 10 },
      [{ reason: 'REMAINING_OUT_OF_RANGE', actual: 110 }],
    ],
    [
      'overspent',
      { remaining: -10 },
      { allocated: 110, restored: 0 },
      [{ reason: 'REMAINING_OUT_OF_RANGE', actual: -10 }],
    ],
    [
      'burnt not recorded on the lot',
      { remaining: 40 },
      { allocated: 60, restored: 0, burnt: 40 },
      [{ reason: 'BURNT_MISMATCH', expected: 40, actual: 0 }],
    ],
    [
      'burnt more than remains',
      { remaining: 40, burnt: 50 },
      { allocated: 60, restored: 0 },
      [{ reason: 'BURNT_EXCEEDS_REMAINING', expected: 40, actual: 50 }],
    ],
    [
      'overdraft over-settled',
      { amount: -50, remaining: 10, expiresAt: null },
      { allocated: 0, restored: 0, settled: 60 },
      [{ reason: 'REMAINING_OUT_OF_RANGE', actual: 10 }],
    ],
    [
      'float remaining',
      { remaining: 40.5 },
      { allocated: 60, restored: 0 },
      [{ reason: 'NOT_INTEGER', actual: 40.5 }],
    ],
  ])('%s', (_name, over, flows, violations) => {
    expect(checkLotInvariant(lot(over), flows)).toEqual(violations.map((v) => ({ lotId: 'a', ...v })));
  });

  it.each<[string, LotFlows]>([
    ['fractional allocated', { allocated: 0.5, restored: 0 }],
    ['negative restored', { allocated: 0, restored: -1 }],
    ['negative burnt', { allocated: 0, restored: 0, burnt: -1 }],
  ])('throws when the flows are malformed: %s', (_name, flows) => {
    expect(() => checkLotInvariant(lot(), flows)).toThrow(LedgerInputError);
  });

  it('sumAllocationsByLot totals per lot', () => {
    const sums = sumAllocationsByLot([
      { lotId: 'a', amount: 3 },
      { lotId: 'b', amount: 4 },
      { lotId: 'a', amount: 5 },
    ]);
    expect(Object.fromEntries(sums)).toEqual({ a: 8, b: 4 });
  });
});

describe('sumMovements', () => {
  it.each<[string, Movement[], number, { index: number; reason: string }[]]>([
    ['empty', [], 0, []],
    [
      'every kind with its sign',
      [
        { kind: 'earn', points: 100 },
        { kind: 'redeem', points: -30 },
        { kind: 'adjust', points: -5 },
        { kind: 'adjust', points: 8 },
        { kind: 'expire', points: -20 },
        { kind: 'reverse', points: -10 },
        { kind: 'reverse', points: 30 },
        { kind: 'transfer_in', points: 12 },
        { kind: 'transfer_out', points: -15 },
      ],
      70,
      [],
    ],
    ['zero is fine for any kind', [{ kind: 'redeem', points: 0 }], 0, []],
    [
      'wrong sign is counted and reported',
      [{ kind: 'redeem', points: 30 }],
      30,
      [{ index: 0, reason: 'WRONG_SIGN' }],
    ],
    [
      'floats are left out and reported',
      [
        { kind: 'earn', points: 10 },
        { kind: 'earn', points: 1.5 },
      ],
      10,
      [{ index: 1, reason: 'NOT_INTEGER' }],
    ],
    [
      'unknown kinds are left out and reported',
      [{ kind: 'gift' as Movement['kind'], points: 10 }],
      0,
      [{ index: 0, reason: 'UNKNOWN_KIND' }],
    ],
  ])('%s', (_name, movements, total, violations) => {
    const sum = sumMovements(movements);
    expect(sum.total).toBe(total);
    expect(sum.violations).toEqual(violations);
    expect(Object.values(sum.byKind).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('totals per kind', () => {
    const { byKind } = sumMovements([
      { kind: 'earn', points: 100 },
      { kind: 'earn', points: 50 },
      { kind: 'expire', points: -20 },
    ]);
    expect(byKind).toMatchObject({ earn: 150, expire: -20, redeem: 0 });
  });
});

describe('checkBalanceInvariant', () => {
  const lots = [
    lot({ remaining: 40, burnt: 15 }),
    lot({ id: 'od', amount: -10, remaining: -10, expiresAt: null }),
  ];
  it.each<[string, Movement[], object]>([
    [
      'movements match the book balance',
      [
        { kind: 'earn', points: 100 },
        { kind: 'redeem', points: -60 },
        { kind: 'expire', points: -15 },
        { kind: 'reverse', points: -10 },
      ],
      { ok: true, balance: 15 },
    ],
    [
      'a missing movement',
      [
        { kind: 'earn', points: 100 },
        { kind: 'redeem', points: -60 },
      ],
      { ok: false, reason: 'BALANCE_MISMATCH', bookBalance: 15, movementsTotal: 40 },
    ],
    [
      'a malformed movement',
      [{ kind: 'earn', points: 15.5 }],
      { ok: false, reason: 'INVALID_MOVEMENTS', bookBalance: 15, movementsTotal: 0 },
    ],
  ])('%s', (_name, movements, expected) => {
    expect(checkBalanceInvariant(lots, movements)).toMatchObject(expected);
  });
});
