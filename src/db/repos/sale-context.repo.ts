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

const lockAndReadByNumber = hotQuery((db, now: string, merchantId: string, number: string) =>
  db
    .updateTable('cards')
    .set({ updated_at: now })
    .where('merchant_id', '=', merchantId)
    .where('number', '=', number)
    .returningAll(),
);

/** lockCardForUpdate by the card's number (a sale names its card by number: no read before the lock). */
export async function lockCardByNumber(
  tx: Tx,
  merchantId: string,
  number: string,
  now: string,
): Promise<CardRecord | undefined> {
  const row = (await lockAndReadByNumber(tx, now, merchantId, number)).rows[0];
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

export async function merchantOfCard(db: Kysely<DB>, cardId: string): Promise<string> {
  const row = await db
    .selectFrom('cards')
    .select('merchant_id')
    .where('id', '=', cardId)
    .executeTakeFirstOrThrow();
  return row.merchant_id;
}
