import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema/index.js';
import type { GiftAwardTable, GiftTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type GiftRow = Selectable<GiftTable>;
export type GiftAwardRow = Selectable<GiftAwardTable>;

export async function insertGift(db: Kysely<DB>, row: GiftTable): Promise<void> {
  await db.insertInto('gifts').values(row).execute();
}

export function findGift(db: Kysely<DB>, merchantId: string, id: string): Promise<GiftRow | undefined> {
  return db
    .selectFrom('gifts')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listGifts(db: Kysely<DB>, merchantId: string): Promise<GiftRow[]> {
  return db.selectFrom('gifts').selectAll().where('merchant_id', '=', merchantId).orderBy('id').execute();
}

/**
 * Takes one unit of a gift's stock in one conditional statement (`stock > 0`); a gift with a null stock is
 * unlimited and always succeeds. False when the stock is exhausted.
 */
export async function takeStock(tx: Tx, giftId: string): Promise<boolean> {
  const result = await tx
    .updateTable('gifts')
    .set({ stock: sql`case when stock is null then null else stock - 1 end` })
    .where('id', '=', giftId)
    .where((eb) => eb.or([eb('stock', 'is', null), eb('stock', '>', 0)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function giveBackStock(tx: Tx, giftId: string): Promise<void> {
  await tx
    .updateTable('gifts')
    .set({ stock: sql`stock + 1` })
    .where('id', '=', giftId)
    .where('stock', 'is not', null)
    .execute();
}

export async function insertAward(tx: Tx, row: GiftAwardTable): Promise<void> {
  await tx.insertInto('gift_awards').values(row).execute();
}

export function findAward(db: Kysely<DB>, merchantId: string, id: string): Promise<GiftAwardRow | undefined> {
  return db
    .selectFrom('gift_awards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks an award restored, once: false when it already was. */
export async function markAwardRestored(tx: Tx, id: string, now: string): Promise<boolean> {
  const result = await tx
    .updateTable('gift_awards')
    .set({ status: 'restored', restored_at: now })
    .where('id', '=', id)
    .where('status', '=', 'awarded')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
