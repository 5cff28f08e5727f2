import { describe, expect, it } from 'vitest';
import { allocateDebit } from './allocate-debit.js';
import { balanceOf } from './balance.js';
import { LedgerInputError } from './ledger-input.js';
import type { Lot } from './lot.js';
import { overdraftLot, settleOverdraft } from './overdraft.js';
import { lot, NOW } from './lots.fixture.js';

const debt = (id: string, owed: number, earnedAt = '2024-02-01T00:00:00Z'): Lot =>
  lot(id, { amount: -100, remaining: -owed, earnedAt });

describe('overdraftLot', () => {
  it('is a negative lot that never pends or expires', () => {
    expect(overdraftLot('od1', 40, '2024-06-01T02:00:00+02:00')).toEqual({
      id: 'od1',
      amount: -40,
      remaining: -40,
      earnedAt: '2024-06-01T00:00:00.000Z',
      pendingUntil: null,
      expiresAt: null,
    });
  });

  it.each([
    ['zero deficit', 'od', 0],
    ['negative deficit', 'od', -3],
    ['fractional deficit', 'od', 2.5],
    ['empty id', '', 3],
  ])('throws on %s', (_name, id, deficit) => {
    expect(() => overdraftLot(id, deficit, NOW)).toThrow(LedgerInputError);
  });

  it('lowers the balance and what can be spent', () => {
    const lots = [lot('a', { remaining: 50 }), overdraftLot('od', 20, NOW)];
    expect(balanceOf(lots, NOW).active).toBe(30);
    expect(allocateDebit(lots, 31, NOW)).toMatchObject({ ok: false, available: 30 });
  });
});

describe('settleOverdraft', () => {
  it.each([
    {
      name: 'nothing owed',
      lots: [lot('a')],
      allocations: [],
      settlements: [],
    },
    {
      name: 'no points to pay with',
      lots: [debt('d', 30), lot('p', { pendingUntil: '2024-07-01T00:00:00Z' })],
      allocations: [],
      settlements: [],
    },
    {
      name: 'debt paid in full from the nearest-expiring lot',
      lots: [lot('late'), debt('d', 30), lot('soon', { expiresAt: '2024-12-01T00:00:00Z', remaining: 50 })],
      allocations: [{ lotId: 'soon', amount: 30 }],
      settlements: [{ lotId: 'd', amount: 30 }],
    },
    {
      name: 'partial payment, oldest debt first, across lots',
      lots: [
        debt('new', 50, '2024-03-01T00:00:00Z'),
        debt('old', 40, '2024-02-01T00:00:00Z'),
        lot('a', { remaining: 30, expiresAt: '2024-12-01T00:00:00Z' }),
        lot('b', { remaining: 25 }),
      ],
      allocations: [
        { lotId: 'a', amount: 30 },
        { lotId: 'b', amount: 25 },
      ],
      settlements: [
        { lotId: 'old', amount: 40 },
        { lotId: 'new', amount: 15 },
      ],
    },
    {
      name: 'settled debts are ignored',
      lots: [lot('settled', { amount: -10, remaining: 0 }), lot('a')],
      allocations: [],
      settlements: [],
    },
  ])('$name', ({ lots, allocations, settlements }) => {
    const input = Object.freeze(lots);
    const { nearestExpiry: _, ...before } = balanceOf(input, NOW);
    const result = settleOverdraft(input, NOW);
    expect(result.allocations).toEqual(allocations);
    expect(result.settlements).toEqual(settlements);
    expect(balanceOf(result.lots, NOW)).toMatchObject(before); // settling moves points, not the balance
    for (const after of result.lots) {
      const prev = input.find((l) => l.id === after.id)!;
      const out = allocations.filter((a) => a.lotId === after.id).reduce((s, a) => s + a.amount, 0);
      const inn = settlements.filter((a) => a.lotId === after.id).reduce((s, a) => s + a.amount, 0);
      expect(after.remaining).toBe(prev.remaining - out + inn);
    }
  });
});
