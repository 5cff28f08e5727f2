/**
 * The expiry job: burns the points of lots past their expiry date, one transaction per card. Balances do
 * not depend on it (they are derived from dates); it writes the `expire` movements the statement shows.
 */
import type { Deps } from '../app/context.js';
import { expireDue } from '../app/ledger/ledger-writer.js';
import { lockCard } from '../db/repos/ledger.repo.js';
import { cardsWithDueLots } from '../db/repos/sales.repo.js';
import { inTransaction } from '../db/transaction.js';
import type { Job } from './runner.js';

export interface ExpiryReport {
  cards: number;
  points: number;
}

export async function runExpiry(deps: Pick<Deps, 'db'>, now: Date): Promise<ExpiryReport> {
  const at = now.toISOString();
  const due = await cardsWithDueLots(deps.db, at);
  let points = 0;
  let cards = 0;
  for (const { card_id: cardId, merchant_id: merchantId } of due) {
    const burnt = await inTransaction(deps.db, async (tx) => {
      await lockCard(tx, cardId);
      return expireDue(tx, { merchantId, cardId, now: at });
    });
    if (burnt > 0) cards += 1;
    points += burnt;
  }
  return { cards, points };
}

/** The expiry job for the runner: every minute. */
export const expiryJob: Job = {
  name: 'expiry',
  everyMs: 60_000,
  run: (deps, now) => runExpiry(deps, now),
};
