/** Limit counters of one subject (a customer, a store) with their limit and its promotion. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export function limitStatesOf(db: Kysely<DB>, merchantId: string, subject: string) {
  return db
    .selectFrom('limit_counters as c')
    .innerJoin('promotion_limits as l', 'l.id', 'c.limit_id')
    .leftJoin('promotions as p', (j) =>
      j.onRef('p.nro', '=', 'l.promotion_nro').onRef('p.merchant_id', '=', 'l.merchant_id'),
    )
    .select([
      'c.limit_id',
      'c.subject',
      'c.used',
      'c.next_reset',
      'c.updated_at',
      'l.promotion_nro',
      'l.benefit_nro',
      'l.scope',
      'l.store_code',
      'l.period_days',
      'l.type',
      'l.max',
      'l.created_at',
      'p.code',
      'p.name',
    ])
    .where('l.merchant_id', '=', merchantId)
    .where('c.subject', '=', subject)
    .orderBy('c.updated_at')
    .orderBy('c.limit_id')
    .execute();
}
