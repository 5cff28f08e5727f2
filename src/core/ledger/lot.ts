/**
 * Lots: every earning is a lot, and every debit is allocated to lots. A lot's state at an instant is derived
 * from its dates, never stored.
 */
import { assertInteger, LedgerInputError, toEpochMs, type Instant } from './ledger-input.js';

/**
 * An earning (or, with a negative amount, an overdraft: see `overdraftLot`). Dates are ISO-8601 UTC strings.
 * - `remaining`: what is left of `amount` after debits, reclaims and settlements, net of reversals.
 *   Expiry does not change it: an expired lot keeps its remaining, which is what it burnt.
 * - `burnt`: points of this lot already written off by `expire` movements (absent = 0). `expireLots` reports
 *   `remaining - burnt`, so points restored onto a lot after it expired are burnt by the next run.
 */
export interface Lot {
  readonly id: string;
  readonly amount: number;
  readonly remaining: number;
  readonly earnedAt: string;
  readonly pendingUntil: string | null;
  readonly expiresAt: string | null;
  readonly burnt?: number;
}

/** Points taken from (or given back to) one lot. */
export interface Allocation {
  readonly lotId: string;
  readonly amount: number;
}

export type LotState = 'pending' | 'active' | 'expired';

/** True for an overdraft lot (negative amount): a debt, settled from later earnings. */
export function isOverdraft(lot: Lot): boolean {
  return lot.amount < 0;
}

/**
 * The state of a lot at `now`: `expired` once `expiresAt <= now` or once part of it has been burnt (so a
 * back-dated `now` never revives written-off points); else `pending` while `now < pendingUntil`; else
 * `active`. Expiry wins over pending. Overdraft lots are always `active`.
 */
export function lotState(lot: Lot, now: Instant): LotState {
  const t = toEpochMs(now, 'now');
  if ((lot.burnt ?? 0) > 0) return 'expired';
  if (lot.expiresAt !== null && toEpochMs(lot.expiresAt, 'expiresAt') <= t) return 'expired';
  if (lot.pendingUntil !== null && t < toEpochMs(lot.pendingUntil, 'pendingUntil')) return 'pending';
  return 'active';
}

/**
 * Spending order: nearest expiry first, lots without expiry last, ties by `earnedAt` then by `id` (code-unit
 * order, locale-independent).
 */
export function compareSpendOrder(a: Lot, b: Lot): number {
  const ea = a.expiresAt === null ? Infinity : toEpochMs(a.expiresAt, 'expiresAt');
  const eb = b.expiresAt === null ? Infinity : toEpochMs(b.expiresAt, 'expiresAt');
  if (ea !== eb) return ea < eb ? -1 : 1;
  const wa = toEpochMs(a.earnedAt, 'earnedAt');
  const wb = toEpochMs(b.earnedAt, 'earnedAt');
  if (wa !== wb) return wa < wb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Throws a {@link LedgerInputError} unless the lot is well-formed (integers, ranges, parseable dates). */
export function assertLot(lot: Lot): void {
  if (typeof lot.id !== 'string' || lot.id === '')
    throw new LedgerInputError('lot id must be a non-empty string');
  const where = `lot ${lot.id}`;
  assertInteger(lot.amount, `${where} amount`);
  assertInteger(lot.remaining, `${where} remaining`);
  toEpochMs(lot.earnedAt, `${where} earnedAt`);
  if (lot.pendingUntil !== null) toEpochMs(lot.pendingUntil, `${where} pendingUntil`);
  if (lot.expiresAt !== null) toEpochMs(lot.expiresAt, `${where} expiresAt`);
  const burnt = lot.burnt ?? 0;
  assertInteger(burnt, `${where} burnt`, 0);
  if (isOverdraft(lot)) {
    if (lot.remaining < lot.amount || lot.remaining > 0) {
      throw new LedgerInputError(`${where}: an overdraft's remaining must be between its amount and 0`);
    }
    if (lot.pendingUntil !== null || lot.expiresAt !== null || burnt !== 0) {
      throw new LedgerInputError(`${where}: an overdraft is never pending, expiring or burnt`);
    }
    return;
  }
  if (lot.remaining < 0 || lot.remaining > lot.amount) {
    throw new LedgerInputError(`${where}: remaining must be between 0 and amount`);
  }
  if (burnt > lot.remaining) throw new LedgerInputError(`${where}: burnt exceeds remaining`);
  if (burnt > 0 && lot.expiresAt === null)
    throw new LedgerInputError(`${where}: burnt without an expiry date`);
}

/** Checks every lot and that ids are unique; returns the lots by id. */
export function indexLots(lots: readonly Lot[]): Map<string, Lot> {
  const byId = new Map<string, Lot>();
  for (const lot of lots) {
    assertLot(lot);
    if (byId.has(lot.id)) throw new LedgerInputError(`duplicate lot id ${lot.id}`);
    byId.set(lot.id, lot);
  }
  return byId;
}

/** Throws unless every allocation names a lot id and a positive integer amount. */
export function assertAllocations(allocations: readonly Allocation[]): void {
  for (const a of allocations) {
    if (typeof a.lotId !== 'string' || a.lotId === '')
      throw new LedgerInputError('allocation lotId is empty');
    assertInteger(a.amount, `allocation to ${a.lotId}`, 1);
  }
}
