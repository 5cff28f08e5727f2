import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** A card's lots, newest first (lot ids are sortable), with the receipt of the sale that earned each. */
export function lotPage(
  db: Kysely<DB>,
  cardId: string,
  options: { before?: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('lots')
    .leftJoin('sales', 'sales.id', 'lots.sale_id')
    .select([
      'lots.id',
      'lots.amount',
      'lots.remaining',
      'lots.burnt',
      'lots.earned_at',
      'lots.pending_until',
      'lots.expires_at',
      'sales.receipt',
    ])
    .where('lots.card_id', '=', cardId);
  if (options.before) q = q.where('lots.id', '<', options.before);
  return q.orderBy('lots.id', 'desc').limit(options.limit).execute();
}
