/**
 * Checks of the card summaries and of the card lock, for `tessera check`: every stored summary still fresh
 * agrees with the card's lots, wallet and sales; no sale moved points on a card after its block or its
 * replacement (which the sale's lock and re-read under it must prevent).
 */
import { sql } from 'kysely';
import { isFresh } from '../../core/sales/card-summary.js';
import { allSummaries } from '../../db/repos/card-summaries.repo.js';
import type { Deps } from '../context.js';
import { currentSummary } from '../sales/current-summary.js';

const SUMMARY_FIELDS = [
  'active',
  'pending',
  'expired',
  'nearestExpiry',
  'inDebt',
  'walletMinor',
  'purchases',
  'yearFigures',
] as const;

/** Cards whose stored summary, still fresh now, differs from the one computed from their ledger. */
export async function wrongSummaries(deps: Deps): Promise<string[]> {
  const now = deps.now().toISOString();
  const bad: string[] = [];
  for (const stored of await allSummaries(deps.db)) {
    if (!isFresh(stored, now) || stored.year !== new Date(now).getUTCFullYear()) continue;
    const computed = (await currentSummaryFromLedger(deps, stored.cardId, now)).summary;
    const differs = SUMMARY_FIELDS.some((f) => JSON.stringify(stored[f]) !== JSON.stringify(computed[f]));
    if (differs) bad.push(stored.cardId);
  }
  return bad;
}

/** The summary computed from the ledger, ignoring the stored row. */
async function currentSummaryFromLedger(deps: Deps, cardId: string, now: string) {
  return currentSummary(deps.db, cardId, now, { ignoreStored: true });
}

/** Sale movements (earn, redeem) on a card dated after it was blocked or replaced. */
export async function movementsAfterBlock(deps: Deps): Promise<number> {
  const row = await deps.db
    .selectFrom('movements')
    .innerJoin('cards', 'cards.id', 'movements.card_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('cards.status', 'in', ['blocked', 'replaced'])
    .where('cards.status_since', 'is not', null)
    .where('movements.sale_id', 'is not', null)
    .where('movements.kind', 'in', ['earn', 'redeem'])
    .where((eb) => eb('movements.created_at', '>', eb.ref('cards.status_since')))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
