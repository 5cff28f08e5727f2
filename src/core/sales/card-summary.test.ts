import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf } from '../ledger/balance.js';
import type { Lot } from '../ledger/lot.js';
import { lot, NOW } from '../ledger/lots.fixture.js';
import {
  isFresh,
  summarizeLots,
  summaryBalance,
  withEarnedLot,
  withPurchase,
  type CardSummary,
} from './card-summary.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();

function summaryOf(lots: readonly Lot[], now: string): CardSummary {
  return {
    version: 1,
    ...summarizeLots(lots, now),
    walletMinor: 0,
    purchases: { count: 0, amount: 0, first: null, last: null },
    year: new Date(now).getUTCFullYear(),
    yearFigures: { count: 0, amount: 0 },
  };
}

const arbLot = (id: string) =>
  fc
    .record({
      amount: fc.integer({ min: 1, max: 500 }),
      taken: fc.integer({ min: 0, max: 500 }),
      earned: fc.integer({ min: -400, max: 0 }),
      pending: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
      expires: fc.option(fc.integer({ min: -60, max: 400 }), { nil: null }),
    })
    .map(({ amount, taken, earned, pending, expires }) =>
      lot(id, {
        amount,
        remaining: Math.max(0, amount - taken),
        earnedAt: at(earned),
        pendingUntil: pending === null ? null : at(earned + Math.abs(pending)),
        expiresAt: expires === null ? null : at(earned + Math.abs(pending ?? 0) + Math.abs(expires) + 1),
      }),
    );
const arbLots = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbLot(`lot${String(i).padStart(2, '0')}`))));

describe('card summary', () => {
  it('agrees with the balance derived from the lots, at any instant before it goes stale', () => {
    fc.assert(
      fc.property(arbLots, fc.integer({ min: 0, max: 500 }), (lots, later) => {
        const summary = summaryOf(lots, NOW);
        const then = at(later / 10);
        if (!isFresh(summary, then)) return;
        expect(summaryBalance(summary, false)).toEqual(balanceOf(lots, then));
        expect(summaryBalance(summary, true)).toEqual(balanceOf(lots, then, { frozen: true }));
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('goes stale when a pending period ends or a lot expires, and not before', () => {
    const lots = [lot('a', { pendingUntil: at(14) }), lot('b', { expiresAt: at(30) })];
    const summary = summaryOf(lots, NOW);
    expect(summary.validUntil).toBe(at(14));
    expect(isFresh(summary, at(13.9))).toBe(true);
    expect(isFresh(summary, at(14))).toBe(false);
    expect(isFresh(summary, at(-1))).toBe(false);
    expect(summaryOf(lots, at(20)).validUntil).toBe(at(30));
    expect(summaryOf(lots, at(31)).validUntil).toBeNull();
  });

  it('adding an earned lot gives the summary computed from all the lots', () => {
    fc.assert(
      fc.property(arbLots, arbLot('new'), (lots, earned) => {
        const fresh = { ...earned, earnedAt: NOW };
        const summary = summaryOf(lots, NOW);
        expect(withEarnedLot(summary, fresh, NOW)).toEqual(summaryOf([...lots, fresh], NOW));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('counts a purchase in the year figures only when it is dated in the summary year', () => {
    const summary = summaryOf([], NOW);
    const one = withPurchase(summary, 1250, '2024-03-01T10:00:00.000Z');
    const two = withPurchase(one, 500, '2023-12-31T23:00:00.000Z');
    expect(two.purchases).toEqual({
      count: 2,
      amount: 1750,
      first: '2023-12-31T23:00:00.000Z',
      last: '2024-03-01T10:00:00.000Z',
    });
    expect(two.yearFigures).toEqual({ count: 1, amount: 1250 });
  });
});
