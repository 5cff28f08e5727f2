import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDebit, reverseAllocations, spendableAt } from './allocate-debit.js';
import { LedgerInputError } from './ledger-input.js';
import { lotState, type Lot } from './lot.js';
import { lot, NOW } from './lots.fixture.js';

const frozen = (lots: Lot[]): readonly Lot[] => Object.freeze(lots);

describe('allocateDebit', () => {
  it.each([
    {
      name: 'nearest expiry first, across lots',
      lots: [
        lot('late', { expiresAt: '2025-06-01T00:00:00Z' }),
        lot('soon', { expiresAt: '2024-12-01T00:00:00Z' }),
      ],
      amount: 150,
      allocations: [
        { lotId: 'soon', amount: 100 },
        { lotId: 'late', amount: 50 },
      ],
    },
    {
      name: 'lots without expiry last',
      lots: [lot('never'), lot('dated', { expiresAt: '2030-01-01T00:00:00Z', remaining: 30 })],
      amount: 40,
      allocations: [
        { lotId: 'dated', amount: 30 },
        { lotId: 'never', amount: 10 },
      ],
    },
    {
      name: 'same expiry: oldest earning first, then id',
      lots: [
        lot('z', { expiresAt: '2025-01-01T00:00:00Z', earnedAt: '2024-02-01T00:00:00Z' }),
        lot('y', { expiresAt: '2025-01-01T00:00:00Z', earnedAt: '2024-02-01T00:00:00Z' }),
        lot('x', { expiresAt: '2025-01-01T00:00:00Z', earnedAt: '2024-03-01T00:00:00Z' }),
      ],
      amount: 250,
      allocations: [
        { lotId: 'y', amount: 100 },
        { lotId: 'z', amount: 100 },
        { lotId: 'x', amount: 50 },
      ],
    },
    {
      name: 'pending and expired lots are skipped',
      lots: [
        lot('pending', { pendingUntil: '2024-07-01T00:00:00Z', expiresAt: '2024-08-01T00:00:00Z' }),
        lot('expired', { expiresAt: '2024-06-01T00:00:00Z' }),
        lot('active', { expiresAt: '2025-01-01T00:00:00Z' }),
      ],
      amount: 100,
      allocations: [{ lotId: 'active', amount: 100 }],
    },
    {
      name: 'empty lots are skipped',
      lots: [lot('empty', { remaining: 0, expiresAt: '2024-07-01T00:00:00Z' }), lot('full')],
      amount: 1,
      allocations: [{ lotId: 'full', amount: 1 }],
    },
    { name: 'zero takes nothing', lots: [lot('a')], amount: 0, allocations: [] },
  ])('$name', ({ lots, amount, allocations }) => {
    const input = frozen(lots);
    const result = allocateDebit(input, amount, NOW);
    expect(result).toMatchObject({ ok: true, allocations });
    if (!result.ok) return;
    for (const after of result.lots) {
      const taken = allocations.find((a) => a.lotId === after.id)?.amount ?? 0;
      const before = input.find((l) => l.id === after.id)!;
      expect(after.remaining).toBe(before.remaining - taken);
      if (taken === 0) expect(after).toBe(before);
    }
    expect(result.lots.map((l) => l.id)).toEqual(input.map((l) => l.id));
  });

  it.each([
    { name: 'not enough active', lots: [lot('a', { remaining: 40 })], amount: 41, available: 40 },
    {
      name: 'pending does not count',
      lots: [lot('a', { remaining: 40 }), lot('p', { pendingUntil: '2024-07-01T00:00:00Z' })],
      amount: 50,
      available: 40,
    },
    {
      name: 'an overdraft reduces what is available',
      lots: [lot('a'), lot('debt', { amount: -30, remaining: -30 })],
      amount: 71,
      available: 70,
    },
    {
      name: 'a debt larger than the points leaves 0',
      lots: [lot('a', { remaining: 10 }), lot('debt', { amount: -30, remaining: -30 })],
      amount: 1,
      available: 0,
    },
    { name: 'no lots', lots: [], amount: 1, available: 0 },
  ])('INSUFFICIENT_POINTS: $name', ({ lots, amount, available }) => {
    expect(allocateDebit(frozen(lots), amount, NOW)).toEqual({
      ok: false,
      reason: 'INSUFFICIENT_POINTS',
      available,
    });
  });

  it.each([
    ['fractional amount', [lot('a')], 1.5],
    ['negative amount', [lot('a')], -1],
    ['NaN amount', [lot('a')], Number.NaN],
    ['fractional lot', [lot('a', { remaining: 99.5 })], 1],
    ['duplicate ids', [lot('a'), lot('a')], 1],
  ])('throws on %s', (_name, lots, amount) => {
    expect(() => allocateDebit(lots, amount, NOW)).toThrow(LedgerInputError);
  });

  it('spendableAt matches what a debit can take', () => {
    const lots = [lot('a'), lot('b', { remaining: 20 }), lot('debt', { amount: -50, remaining: -15 })];
    expect(spendableAt(lots, NOW)).toBe(105);
    expect(allocateDebit(lots, 105, NOW).ok).toBe(true);
    expect(allocateDebit(lots, 106, NOW).ok).toBe(false);
  });
});

