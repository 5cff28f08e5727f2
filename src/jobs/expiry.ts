/**
 * The expiry job: burns the points of lots past their expiry date, one transaction per card. Balances do
 * not depend on it (they are derived from dates); it writes the `expire` movements the statement shows.
 */
import type { Deps } from '../app/context.js';
import { expireDue } from '../app/loyalty/ledger-writer.js';
import { lockCard } from '../db/repos/ledger.repo.js';
import { cardsWithDueLots } from '../db/repos/sales.repo.js';
import { inTransaction } from '../db/transaction.js';

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
      await lockCard(tx, cardId, at);
      return expireDue(tx, { merchantId, cardId, now: at });
    });
    if (burnt > 0) cards += 1;
    points += burnt;
  }
  return { cards, points };
}

/** Runs the job every `intervalMs`, one run at a time; returns a function that stops it. */
export function scheduleExpiry(
  deps: Deps,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runExpiry(deps, deps.now())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
