/** The reads of a sale's unit of work, as hot statements: the card lock, the card's open lots and summary inputs. */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { hotQuery, isPostgres, lockedOnPostgres } from '../hot.js';
import type { CardTable, DB } from '../schema/index.js';
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

/** The holder's godfather, read with the card. */
const godfatherOfHolder = sql<
  string | null
>`(select godfather_id from customers where customers.id = c.customer_id)`;

/** The card's program settings version, read with the card (loadLedgerProgram keeps unchanged programs). */
const programVersion = sql<
  number | null
>`(select settings_version from programs where programs.id = c.program_id)`;

/** What a sale reads with its card: the stored summary, the steps rewarded and the holder's godfather. */
function withContext<O>(db: Kysely<DB>, query: SelectQueryBuilder<DB & { c: CardTable }, 'c', O>) {
  return query
    .leftJoin('card_summaries as s', 's.card_id', 'c.id')
    .select(PREFIXED_SUMMARY)
    .select(rewardedStepsOf(db).as('rewarded_steps'))
    .select(godfatherOfHolder.as('godfather_id'));
}

/**
 * The card read under its lock. PostgreSQL takes the card's row lock (SELECT … FOR NO KEY UPDATE: no write,
 * so a sale does not move the card's updated_at) and reads the card's context in a statement of its own: after
 * waiting for the lock, a statement sees the locked row as committed but every other table as it was when the
 * statement began, so a summary read with the lock could be the one the previous sale replaced. SQLite needs
 * no row lock (a transaction holds the database's single write lock from its BEGIN IMMEDIATE, and the group
 * commit runs one transaction at a time on the connection), so the context comes in the same statement.
 */
function lockedCardRead(db: Kysely<DB>) {
  const card = db
    .selectFrom('cards as c')
    .$if(!isPostgres(db), (q) => withContext(db, q))
    .selectAll('c')
    .select(programVersion.as('program_version'));
  return lockedOnPostgres(db, card);
}

const lockAndRead = hotQuery((db, cardId: string, merchantId: string) =>
  lockedCardRead(db).where('c.id', '=', cardId).where('c.merchant_id', '=', merchantId),
);

const lockAndReadByNumber = hotQuery((db, merchantId: string, number: string) =>
  lockedCardRead(db).where('c.merchant_id', '=', merchantId).where('c.number', '=', number),
);

/** The context alone, read after the lock (PostgreSQL). */
const contextAfterLock = hotQuery((db, cardId: string) =>
  withContext(db, db.selectFrom('cards as c').where('c.id', '=', cardId)),
);

/** What a sale reads of its locked card besides the card: stored summary, steps rewarded, the holder's godfather. */
export interface LockedCardContext {
  /** The stored summary (null: none stored). */
  summary: CardSummary | null;
  rewardedSteps: number[];
  /** The card holder's godfather (null: none, or no holder). */
  godfatherId: string | null;
}

/** A card read under its lock, with its program's settings version (null: no program) and its context. */
export interface LockedCard {
  card: CardRecord;
  programVersion: number | null;
  context: LockedCardContext;
}

type LockedRow = CardRow & { program_version: number | null };
type ContextRow = { rewarded_steps: string | null; godfather_id: string | null; summary_card_id: unknown };

async function lockedCard(tx: Tx, row: LockedRow | undefined): Promise<LockedCard | undefined> {
  if (!row) return undefined;
  const context: ContextRow | undefined = isPostgres(tx)
    ? (await contextAfterLock(tx, row.id)).rows[0]
    : (row as LockedRow & ContextRow);
  return {
    card: toCardRecord(row),
    programVersion: row.program_version === null ? null : Number(row.program_version),
    context: context
      ? {
          summary: prefixedSummary(context),
          rewardedSteps: stepList(context.rewarded_steps),
          godfatherId: context.godfather_id,
        }
      : { summary: null, rewardedSteps: [], godfatherId: null },
  };
}

/**
 * Takes the card's row lock and reads the card as it is under the lock, with its context: a block, a
 * replacement or an unbind committed by another transaction is seen here, never missed (PostgreSQL re-reads
 * the row it waited for). On SQLite one statement (two before).
 */
export async function lockCardForUpdate(
  tx: Tx,
  merchantId: string,
  cardId: string,
): Promise<LockedCard | undefined> {
  return lockedCard(tx, (await lockAndRead(tx, cardId, merchantId)).rows[0]);
}

/** lockCardForUpdate by the card's number (a sale names its card by number: no read before the lock). */
export async function lockCardByNumber(
  tx: Tx,
  merchantId: string,
  number: string,
): Promise<LockedCard | undefined> {
  return lockedCard(tx, (await lockAndReadByNumber(tx, merchantId, number)).rows[0]);
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
