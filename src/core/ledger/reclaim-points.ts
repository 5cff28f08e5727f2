/** Taking back points a sale earned (return, cancellation) when some may already be spent. */
import { assertInteger, LedgerInputError, type Instant } from './ledger-input.js';
import { compareSpendOrder, indexLots, isOverdraft, lotState, type Allocation, type Lot } from './lot.js';
import { addDeltas, takeInOrder, totalOf, withRemainingDeltas } from './take-points.js';

/** What to do with points that cannot be taken from any lot. */
export type ReclaimMode = 'allow_negative' | 'cap_at_zero';

/** An allocation tagged with where it came from, for the audit trail. */
export interface ReclaimAllocation extends Allocation {
  readonly source: 'sale_lot' | 'other_lot';
}

export interface Reclaim {
  /** Points taken, lot by lot: the sale's own lots first, then other active lots. */
  allocations: ReclaimAllocation[];
  /** The lots after the reclaim (same order; untouched lots are the same objects). */
  lots: Lot[];
  /** Sum of `allocations`. */
  reclaimed: number;
  /** `allow_negative`: points still owed; record them as an overdraft lot (see `overdraftLot`). */
  deficit: number;
  /** `cap_at_zero`: points given up so the balance does not go below zero. */
  waived: number;
}

/**
 * Takes `amount` points back: first from the remaining of the sale's own lots (`saleLotIds`) that are
 * pending or active (expired ones have already burnt theirs), then from other active lots, nearest expiry
 * first. Other pending lots are never touched. What is still missing becomes `deficit` in `allow_negative`
 * mode or `waived` in `cap_at_zero` mode; always `reclaimed + deficit + waived === amount`.
 *
 * The caller writes one negative movement of `reclaimed + deficit` and, when `deficit > 0`, stores
 * `overdraftLot(newId, deficit, now)` with it. With `saleLotIds = []` this is also the "debit that may go
 * negative" of admin adjustments. Throws a `LedgerInputError` on malformed lots, a negative or non-integer
 * amount, or a sale lot id that is unknown or an overdraft.
 */
export function reclaimPoints(
  lots: readonly Lot[],
  saleLotIds: readonly string[],
  amount: number,
  now: Instant,
  mode: ReclaimMode,
): Reclaim {
  const byId = indexLots(lots);
  assertInteger(amount, 'reclaim amount', 0);
  if (mode !== 'allow_negative' && mode !== 'cap_at_zero') throw new LedgerInputError(`unknown mode ${mode}`);
  const saleIds = new Set(saleLotIds);
  for (const id of saleIds) {
    const lot = byId.get(id);
    if (!lot) throw new LedgerInputError(`sale lot ${id} is unknown`);
    if (isOverdraft(lot)) throw new LedgerInputError(`sale lot ${id} is an overdraft`);
  }
  const usable = (lot: Lot): boolean => !isOverdraft(lot) && lot.remaining > 0;
  const own = lots
    .filter((lot) => saleIds.has(lot.id) && usable(lot) && lotState(lot, now) !== 'expired')
    .sort(compareSpendOrder);
  const fromSale = takeInOrder(own, amount);
  const others = lots
    .filter((lot) => !saleIds.has(lot.id) && usable(lot) && lotState(lot, now) === 'active')
    .sort(compareSpendOrder);
  const fromOthers = takeInOrder(others, amount - totalOf(fromSale));
  const allocations: ReclaimAllocation[] = [
    ...fromSale.map((a) => ({ ...a, source: 'sale_lot' as const })),
    ...fromOthers.map((a) => ({ ...a, source: 'other_lot' as const })),
  ];
  const deltas = new Map<string, number>();
  addDeltas(deltas, allocations, -1);
  const reclaimed = totalOf(allocations);
  const missing = amount - reclaimed;
  return {
    allocations,
    lots: withRemainingDeltas(lots, deltas),
    reclaimed,
    deficit: mode === 'allow_negative' ? missing : 0,
    waived: mode === 'cap_at_zero' ? missing : 0,
  };
}
