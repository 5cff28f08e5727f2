/** Spending points: allocate a debit to active lots, and undo it. */
import { assertInteger, LedgerInputError, type Instant } from './ledger-input.js';
import {
  assertAllocations,
  compareSpendOrder,
  indexLots,
  isOverdraft,
  lotState,
  type Allocation,
  type Lot,
} from './lot.js';
import { addDeltas, takeInOrder, withRemainingDeltas } from './take-points.js';

export type DebitResult =
  | { ok: true; allocations: Allocation[]; lots: Lot[] }
  | { ok: false; reason: 'INSUFFICIENT_POINTS'; available: number };

/**
 * Points that can be spent at `now`: the remaining of active lots minus any outstanding overdraft (never
 * below 0). Pending and expired lots do not count.
 */
export function spendableAt(lots: readonly Lot[], now: Instant): number {
  let positive = 0;
  let debt = 0;
  for (const lot of lots) {
    if (lotState(lot, now) !== 'active') continue;
    if (isOverdraft(lot)) debt -= lot.remaining;
    else positive += lot.remaining;
  }
  return Math.max(0, positive - debt);
}

/**
 * Takes `amount` points (an integer >= 0) from the lots active at `now`, nearest expiry first (lots without
 * expiry last; ties by earnedAt, then id). Pending and expired lots are never spent; an outstanding overdraft
 * reduces what is available but is not itself touched (settle it with `settleOverdraft`).
 *
 * Returns the allocations (one per lot used, in spending order) and the updated lots (same order as given;
 * untouched lots are the same objects), or `INSUFFICIENT_POINTS` with the `available` amount, taking
 * nothing. To let a debit go negative, use `reclaimPoints(lots, [], amount, now, 'allow_negative')`.
 * Throws a `LedgerInputError` on malformed lots or a non-integer/negative amount.
 */
export function allocateDebit(lots: readonly Lot[], amount: number, now: Instant): DebitResult {
  indexLots(lots);
  assertInteger(amount, 'debit amount', 0);
  const available = spendableAt(lots, now);
  if (amount > available) return { ok: false, reason: 'INSUFFICIENT_POINTS', available };
  const candidates = lots
    .filter((lot) => !isOverdraft(lot) && lot.remaining > 0 && lotState(lot, now) === 'active')
    .sort(compareSpendOrder);
  const allocations = takeInOrder(candidates, amount);
  const deltas = new Map<string, number>();
  addDeltas(deltas, allocations, -1);
  return { ok: true, allocations, lots: withRemainingDeltas(lots, deltas) };
}

/**
 * Gives back exactly what a debit (or a reclaim, or a settlement's taken side) took: each allocation's amount
 * is added back to its lot's `remaining`. A lot that has expired meanwhile stays expired: its remaining goes
 * up but it is not spendable, and the next `expireLots` run reports the restored points for burning (call it
 * right away to write the `expire` movement in the same transaction).
 *
 * Returns the updated lots (same order; untouched lots are the same objects). Throws a `LedgerInputError` if
 * an allocation names an unknown or overdraft lot, or would raise a lot above its amount: that is a reversal
 * of something the lot never gave.
 */
export function reverseAllocations(lots: readonly Lot[], allocations: readonly Allocation[]): Lot[] {
  const byId = indexLots(lots);
  assertAllocations(allocations);
  const deltas = new Map<string, number>();
  addDeltas(deltas, allocations, 1);
  for (const [lotId, delta] of deltas) {
    const lot = byId.get(lotId);
    if (!lot) throw new LedgerInputError(`reversal names unknown lot ${lotId}`);
    if (isOverdraft(lot)) throw new LedgerInputError(`reversal names overdraft lot ${lotId}`);
    if (lot.remaining + delta > lot.amount) {
      throw new LedgerInputError(`reversal would raise lot ${lotId} above its amount`);
    }
  }
  return withRemainingDeltas(lots, deltas);
}
