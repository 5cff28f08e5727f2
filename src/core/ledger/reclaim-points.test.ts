import { describe, expect, it } from 'vitest';
import { reverseAllocations } from './allocate-debit.js';
import { LedgerInputError } from './ledger-input.js';
import type { Lot } from './lot.js';
import { reclaimPoints, type ReclaimMode } from './reclaim-points.js';
import { lot, NOW } from './lots.fixture.js';

describe('reclaimPoints', () => {
  const sale = lot('sale', {
    remaining: 30,
    earnedAt: '2024-05-01T00:00:00Z',
    expiresAt: '2025-05-01T00:00:00Z',
  });
  const other = lot('other', { expiresAt: '2025-01-01T00:00:00Z' });
  const never = lot('never', { remaining: 20 });
  const cases: {
    name: string;
    lots: Lot[];
    saleLotIds: string[];
    amount: number;
    mode: ReclaimMode;
    allocations: { lotId: string; amount: number; source: string }[];
    reclaimed: number;
    deficit: number;
    waived: number;
  }[] = [
    {
      name: 'all from the sale lot',
      lots: [other, sale],
      saleLotIds: ['sale'],
      amount: 25,
      mode: 'cap_at_zero',
      allocations: [{ lotId: 'sale', amount: 25, source: 'sale_lot' }],
      reclaimed: 25,
      deficit: 0,
      waived: 0,
    },
    {
      name: 'the sale lot first, then other lots by nearest expiry',
      lots: [never, other, sale],
      saleLotIds: ['sale'],
      amount: 140,
      mode: 'allow_negative',
      allocations: [
        { lotId: 'sale', amount: 30, source: 'sale_lot' },
        { lotId: 'other', amount: 100, source: 'other_lot' },
        { lotId: 'never', amount: 10, source: 'other_lot' },
      ],
      reclaimed: 140,
      deficit: 0,
      waived: 0,
    },
    {
      name: 'shortfall becomes a deficit',
      lots: [never, sale],
      saleLotIds: ['sale'],
      amount: 100,
      mode: 'allow_negative',
      allocations: [
        { lotId: 'sale', amount: 30, source: 'sale_lot' },
        { lotId: 'never', amount: 20, source: 'other_lot' },
      ],
      reclaimed: 50,
      deficit: 50,
      waived: 0,
    },
    {
      name: 'shortfall is waived when capped at zero',
      lots: [never, sale],
      saleLotIds: ['sale'],
      amount: 100,
      mode: 'cap_at_zero',
      allocations: [
        { lotId: 'sale', amount: 30, source: 'sale_lot' },
        { lotId: 'never', amount: 20, source: 'other_lot' },
      ],
      reclaimed: 50,
      deficit: 0,
      waived: 50,
    },
    {
      name: 'a still-pending sale lot is reclaimed; other pending lots are not',
      lots: [
        lot('sale', { pendingUntil: '2024-07-01T00:00:00Z' }),
        lot('p', { pendingUntil: '2024-07-01T00:00:00Z' }),
      ],
      saleLotIds: ['sale'],
      amount: 120,
      mode: 'allow_negative',
      allocations: [{ lotId: 'sale', amount: 100, source: 'sale_lot' }],
      reclaimed: 100,
      deficit: 20,
      waived: 0,
    },
    {
      name: 'an expired sale lot has burnt its points already',
      lots: [lot('sale', { expiresAt: '2024-05-01T00:00:00Z' }), never],
      saleLotIds: ['sale'],
      amount: 30,
      mode: 'allow_negative',
      allocations: [{ lotId: 'never', amount: 20, source: 'other_lot' }],
      reclaimed: 20,
      deficit: 10,
      waived: 0,
    },
    {
      name: 'several sale lots in spending order',
      lots: [
        lot('bonus', { remaining: 10, expiresAt: '2024-09-01T00:00:00Z' }),
        lot('base', { remaining: 40, expiresAt: '2024-08-01T00:00:00Z' }),
      ],
      saleLotIds: ['bonus', 'base', 'base'],
      amount: 45,
      mode: 'cap_at_zero',
      allocations: [
        { lotId: 'base', amount: 40, source: 'sale_lot' },
        { lotId: 'bonus', amount: 5, source: 'sale_lot' },
      ],
      reclaimed: 45,
      deficit: 0,
      waived: 0,
    },
    {
      name: 'no sale lots: a debit that may go negative',
      lots: [never, lot('debt', { amount: -5, remaining: -5 })],
      saleLotIds: [],
      amount: 25,
      mode: 'allow_negative',
      allocations: [{ lotId: 'never', amount: 20, source: 'other_lot' }],
      reclaimed: 20,
      deficit: 5,
      waived: 0,
    },
    {
      name: 'zero reclaims nothing',
      lots: [sale],
      saleLotIds: ['sale'],
      amount: 0,
      mode: 'allow_negative',
      allocations: [],
      reclaimed: 0,
      deficit: 0,
      waived: 0,
    },
  ];

  it.each(cases)('$name', ({ lots, saleLotIds, amount, mode, allocations, reclaimed, deficit, waived }) => {
    const input = Object.freeze(lots);
    const result = reclaimPoints(input, saleLotIds, amount, NOW, mode);
    expect(result).toMatchObject({ allocations, reclaimed, deficit, waived });
    expect(result.reclaimed + result.deficit + result.waived).toBe(amount);
    for (const after of result.lots) {
      const before = input.find((l) => l.id === after.id)!;
      const taken = allocations.filter((a) => a.lotId === after.id).reduce((s, a) => s + a.amount, 0);
      expect(after.remaining).toBe(before.remaining - taken);
    }
    expect(reverseAllocations(result.lots, result.allocations)).toEqual(input);
  });

  it.each([
    ['unknown sale lot', ['nope'], 1, 'cap_at_zero'],
    ['sale lot is an overdraft', ['debt'], 1, 'cap_at_zero'],
    ['fractional amount', ['sale'], 1.5, 'cap_at_zero'],
    ['negative amount', ['sale'], -1, 'allow_negative'],
    ['unknown mode', ['sale'], 1, 'maybe'],
  ])('throws on %s', (_name, saleLotIds, amount, mode) => {
    const lots = [lot('sale'), lot('debt', { amount: -5, remaining: -5 })];
    expect(() => reclaimPoints(lots, saleLotIds, amount, NOW, mode as ReclaimMode)).toThrow(LedgerInputError);
  });
});
