/** Expiry: which points burn at an instant, for the scheduled job that writes `expire` movements. */
import { LedgerInputError, toEpochMs, type Instant } from './ledger-input.js';
import {
  assertAllocations,
  compareSpendOrder,
  indexLots,
  isOverdraft,
  lotState,
  type Allocation,
  type Lot,
} from './lot.js';

/**
 * The points to burn at `now`: for each expired lot, `remaining - burnt` when positive, in expiry order.
 * Already-burnt points are tracked on the lot (`burnt`), not in a set of expired ids, so points restored
 * onto a lot after it expired (see `reverseAllocations`) are reported by the next run, and running twice at
 * the same instant after `applyExpirations` reports nothing: the job is idempotent.
 */
export function expireLots(lots: readonly Lot[], now: Instant): Allocation[] {
  indexLots(lots);
  return lots
    .filter((lot) => !isOverdraft(lot) && lotState(lot, now) === 'expired')
    .sort(compareSpendOrder)
    .map((lot) => ({ lotId: lot.id, amount: lot.remaining - (lot.burnt ?? 0) }))
    .filter((e) => e.amount > 0);
}

/**
 * Records written-off points on the lots: adds each expiration's amount to its lot's `burnt` (what the job
 * persists with the `expire` movement). Returns the lots, same order (changed ones are new objects). Throws
 * a `LedgerInputError` on an unknown lot, a lot not yet expired at `now`, or if `burnt` would exceed
 * `remaining`.
 */
export function applyExpirations(
  lots: readonly Lot[],
  expirations: readonly Allocation[],
  now: Instant,
): Lot[] {
  const t = toEpochMs(now, 'now');
  const byId = indexLots(lots);
  assertAllocations(expirations);
  const added = new Map<string, number>();
  for (const e of expirations) added.set(e.lotId, (added.get(e.lotId) ?? 0) + e.amount);
  for (const [lotId, amount] of added) {
    const lot = byId.get(lotId);
    if (!lot) throw new LedgerInputError(`expiration names unknown lot ${lotId}`);
    if ((lot.burnt ?? 0) + amount > lot.remaining) {
      throw new LedgerInputError(`expiration would burn more than lot ${lotId} holds`);
    }
    if (lot.expiresAt === null || toEpochMs(lot.expiresAt, 'expiresAt') > t) {
      throw new LedgerInputError(`lot ${lotId} is not expired at ${String(now)}`);
    }
  }
  return lots.map((lot) => {
    const amount = added.get(lot.id);
    return amount === undefined ? lot : { ...lot, burnt: (lot.burnt ?? 0) + amount };
  });
}
