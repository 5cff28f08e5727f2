/**
 * Negative balances. A debt is an overdraft lot: `amount = remaining = -deficit`, never pending, never
 * expiring. It lowers the `active` balance and what `allocateDebit` may spend, and it is paid off from later
 * earnings by `settleOverdraft`, which moves points from positive lots into it (the balance is unchanged, so
 * no movement is written for a settlement; the allocations are stored for the audit and invariant checks).
 */
import { assertInteger, LedgerInputError, toEpochMs, toIso, type Instant } from './ledger-input.js';
import { compareSpendOrder, indexLots, isOverdraft, lotState, type Allocation, type Lot } from './lot.js';
import { addDeltas, takeInOrder, totalOf, withRemainingDeltas } from './take-points.js';

/** A new overdraft lot for a `deficit` (integer >= 1) incurred at `at`. */
export function overdraftLot(id: string, deficit: number, at: Instant): Lot {
  if (id === '') throw new LedgerInputError('overdraft lot id is empty');
  assertInteger(deficit, 'deficit', 1);
  return {
    id,
    amount: -deficit,
    remaining: -deficit,
    earnedAt: toIso(toEpochMs(at, 'at')),
    pendingUntil: null,
    expiresAt: null,
  };
}

export interface Settlement {
  /** Points taken from positive active lots (nearest expiry first), like a debit. */
  allocations: Allocation[];
  /** Points paid into overdraft lots (oldest debt first); same total as `allocations`. */
  settlements: Allocation[];
  /** The lots after settling (same order; untouched lots are the same objects). */
  lots: Lot[];
}

function compareDebtOrder(a: Lot, b: Lot): number {
  const d = toEpochMs(a.earnedAt, 'earnedAt') - toEpochMs(b.earnedAt, 'earnedAt');
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Pays outstanding overdrafts from the points active at `now`, as far as they go. Call it whenever positive
 * points may appear while a debt exists (an earning, the pending-to-active job, a reversed debit): otherwise
 * the points backing the debt could expire and be burnt a second time. Returns empty arrays when there is
 * nothing to settle.
 */
export function settleOverdraft(lots: readonly Lot[], now: Instant): Settlement {
  indexLots(lots);
  const debts = lots.filter((lot) => isOverdraft(lot) && lot.remaining < 0).sort(compareDebtOrder);
  const positives = lots
    .filter((lot) => !isOverdraft(lot) && lot.remaining > 0 && lotState(lot, now) === 'active')
    .sort(compareSpendOrder);
  const owed = debts.reduce((sum, lot) => sum - lot.remaining, 0);
  const allocations = takeInOrder(positives, owed);
  let left = totalOf(allocations);
  const settlements: Allocation[] = [];
  for (const debt of debts) {
    if (left === 0) break;
    const pay = Math.min(-debt.remaining, left);
    settlements.push({ lotId: debt.id, amount: pay });
    left -= pay;
  }
  const deltas = new Map<string, number>();
  addDeltas(deltas, allocations, -1);
  addDeltas(deltas, settlements, 1);
  return { allocations, settlements, lots: withRemainingDeltas(lots, deltas) };
}
