/**
 * Invariant helpers for the consistency checker (`tessera check`): every lot's remaining equals its amount
 * minus what was taken from it, net of what was given back; and a card's movements sum to its book balance.
 * They report problems as values instead of throwing, so one bad row does not hide the others.
 */
import { assertInteger } from './ledger-input.js';
import { bookBalance } from './balance.js';
import { isOverdraft, type Allocation, type Lot } from './lot.js';

/** What the stored history says happened to one lot (all sums of positive integers). */
export interface LotFlows {
  /** Taken from the lot: debit, reclaim and settlement allocations naming it. */
  allocated: number;
  /** Given back by reversals of those allocations. */
  restored: number;
  /** Overdraft lots only: paid into the lot by settlements. */
  settled?: number;
  /** Written off by `expire` movements naming the lot; checked against `lot.burnt` when given. */
  burnt?: number;
}

export type LotViolationReason =
  | 'NOT_INTEGER'
  | 'REMAINING_MISMATCH'
  | 'REMAINING_OUT_OF_RANGE'
  | 'BURNT_MISMATCH'
  | 'BURNT_EXCEEDS_REMAINING';

export interface LotViolation {
  lotId: string;
  reason: LotViolationReason;
  expected?: number;
  actual: number;
}

/**
 * Checks one lot against its history: `remaining === amount - allocated + restored + settled`; remaining
 * within `[0, amount]` (`[amount, 0]` for an overdraft); `burnt` equal to the expire movements' total when
 * `flows.burnt` is given, and never above remaining. Returns the violations; an empty array means consistent.
 * Throws a `LedgerInputError` only if `flows` itself is not made of non-negative integers (a checker bug).
 */
export function checkLotInvariant(lot: Lot, flows: LotFlows): LotViolation[] {
  const { allocated, restored, settled = 0, burnt } = flows;
  assertInteger(allocated, 'allocated', 0);
  assertInteger(restored, 'restored', 0);
  assertInteger(settled, 'settled', 0);
  if (burnt !== undefined) assertInteger(burnt, 'burnt', 0);
  const lotBurnt = lot.burnt ?? 0;
  const bad = [lot.amount, lot.remaining, lotBurnt].find((n) => !Number.isSafeInteger(n));
  if (bad !== undefined) return [{ lotId: lot.id, reason: 'NOT_INTEGER', actual: bad }];
  const violations: LotViolation[] = [];
  const expected = lot.amount - allocated + restored + settled;
  if (lot.remaining !== expected) {
    violations.push({ lotId: lot.id, reason: 'REMAINING_MISMATCH', expected, actual: lot.remaining });
  }
  const [low, high] = isOverdraft(lot) ? [lot.amount, 0] : [0, lot.amount];
  if (lot.remaining < low || lot.remaining > high) {
    violations.push({ lotId: lot.id, reason: 'REMAINING_OUT_OF_RANGE', actual: lot.remaining });
  }
  if (burnt !== undefined && burnt !== lotBurnt) {
    violations.push({ lotId: lot.id, reason: 'BURNT_MISMATCH', expected: burnt, actual: lotBurnt });
  }
  if (lotBurnt > 0 && lotBurnt > lot.remaining) {
    violations.push({
      lotId: lot.id,
      reason: 'BURNT_EXCEEDS_REMAINING',
      expected: lot.remaining,
      actual: lotBurnt,
    });
  }
  return violations;
}

/** Totals allocations per lot id (to build `LotFlows` from stored allocation or reversal rows). */
export function sumAllocationsByLot(allocations: readonly Allocation[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const a of allocations) sums.set(a.lotId, (sums.get(a.lotId) ?? 0) + a.amount);
  return sums;
}

export type MovementKind =
  'earn' | 'redeem' | 'adjust' | 'expire' | 'reverse' | 'transfer_in' | 'transfer_out';

/** A ledger movement; `points` is signed (credits positive, debits negative). */
export interface Movement {
  readonly kind: MovementKind;
  readonly points: number;
}

/** The sign each kind must have: 1 = >= 0, -1 = <= 0, 0 = either (adjustments; reversals of earns or debits). */
export const MOVEMENT_SIGN: Readonly<Record<MovementKind, 1 | -1 | 0>> = {
  earn: 1,
  redeem: -1,
  adjust: 0,
  expire: -1,
  reverse: 0,
  transfer_in: 1,
  transfer_out: -1,
};

export interface MovementViolation {
  index: number;
  reason: 'NOT_INTEGER' | 'UNKNOWN_KIND' | 'WRONG_SIGN';
}

export interface MovementSum {
  /** Signed sum of the valid-integer movements of known kinds. */
  total: number;
  byKind: Record<MovementKind, number>;
  violations: MovementViolation[];
}

/**
 * Sums signed movements, in total and per kind. Movements whose points are not integers, or whose kind is
 * unknown, are left out of the sums and reported; a movement with the wrong sign for its kind (a positive
 * `redeem`...) is counted and reported.
 */
export function sumMovements(movements: readonly Movement[]): MovementSum {
  const byKind: Record<MovementKind, number> = {
    earn: 0,
    redeem: 0,
    adjust: 0,
    expire: 0,
    reverse: 0,
    transfer_in: 0,
    transfer_out: 0,
  };
  const violations: MovementViolation[] = [];
  let total = 0;
  movements.forEach((m, index) => {
    if (!Object.hasOwn(MOVEMENT_SIGN, m.kind)) return void violations.push({ index, reason: 'UNKNOWN_KIND' });
    if (!Number.isSafeInteger(m.points)) return void violations.push({ index, reason: 'NOT_INTEGER' });
    const sign = MOVEMENT_SIGN[m.kind];
    if (m.points * sign < 0) violations.push({ index, reason: 'WRONG_SIGN' });
    byKind[m.kind] += m.points;
    total += m.points;
  });
  return { total, byKind, violations };
}

export type BalanceCheck =
  | { ok: true; balance: number }
  | {
      ok: false;
      reason: 'BALANCE_MISMATCH' | 'INVALID_MOVEMENTS';
      bookBalance: number;
      movementsTotal: number;
      violations: MovementViolation[];
    };

/**
 * The card-level invariant: the sum of its movements equals the book balance of its lots (remaining minus
 * burnt, overdrafts included; see `bookBalance`). Fails with `INVALID_MOVEMENTS` when some movement is
 * malformed, else `BALANCE_MISMATCH` when the totals differ. Throws a `LedgerInputError` on malformed lots.
 */
export function checkBalanceInvariant(lots: readonly Lot[], movements: readonly Movement[]): BalanceCheck {
  const balance = bookBalance(lots);
  const { total, violations } = sumMovements(movements);
  if (violations.length > 0 || total !== balance) {
    return {
      ok: false,
      reason: violations.length > 0 ? 'INVALID_MOVEMENTS' : 'BALANCE_MISMATCH',
      bookBalance: balance,
      movementsTotal: total,
      violations,
    };
  }
  return { ok: true, balance };
}
