/** Internal building blocks shared by debits, reclaims and settlements (not exported from the module). */
import type { Allocation, Lot } from './lot.js';

/** Takes up to `amount` from the lots' `remaining`, in the given order; returns one allocation per lot used. */
export function takeInOrder(ordered: readonly Lot[], amount: number): Allocation[] {
  const allocations: Allocation[] = [];
  let left = amount;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take <= 0) continue;
    allocations.push({ lotId: lot.id, amount: take });
    left -= take;
  }
  return allocations;
}

/** Sum of the allocations' amounts. */
export function totalOf(allocations: readonly Allocation[]): number {
  return allocations.reduce((sum, a) => sum + a.amount, 0);
}

/**
 * A copy of `lots` (same order) where each lot's `remaining` moves by the signed delta given for its id.
 * Untouched lots are returned as the same objects; changed lots are new objects.
 */
export function withRemainingDeltas(lots: readonly Lot[], deltas: ReadonlyMap<string, number>): Lot[] {
  return lots.map((lot) => {
    const delta = deltas.get(lot.id);
    return delta === undefined || delta === 0 ? lot : { ...lot, remaining: lot.remaining + delta };
  });
}

/** Adds `sign * amount` of each allocation to a per-lot delta map (accumulating repeated lot ids). */
export function addDeltas(into: Map<string, number>, allocations: readonly Allocation[], sign: 1 | -1): void {
  for (const a of allocations) into.set(a.lotId, (into.get(a.lotId) ?? 0) + sign * a.amount);
}
