/**
 * Model-based test of the public API: random sequences of earnings, redemptions, reversals, returns,
 * expiry runs and settlements, persisted the way a use-case would, must keep every invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateDebit,
  applyExpirations,
  balanceOf,
  checkBalanceInvariant,
  checkLotInvariant,
  computeExpiry,
  computePendingUntil,
  expireLots,
  overdraftLot,
  pointsToReverse,
  reclaimPoints,
  reverseAllocations,
  settleOverdraft,
  type Allocation,
  type Lot,
  type Movement,
} from './index.js';

type Op =
  | { op: 'earn'; points: number; saleAmount: number; pendingDays: number; expiryDays: number | null }
  | { op: 'redeem'; points: number }
  | { op: 'undoRedeem' }
  | { op: 'return'; sale: number; pct: number; mode: 'allow_negative' | 'cap_at_zero' }
  | { op: 'wait'; days: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    points: fc.integer({ min: 1, max: 300 }),
    saleAmount: fc.integer({ min: 1, max: 50_000 }),
    pendingDays: fc.constantFrom(0, 0, 14),
    expiryDays: fc.option(fc.integer({ min: 1, max: 90 })),
  }),
  fc.record({ op: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 400 }) }),
  fc.constant({ op: 'undoRedeem' as const }),
  fc.record({
    op: fc.constant('return' as const),
    sale: fc.nat(),
    pct: fc.integer({ min: 1, max: 100 }),
    mode: fc.constantFrom('allow_negative' as const, 'cap_at_zero' as const),
  }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }),
);

interface Sale {
  lotId: string;
  earned: number;
  amount: number;
  returned: number;
  reversed: number;
}

function run(ops: Op[]): void {
  const DAY = 86_400_000;
  let now = Date.UTC(2024, 0, 1);
  let lots: Lot[] = [];
  const movements: Movement[] = [];
  const taken: Allocation[] = [];
  const restored: Allocation[] = [];
  const settled: Allocation[] = [];
  const burnt: Allocation[] = [];
  const redemptions: Allocation[][] = [];
  const sales: Sale[] = [];
  let seq = 0;

  const settle = () => {
    const s = settleOverdraft(lots, now);
    taken.push(...s.allocations);
    settled.push(...s.settlements);
    lots = s.lots;
  };

  for (const op of ops) {
    switch (op.op) {
      case 'earn': {
        const at = new Date(now).toISOString();
        const id = `lot${seq++}`;
        const policy =
          op.expiryDays === null ? { kind: 'none' as const } : { kind: 'days' as const, days: op.expiryDays };
        lots = [
          ...lots,
          {
            id,
            amount: op.points,
            remaining: op.points,
            earnedAt: at,
            pendingUntil: computePendingUntil(at, op.pendingDays),
            expiresAt: computeExpiry(at, policy),
          },
        ];
        movements.push({ kind: 'earn', points: op.points });
        sales.push({ lotId: id, earned: op.points, amount: op.saleAmount, returned: 0, reversed: 0 });
        settle();
        break;
      }
      case 'redeem': {
        const before = balanceOf(lots, now).active;
        const r = allocateDebit(lots, op.points, now);
        if (!r.ok) {
          expect(r.available).toBe(Math.max(0, before));
          expect(op.points).toBeGreaterThan(r.available);
          break;
        }
        lots = r.lots;
        taken.push(...r.allocations);
        redemptions.push(r.allocations);
        movements.push({ kind: 'redeem', points: -op.points });
        expect(balanceOf(lots, now).active).toBe(before - op.points);
        break;
      }
      case 'undoRedeem': {
        const allocations = redemptions.pop();
        if (!allocations) break;
        lots = reverseAllocations(lots, allocations);
        restored.push(...allocations);
        movements.push({ kind: 'reverse', points: allocations.reduce((s, a) => s + a.amount, 0) });
        settle();
        break;
      }
      case 'return': {
        const sale = sales.length === 0 ? undefined : sales[op.sale % sales.length];
        if (!sale || sale.returned === sale.amount) break;
        const returnAmount = Math.max(1, Math.floor(((sale.amount - sale.returned) * op.pct) / 100));
        const r = pointsToReverse({
          earnedBySale: sale.earned,
          alreadyReversed: sale.reversed,
          saleAmount: sale.amount,
          returnedAmountSoFar: sale.returned,
          returnAmount,
        });
        if (!r.ok) throw new Error('return refused');
        sale.returned += returnAmount;
        sale.reversed += r.points;
        const c = reclaimPoints(lots, [sale.lotId], r.points, now, op.mode);
        lots = c.lots;
        taken.push(...c.allocations);
        if (c.reclaimed + c.deficit > 0)
          movements.push({ kind: 'reverse', points: -(c.reclaimed + c.deficit) });
        if (c.deficit > 0) lots = [...lots, overdraftLot(`od${seq++}`, c.deficit, now)];
        if (op.mode === 'cap_at_zero') expect(c.deficit).toBe(0);
        break;
      }
      case 'wait': {
        now += op.days * DAY;
        const expirations = expireLots(lots, now);
        for (const e of expirations) movements.push({ kind: 'expire', points: -e.amount });
        burnt.push(...expirations);
        lots = applyExpirations(lots, expirations, now);
        expect(expireLots(lots, now)).toEqual([]);
        settle(); // pending lots may have become active
        break;
      }
    }

    // invariants after every step
    expect(checkBalanceInvariant(lots, movements)).toMatchObject({ ok: true });
    const flows = (list: Allocation[], id: string) =>
      list.filter((a) => a.lotId === id).reduce((s, a) => s + a.amount, 0);
    for (const l of lots) {
      const violations = checkLotInvariant(l, {
        allocated: flows(taken, l.id),
        restored: flows(restored, l.id),
        settled: flows(settled, l.id),
        burnt: flows(burnt, l.id),
      });
      expect(violations).toEqual([]);
    }
    const balance = balanceOf(lots, now);
    const owed = lots.filter((l) => l.amount < 0).reduce((s, l) => s - l.remaining, 0);
    // settled eagerly: a debt only remains while no active points can pay it
    if (owed > 0) expect(balance.active).toBe(-owed);
    else expect(balance.active).toBeGreaterThanOrEqual(0);
    for (const s of sales) expect(s.reversed).toBeLessThanOrEqual(s.earned);
  }
}

describe('ledger model', () => {
  it('keeps every lot and balance invariant over random operation sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => run(ops)),
      { seed: 1_234_567, numRuns: 300 },
    );
  });

  it('a worked example: earn, spend, return with deficit, settle, expire', () => {
    expect(() =>
      run([
        { op: 'earn', points: 100, saleAmount: 10_000, pendingDays: 0, expiryDays: 30 },
        { op: 'redeem', points: 80 },
        { op: 'return', sale: 0, pct: 100, mode: 'allow_negative' },
        { op: 'earn', points: 50, saleAmount: 5_000, pendingDays: 14, expiryDays: null },
        { op: 'wait', days: 15 },
        { op: 'wait', days: 20 },
        { op: 'undoRedeem' },
        { op: 'wait', days: 1 },
      ]),
    ).not.toThrow();
  });
});
