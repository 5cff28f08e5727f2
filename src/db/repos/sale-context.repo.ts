/** The reads of a sale's unit of work, as hot statements: the card lock, the card's open lots and summary inputs. */
import { sql, type Kysely } from 'kysely';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';
import { toCardRecord, type CardRecord } from './cards.repo.js';

const lockAndRead = hotQuery((db, now: string, cardId: string, merchantId: string) =>
  db
    .updateTable('cards')
    .set({ updated_at: now })
    .where('id', '=', cardId)
    .where('merchant_id', '=', merchantId)
    .returningAll(),
);

/**
 * Takes the card's row lock and reads the card as it is under the lock: a block, a replacement or an unbind
 * committed by another transaction is seen here, never missed (PostgreSQL re-reads the row it waited for).
 */
export async function lockCardForUpdate(
  tx: Tx,
  merchantId: string,
  cardId: string,
  now: string,
): Promise<CardRecord | undefined> {
  const row = (await lockAndRead(tx, now, cardId, merchantId)).rows[0];
  return row ? toCardRecord(row) : undefined;
}

const cardIdByNumber = hotQuery((db, merchantId: string, number: string) =>
  db
    .selectFrom('cards')
    .select(['id', 'customer_id'])
    .where('merchant_id', '=', merchantId)
    .where('number', '=', number),
);

export async function findCardIdByNumber(db: Kysely<DB>, merchantId: string, number: string) {
  return (await cardIdByNumber(db, merchantId, number)).rows[0];
}

const walletSum = hotQuery((db, cardId: string) =>
  db
    .selectFrom('movements')
    .select(sql<number>`coalesce(sum(money), 0)`.as('total'))
    .where('card_id', '=', cardId),
);

export async function walletOf(db: Kysely<DB>, cardId: string): Promise<number> {
  return Number((await walletSum(db, cardId)).rows[0]?.total ?? 0);
}

const purchases = hotQuery((db, from: string, to: string, cardId: string) =>
  db
    .selectFrom('sales')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(total_minor - returned_minor), 0)`.as('amount'),
      sql<string | null>`min(sold_at)`.as('first'),
      sql<string | null>`max(sold_at)`.as('last'),
      sql<number>`coalesce(sum(case when sold_at >= ${from} and sold_at < ${to} then 1 else 0 end), 0)`.as(
        'year_n',
      ),
      sql<number>`coalesce(sum(case when sold_at >= ${from} and sold_at < ${to} then total_minor - returned_minor else 0 end), 0)`.as(
        'year_amount',
      ),
    ])
    .where('card_id', '=', cardId)
    .where('status', '<>', 'cancelled'),
);

/** Purchase figures of a card (cancelled sales left out, returns deducted), to date and in [from, to). */
export async function purchaseFigures(db: Kysely<DB>, cardId: string, range: { from: string; to: string }) {
  const row = (await purchases(db, range.from, range.to, cardId)).rows[0];
  return {
    all: {
      count: Number(row?.n ?? 0),
      amount: Number(row?.amount ?? 0),
      first: row?.first ?? null,
      last: row?.last ?? null,
    },
    year: { count: Number(row?.year_n ?? 0), amount: Number(row?.year_amount ?? 0) },
  };
}

export async function merchantOfCard(db: Kysely<DB>, cardId: string): Promise<string> {
  const row = await db
    .selectFrom('cards')
    .select('merchant_id')
    .where('id', '=', cardId)
    .executeTakeFirstOrThrow();
  return row.merchant_id;
}
