/**
 * A card's summary: what balances and sales need of its history (points by state, the nearest expiry, the
 * wallet, purchase figures), kept in one row so that their cost does not grow with the card's lots and sales.
 *
 * The split of points into active, pending and expired is exact from `computedAt` until `validUntil`, the
 * first instant at which one of the card's lots changes state (a pending period ends, a lot expires). Past
 * it, or when the row is missing, the summary is computed again from the lots (`summarizeLots`). Every write
 * to a card's ledger either keeps the row exact (a sale's earning: `withEarnedLot`) or drops it.
 */
import { toEpochMs, toIso } from '../ledger/ledger-input.js';
import { isOverdraft, lotState, type Lot } from '../ledger/lot.js';
import type { Balance } from '../ledger/balance.js';

export interface PurchaseFigures {
  count: number;
  amount: number;
  first: string | null;
  last: string | null;
}

export interface CardSummary {
  /** Bumped by every write: the row is saved only over the version it was read with. */
  version: number;
  computedAt: string;
  /** First instant at which a lot changes state; null when none ever will. */
  validUntil: string | null;
  active: number;
  pending: number;
  expired: number;
  nearestExpiry: { amount: number; date: string } | null;
  /** True while an overdraft (a debt) is outstanding: an earning must then settle it from the lots. */
  inDebt: boolean;
  walletMinor: number;
  /** Sales not cancelled, returns deducted; `year` is the calendar year (UTC) of `yearFigures`. */
  purchases: PurchaseFigures;
  year: number;
  yearFigures: { count: number; amount: number };
}

/** The points part of a summary, computed from the card's open lots at `now`. */
export type LotFigures = Pick<
  CardSummary,
  'computedAt' | 'validUntil' | 'active' | 'pending' | 'expired' | 'nearestExpiry' | 'inDebt'
>;

const later = (a: number | null, ms: number | null) => (ms === null ? a : a === null || ms < a ? ms : a);

/** The next instant after `now` at which the lot changes state, if any. */
function nextChange(lot: Lot, nowMs: number): number | null {
  if (lot.remaining === 0 || isOverdraft(lot) || (lot.burnt ?? 0) > 0) return null;
  let next: number | null = null;
  if (lot.pendingUntil !== null) {
    const ms = toEpochMs(lot.pendingUntil, 'pendingUntil');
    if (ms > nowMs) next = ms;
  }
  if (lot.expiresAt !== null) {
    const ms = toEpochMs(lot.expiresAt, 'expiresAt');
    if (ms > nowMs) next = later(next, ms);
  }
  return next;
}

function addToNearest(nearest: CardSummary['nearestExpiry'], lot: Lot): CardSummary['nearestExpiry'] {
  if (isOverdraft(lot) || lot.remaining === 0 || lot.expiresAt === null) return nearest;
  const ms = toEpochMs(lot.expiresAt, 'expiresAt');
  if (nearest === null) return { amount: lot.remaining, date: toIso(ms) };
  const current = toEpochMs(nearest.date, 'nearestExpiry');
  if (ms < current) return { amount: lot.remaining, date: toIso(ms) };
  if (ms === current) return { amount: nearest.amount + lot.remaining, date: nearest.date };
  return nearest;
}

/** Points by state at `now` and how long that split holds (as `balanceOf`, which it must always agree with). */
export function summarizeLots(lots: readonly Lot[], now: string): LotFigures {
  const nowMs = toEpochMs(now, 'now');
  const figures: LotFigures = {
    computedAt: now,
    validUntil: null,
    active: 0,
    pending: 0,
    expired: 0,
    nearestExpiry: null,
    inDebt: false,
  };
  let until: number | null = null;
  for (const lot of lots) {
    const state = lotState(lot, now);
    if (state === 'pending') figures.pending += lot.remaining;
    else if (state === 'expired') figures.expired += lot.remaining;
    else {
      figures.active += lot.remaining;
      figures.nearestExpiry = addToNearest(figures.nearestExpiry, lot);
    }
    if (isOverdraft(lot) && lot.remaining < 0) figures.inDebt = true;
    until = later(until, nextChange(lot, nowMs));
  }
  figures.validUntil = until === null ? null : toIso(until);
  return figures;
}

/** True when the summary's split of points still holds at `now`. */
export function isFresh(summary: Pick<CardSummary, 'computedAt' | 'validUntil'>, now: string): boolean {
  const t = toEpochMs(now, 'now');
  if (toEpochMs(summary.computedAt, 'computedAt') > t) return false;
  return summary.validUntil === null || t < toEpochMs(summary.validUntil, 'validUntil');
}

/**
 * The summary after a new earning lot, at `now` (the summary must be fresh at `now` and the card not in debt:
 * a debt is settled from the lots instead).
 */
export function withEarnedLot(summary: CardSummary, lot: Lot, now: string): CardSummary {
  const state = lotState(lot, now);
  const until = later(
    summary.validUntil === null ? null : toEpochMs(summary.validUntil, 'validUntil'),
    nextChange(lot, toEpochMs(now, 'now')),
  );
  return {
    ...summary,
    validUntil: until === null ? null : toIso(until),
    active: summary.active + (state === 'active' ? lot.remaining : 0),
    pending: summary.pending + (state === 'pending' ? lot.remaining : 0),
    expired: summary.expired + (state === 'expired' ? lot.remaining : 0),
    nearestExpiry: state === 'active' ? addToNearest(summary.nearestExpiry, lot) : summary.nearestExpiry,
  };
}

/** The summary after a sale of `amount` (minor units, after returns) dated `soldAt`. */
export function withPurchase(summary: CardSummary, amount: number, soldAt: string): CardSummary {
  const p = summary.purchases;
  const inYear = new Date(soldAt).getUTCFullYear() === summary.year;
  return {
    ...summary,
    purchases: {
      count: p.count + 1,
      amount: p.amount + amount,
      first: p.first === null || soldAt < p.first ? soldAt : p.first,
      last: p.last === null || soldAt > p.last ? soldAt : p.last,
    },
    yearFigures: inYear
      ? { count: summary.yearFigures.count + 1, amount: summary.yearFigures.amount + amount }
      : summary.yearFigures,
  };
}

/** The balance the summary stands for; a blocked card's active points are reported as frozen. */
export function summaryBalance(summary: CardSummary, frozen: boolean): Balance {
  const b = {
    active: summary.active,
    pending: summary.pending,
    expired: summary.expired,
    nearestExpiry: summary.nearestExpiry,
  };
  return frozen ? { ...b, active: 0, frozen: summary.active } : { ...b, frozen: 0 };
}

/** The value tiers are measured on: unexpired points, or purchases to date. */
export function tierBasis(summary: CardSummary, basis: 'points' | 'purchaseAmount'): number {
  return basis === 'purchaseAmount' ? summary.purchases.amount : summary.active + summary.pending;
}
