/**
 * A card's summary at `now`: the stored row while it holds, else computed again from the card's lots, wallet
 * and sales (the cost of history, paid once until the next lot changes state).
 */
import type { Kysely } from 'kysely';
import type { Lot } from '../../core/ledger/index.js';
import { isFresh, summarizeLots, type CardSummary } from '../../core/sales/card-summary.js';
import { findSummary, saveSummary } from '../../db/repos/card-summaries.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { lockCard, openLots } from '../../db/repos/ledger.repo.js';
import { merchantOfCard, walletOf } from '../../db/repos/sale-context.repo.js';
import { purchaseStatsWithPeriod } from '../../db/repos/sales.repo.js';
import type { DB } from '../../db/schema/index.js';

export interface CurrentSummary {
  summary: CardSummary;
  /** The version of the stored row (null: none is stored), for a write over it. */
  storedVersion: number | null;
  /** The open lots, when they had to be read. */
  lots: Lot[] | null;
}

const yearRanges = new Map<number, { year: number; from: string; to: string }>();

/** The calendar year (UTC) of an instant, with its bounds; every sale and balance asks, so it is kept. */
export function yearRange(now: string): { year: number; from: string; to: string } {
  // An instant in UTC as toISOString writes it starts with its four-digit year; anything else is parsed.
  const year =
    now.length >= 20 && now[4] === '-' && now.endsWith('Z')
      ? Number(now.slice(0, 4))
      : new Date(now).getUTCFullYear();
  let range = yearRanges.get(year);
  if (!range) {
    range = Object.freeze({
      year,
      from: new Date(Date.UTC(year, 0, 1)).toISOString(),
      to: new Date(Date.UTC(year + 1, 0, 1)).toISOString(),
    });
    yearRanges.set(year, range);
  }
  return range;
}

export async function currentSummary(
  db: Kysely<DB>,
  cardId: string,
  now: string,
  options: {
    ignoreStored?: boolean;
    /** The stored row as the caller read it with the card (null: none stored). */
    stored?: CardSummary | null;
  } = {},
): Promise<CurrentSummary> {
  const stored = options.ignoreStored
    ? null
    : options.stored !== undefined
      ? options.stored
      : await findSummary(db, cardId);
  const range = yearRange(now);
  if (stored && stored.year === range.year && isFresh(stored, now)) {
    return { summary: stored, storedVersion: stored.version, lots: null };
  }
  const lots = await openLots(db, cardId);
  const figures = await purchaseStatsWithPeriod(db, cardId, range);
  return {
    summary: {
      version: stored?.version ?? 0,
      ...summarizeLots(lots, now),
      walletMinor: await walletOf(db, cardId),
      purchases: figures.all,
      year: range.year,
      yearFigures: figures.period,
    },
    storedVersion: stored?.version ?? null,
    lots,
  };
}

/**
 * The summary for a read outside any transaction. When the stored row no longer holds, it is computed again
 * and saved in a short transaction under the card lock (so that a concurrent write cannot be missed), and the
 * card's history is read once per change of state instead of on every read.
 */
export async function freshSummary(
  deps: Deps,
  cardId: string,
  now: string,
  /** The stored row as the caller read it (null: none stored); read here when absent. */
  stored?: CardSummary | null,
): Promise<CardSummary> {
  const current = await currentSummary(deps.db, cardId, now, stored === undefined ? {} : { stored });
  if (current.lots === null) return current.summary;
  return inTransaction(deps.db, async (tx) => {
    await lockCard(tx, cardId);
    const locked = await currentSummary(tx, cardId, now);
    if (locked.lots !== null) {
      await saveSummary(tx, cardId, await merchantOfCard(tx, cardId), locked.storedVersion, locked.summary);
    }
    return locked.summary;
  });
}