describe('reverseAllocations', () => {
  it('restores lot by lot, including repeated lot ids', () => {
    const lots = frozen([
      lot('a', { remaining: 20 }),
      lot('b', { remaining: 0 }),
      lot('c', { remaining: 5 }),
    ]);
    const after = reverseAllocations(lots, [
      { lotId: 'a', amount: 30 },
      { lotId: 'b', amount: 60 },
      { lotId: 'a', amount: 10 },
    ]);
    expect(after.map((l) => l.remaining)).toEqual([60, 60, 5]);
    expect(after[2]).toBe(lots[2]);
  });

  it('a restored lot that expired meanwhile stays expired', () => {
    const lots = [lot('a', { remaining: 0, expiresAt: '2024-05-01T00:00:00Z' })];
    const [after] = reverseAllocations(lots, [{ lotId: 'a', amount: 40 }]);
    expect(after!.remaining).toBe(40);
    expect(lotState(after!, NOW)).toBe('expired');
    expect(allocateDebit([after!], 1, NOW).ok).toBe(false);
  });

  it.each([
    ['unknown lot', [{ lotId: 'nope', amount: 1 }]],
    ['above the lot amount', [{ lotId: 'a', amount: 81 }]],
    [
      'above the lot amount in two parts',
      [
        { lotId: 'a', amount: 41 },
        { lotId: 'a', amount: 40 },
      ],
    ],
    ['zero amount', [{ lotId: 'a', amount: 0 }]],
    ['fractional amount', [{ lotId: 'a', amount: 0.5 }]],
    ['an overdraft lot', [{ lotId: 'debt', amount: 1 }]],
  ])('throws on %s', (_name, allocations) => {
    const lots = [lot('a', { remaining: 20 }), lot('debt', { amount: -5, remaining: -5 })];
    expect(() => reverseAllocations(lots, allocations)).toThrow(LedgerInputError);
  });
});

describe('allocateDebit properties', () => {
  const DAY = 86_400_000;
  const base = Date.UTC(2024, 0, 1);
  const lotArb = fc.record({
    amount: fc.integer({ min: 1, max: 500 }),
    spentPct: fc.integer({ min: 0, max: 100 }),
    earnedDay: fc.integer({ min: 0, max: 100 }),
    pendingDays: fc.option(fc.integer({ min: 0, max: 200 })),
    expiryDays: fc.option(fc.integer({ min: 0, max: 400 })),
  });
  const lotsArb = fc.array(lotArb, { maxLength: 12 }).map((specs) =>
    specs.map((s, i): Lot => {
      const earned = base + s.earnedDay * DAY;
      return {
        id: `lot${i}`,
        amount: s.amount,
        remaining: Math.floor((s.amount * (100 - s.spentPct)) / 100),
        earnedAt: new Date(earned).toISOString(),
        pendingUntil: s.pendingDays === null ? null : new Date(earned + s.pendingDays * DAY).toISOString(),
        expiresAt: s.expiryDays === null ? null : new Date(earned + s.expiryDays * DAY).toISOString(),
      };
    }),
  );
  const now = new Date(base + 150 * DAY).toISOString();

  it('takes exactly the amount from active lots only, and a reversal restores the input', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 0, max: 3000 }), (lots, amount) => {
        const result = allocateDebit(lots, amount, now);
        const available = spendableAt(lots, now);
        if (!result.ok) {
          expect(amount).toBeGreaterThan(available);
          expect(result.available).toBe(available);
          return;
        }
        expect(result.allocations.reduce((s, a) => s + a.amount, 0)).toBe(amount);
        for (const a of result.allocations) {
          expect(
            lotState(
              lots.find((l) => l.id === a.lotId)!,
              now,
            ),
          ).toBe('active');
        }
        expect(spendableAt(result.lots, now)).toBe(available - amount);
        expect(reverseAllocations(result.lots, result.allocations)).toEqual(lots);
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });
});
