/** The reads of a sale's unit of work, as hot statements: the card lock, the card's open lots and summary inputs. */
import { sql, type Kysely } from 'kysely';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';
import type { CardSummary } from '../../core/sales/card-summary.js';
import {
  PREFIXED_SUMMARY,
  prefixedSummary,
  rewardedStepsOf,
  stepList,
  toCardRecord,
  type CardRecord,
  type CardRow,
} from './cards.repo.js';

/** The card's program settings version, read with the card (loadLedgerProgram keeps unchanged programs). */
const programVersion = sql<
  number | null
>`(select settings_version from programs where programs.id = cards.program_id)`.as('program_version');

const lockAndRead = hotQuery((db, now: string, cardId: string, merchantId: string) =>
  db
    .updateTable('cards')
    .set({ updated_at: now })
    .where('id', '=', cardId)
    .where('merchant_id', '=', merchantId)
    .returningAll()
    .returning(programVersion),
);

/** A card read under its lock, with its program's settings version (null: no program). */
export interface LockedCard {
  card: CardRecord;
  programVersion: number | null;
}

function lockedCard(row: (CardRow & { program_version: number | null }) | undefined): LockedCard | undefined {
  return row
    ? {
        card: toCardRecord(row),
        programVersion: row.program_version === null ? null : Number(row.program_version),
      }
    : undefined;
}

/**
 * Takes the card's row lock and reads the card as it is under the lock: a block, a replacement or an unbind
 * committed by another transaction is seen here, never missed (PostgreSQL re-reads the row it waited for).
 */
export async function lockCardForUpdate(
  tx: Tx,
  merchantId: string,
  cardId: string,
  now: string,
): Promise<LockedCard | undefined> {
  return lockedCard((await lockAndRead(tx, now, cardId, merchantId)).rows[0]);
}

const lockAndReadByNumber = hotQuery((db, now: string, merchantId: string, number: string) =>
  db
    .updateTable('cards')
    .set({ updated_at: now })
    .where('merchant_id', '=', merchantId)
    .where('number', '=', number)
    .returningAll()
    .returning(programVersion),
);

/** lockCardForUpdate by the card's number (a sale names its card by number: no read before the lock). */
export async function lockCardByNumber(
  tx: Tx,
  merchantId: string,
  number: string,
  now: string,
): Promise<LockedCard | undefined> {
  return lockedCard((await lockAndReadByNumber(tx, now, merchantId, number)).rows[0]);
}

const lockedCardContext = hotQuery((db, cardId: string) =>
  db
    .selectFrom('cards as c')
    .leftJoin('card_summaries as s', 's.card_id', 'c.id')
    .select(PREFIXED_SUMMARY)
    .select(rewardedStepsOf(db).as('rewarded_steps'))
    .select(
      sql<string | null>`(select godfather_id from customers where customers.id = c.customer_id)`.as(
        'godfather_id',
      ),
    )
    .where('c.id', '=', cardId),
);

/** What a sale reads of its locked card besides the card: stored summary, steps rewarded, the holder's godfather. */
export interface LockedCardContext {
  /** The stored summary (null: none stored). */
  summary: CardSummary | null;
  rewardedSteps: number[];
  /** The card holder's godfather (null: none, or no holder). */
  godfatherId: string | null;
}

/** LockedCardContext in one statement (three keyed reads before). */
export async function readLockedCardContext(tx: Tx, cardId: string): Promise<LockedCardContext> {
  const row = (await lockedCardContext(tx, cardId)).rows[0];
  if (!row) return { summary: null, rewardedSteps: [], godfatherId: null };
  return {
    summary: prefixedSummary(row),
    rewardedSteps: stepList(row.rewarded_steps),
    godfatherId: row.godfather_id,
  };
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
