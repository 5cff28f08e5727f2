/** Reads of promotions by what integrating systems know them by: code, name, a benefit's nro. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { PromotionRow } from './promotions.repo.js';

export function promotionsWhere(
  db: Kysely<DB>,
  merchantId: string,
  filter: { codes?: readonly string[] | undefined; name?: string | undefined },
): Promise<PromotionRow[]> {
  let q = db.selectFrom('promotions').selectAll().where('merchant_id', '=', merchantId);
  if (filter.codes) {
    if (filter.codes.length === 0) return Promise.resolve([]);
    q = q.where('code', 'in', filter.codes);
  }
  if (filter.name !== undefined) q = q.where('name', '=', filter.name);
  return q.orderBy('created_at').orderBy('nro').execute();
}

/** Promotions whose definition mentions the text (a benefit nro): candidates, checked by the caller. */
export function promotionsMentioning(
  db: Kysely<DB>,
  merchantId: string,
  text: string,
): Promise<PromotionRow[]> {
  return db
    .selectFrom('promotions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('definition', 'like', `%"${text.replace(/[%_"\\]/g, '')}"%`)
    .orderBy('nro')
    .execute();
}
