/** Balances are derived from lots at an instant; nothing here is stored. */
import { toEpochMs, toIso, type Instant } from './ledger-input.js';
import { indexLots, isOverdraft, lotState, type Lot } from './lot.js';

export interface Balance {
  /** Spendable points: remaining of active lots, minus any outstanding overdraft (so it may be negative). */
  active: number;
  /** Remaining of lots still in their pending period. */
  pending: number;
  /** Remaining of expired lots: the points they burnt (or will burn at the next expiry run). */
  expired: number;
  /** When the card is frozen (blocked), what would otherwise be `active`; else 0. */
  frozen: number;
  /** The active points that expire first: the sum over active lots sharing the earliest `expiresAt`. */
  nearestExpiry: { amount: number; date: string } | null;
}

export interface BalanceOptions {
  /** The card is blocked: its active points are reported as `frozen` and `active` is 0. */
  frozen?: boolean;
}

/**
 * The balance at `now`. Overdraft lots count (negatively) in `active`. `nearestExpiry` looks at active lots
 * with remaining > 0 only, is reported even when frozen (blocked points still expire), and its date is in
 * canonical ISO form. Throws a `LedgerInputError` on malformed lots.
 */
export function balanceOf(lots: readonly Lot[], now: Instant, opts: BalanceOptions = {}): Balance {
  indexLots(lots);
  let active = 0;
  let pending = 0;
  let expired = 0;
  let nearest: { amount: number; ms: number } | null = null;
  for (const lot of lots) {
    const state = lotState(lot, now);
    if (state === 'pending') pending += lot.remaining;
    else if (state === 'expired') expired += lot.remaining;
    else {
      active += lot.remaining;
      if (isOverdraft(lot) || lot.remaining === 0 || lot.expiresAt === null) continue;
      const ms = toEpochMs(lot.expiresAt, 'expiresAt');
      if (nearest === null || ms < nearest.ms) nearest = { amount: lot.remaining, ms };
      else if (ms === nearest.ms) nearest = { amount: nearest.amount + lot.remaining, ms };
    }
  }
  const nearestExpiry = nearest === null ? null : { amount: nearest.amount, date: toIso(nearest.ms) };
  return opts.frozen
    ? { active: 0, pending, expired, frozen: active, nearestExpiry }
    : { active, pending, expired, frozen: 0, nearestExpiry };
}

/**
 * The book balance, independent of time: the sum of all lots' remaining (overdrafts negative) minus what
 * `expire` movements have already burnt. This is what the sum of a card's movements must equal.
 */
export function bookBalance(lots: readonly Lot[]): number {
  indexLots(lots);
  return lots.reduce((sum, lot) => sum + lot.remaining - (lot.burnt ?? 0), 0);
}
