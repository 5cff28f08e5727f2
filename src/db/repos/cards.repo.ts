import { sql, type Kysely, type Selectable } from 'kysely';
import type { CardState, CardStatus } from '../../core/cards/index.js';
import type { BlockReasonCode, CardRole } from '../../core/cards/card-reasons.js';
import type { CardRecord } from '../../core/cards/card-record.js';
import type { CardSummaryTable, CardTable } from '../schema/index.js';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';
import { hotQuery, isPostgres } from '../hot.js';
import { dropSummary, SUMMARY_VALUE_COLUMNS, toSummary } from './card-summaries.repo.js';
import type { CardSummary } from '../../core/sales/card-summary.js';

export type CardRow = Selectable<CardTable>;

export type { CardRecord };

export function toCardRecord(row: CardRow, replaces: string | null = null): CardRecord {
  const status = row.status as CardStatus;
  return {
    id: row.id,
    merchantId: row.merchant_id,
    programId: row.program_id,
    number: row.number,
    customerId: row.customer_id,
    status,
    expiresAt: row.expires_at,
    discountMinor: Number(row.discount_minor),
    createdAt: row.created_at,
    blockReason: row.block_reason === null ? null : Number(row.block_reason),
    blockedByRole: row.blocked_by_role,
    replacedBy: row.replaced_by,
    issuedAt: row.issued_at,
    activatedAt: row.activated_at,
    updatedAt: row.updated_at,
    state: {
      number: row.number,
      programId: row.program_id ?? '',
      status,
      customerId: row.customer_id,
      block:
        status === 'blocked' && row.block_reason !== null
          ? {
              reasonCode: row.block_reason as BlockReasonCode,
              blockedBy: (row.blocked_by_role ?? 'administrator') as CardRole,
            }
          : null,
      replacedBy: row.replaced_by,
      replaces,
    },
  };
}

const cardByNumber = hotQuery((db, merchantId: string, number: string) =>
  db.selectFrom('cards').selectAll().where('merchant_id', '=', merchantId).where('number', '=', number),
);

export async function findCardByNumber(
  db: Kysely<DB>,
  merchantId: string,
  number: string,
): Promise<CardRecord | undefined> {
  const row = (await cardByNumber(db, merchantId, number)).rows[0];
  return row ? toCardRecord(row) : undefined;
}

/** The summary columns read with a card (prefixed, so that they do not collide with the card's). */
const SUMMARY_COLUMNS = ['card_id', 'merchant_id', ...SUMMARY_VALUE_COLUMNS] as const;

/** The selection of a card's stored summary in a read of `cards as c` left-joined with `card_summaries as s`. */
export const PREFIXED_SUMMARY = SUMMARY_COLUMNS.map((k) => `s.${k} as summary_${k}` as const);

/**
 * The summary row inside a row read with PREFIXED_SUMMARY, by a function made once that reads each prefixed
 * column by its literal name: a loop of computed reads into a new object cost 4-5 % of a balance. The names
 * come from constant lists (SUMMARY_COLUMNS, card-summaries.repo.ts's SUMMARY_VALUE_COLUMNS), never from input.
 */
const unprefixSummary = new Function(
  'r',
  `return { ${SUMMARY_COLUMNS.map((k) => `${k}: r.summary_${k}`).join(', ')} };`,
) as (row: unknown) => CardSummaryTable;

/** The stored summary from a row read with PREFIXED_SUMMARY (null: none stored). */
export function prefixedSummary(row: { summary_card_id: unknown }): CardSummary | null {
  return row.summary_card_id === null ? null : toSummary(unprefixSummary(row));
}

/** The step indexes of rewardedStepsOf's text, in order. */
export function stepList(text: string | null): number[] {
  return text
    ? text
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
}

const cardWithSummaryByNumber = hotQuery((db, merchantId: string, number: string) =>
  db
    .selectFrom('cards as c')
    .leftJoin('card_summaries as s', 's.card_id', 'c.id')
    .leftJoin('programs as p', 'p.id', 'c.program_id')
    .select(['c.id', 'c.number', 'c.status', 'c.customer_id', 'c.program_id', 'c.discount_minor'])
    .select(PREFIXED_SUMMARY)
    .select('p.settings_version as program_version')
    .select(rewardedStepsOf(db).as('rewarded_steps'))
    .where('c.merchant_id', '=', merchantId)
    .where('c.number', '=', number),
);

/** The steps a card has had the reward of, as one text ("2,1"): SQLite and PostgreSQL name the aggregate differently. */
export function rewardedStepsOf(db: Kysely<DB>) {
  return isPostgres(db)
    ? sql<string | null>`(select string_agg(step_index::text, ',') from step_rewards where card_id = c.id)`
    : sql<string | null>`(select group_concat(step_index, ',') from step_rewards where card_id = c.id)`;
}

/** What a balance shows of a card (a narrower read than the whole card: every column read costs). */
export type BalanceCard = Pick<
  CardRecord,
  'id' | 'number' | 'status' | 'customerId' | 'programId' | 'discountMinor'
>;

/**
 * A card by number with its stored summary (null: none stored) and its program's settings version (null: no
 * program), in one read: a balance needs all three.
 */
export async function findCardWithSummary(
  db: Kysely<DB>,
  merchantId: string,
  number: string,
): Promise<
  | { card: BalanceCard; summary: CardSummary | null; programVersion: number | null; rewardedSteps: number[] }
  | undefined
> {
  const row = (await cardWithSummaryByNumber(db, merchantId, number)).rows[0];
  if (!row) return undefined;
  const summary = prefixedSummary(row);
  return {
    card: {
      id: row.id,
      number: row.number,
      status: row.status as CardStatus,
      customerId: row.customer_id,
      programId: row.program_id,
      discountMinor: Number(row.discount_minor),
    },
    summary,
    programVersion: row.program_version === null ? null : Number(row.program_version),
    rewardedSteps: stepList(row.rewarded_steps),
  };
}

export async function findCardById(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
): Promise<CardRecord | undefined> {
  const row = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toCardRecord(row) : undefined;
}

export async function cardsOfCustomer(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
): Promise<CardRecord[]> {
  const rows = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => toCardRecord(r));
}

export interface NewCardRow {
  id: string;
  merchantId: string;
  programId: string;
  number: string;
  status: CardStatus;
  customerId?: string | null;
  expiresAt?: string | null;
  issuedAt?: string | null;
  activatedAt?: string | null;
  now: string;
}

/** Inserts cards in chunks (SQLite caps the number of bound values per statement). */
export async function insertCards(tx: Tx, cards: readonly NewCardRow[], chunk = 500): Promise<void> {
  for (let i = 0; i < cards.length; i += chunk) {
    await tx
      .insertInto('cards')
      .values(
        cards.slice(i, i + chunk).map((c) => ({
          id: c.id,
          merchant_id: c.merchantId,
          number: c.number,
          customer_id: c.customerId ?? null,
          status: c.status,
          program_id: c.programId,
          block_reason: null,
          blocked_by_role: null,
          expires_at: c.expiresAt ?? null,
          replaced_by: null,
          issued_at: c.issuedAt ?? null,
          activated_at: c.activatedAt ?? null,
          created_at: c.now,
          updated_at: c.now,
        })),
      )
      .execute();
  }
}

/** Time stamps and values a transition writes besides the state itself. */
export interface CardStateExtras {
  issuedAt?: string;
  activatedAt?: string;
  expiresAt?: string | null;
  discountMinor?: number;
}

/** Writes a card's state-machine fields (status, customer, block, successor). The card must be locked. */
export async function saveCardState(
  tx: Tx,
  cardId: string,
  state: CardState,
  extras: CardStateExtras,
  now: string,
): Promise<void> {
  // A sale takes its `now` before it waits for the card's lock: one that held the lock just before this change
  // can carry a later instant than this change's `now`. The status dates from after the card's last movement,
  // so "no movement after a block or replacement" (tessera check) reads the order in which things happened.
  // The caller holds the card's lock: no movement can land between this read and the update.
  const last = await tx
    .selectFrom('movements')
    .select(sql<string | null>`max(created_at)`.as('at'))
    .where('card_id', '=', cardId)
    .executeTakeFirst();
  const since = last?.at && last.at > now ? last.at : now;
  await tx
    .updateTable('cards')
    .set({
      status: state.status,
      customer_id: state.customerId,
      block_reason: state.block?.reasonCode ?? null,
      blocked_by_role: state.block?.blockedBy ?? null,
      replaced_by: state.replacedBy,
      ...(extras.issuedAt === undefined ? {} : { issued_at: extras.issuedAt }),
      ...(extras.activatedAt === undefined ? {} : { activated_at: extras.activatedAt }),
      ...(extras.expiresAt === undefined ? {} : { expires_at: extras.expiresAt }),
      ...(extras.discountMinor === undefined ? {} : { discount_minor: extras.discountMinor }),
      // `status` on the right is the value before this update (SQL semantics, both databases)
      status_since: sql<
        string | null
      >`case when status <> ${state.status} then ${since} else status_since end`,
      updated_at: now,
    })
    .where('id', '=', cardId)
    .execute();
}

/** New, unassigned cards of a program, oldest first: candidates for "next available card". */
export async function newUnassignedCards(
  db: Kysely<DB>,
  merchantId: string,
  programId: string,
  limit: number,
): Promise<CardRecord[]> {
  const rows = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('program_id', '=', programId)
    .where('status', '=', 'new')
    .where('customer_id', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => toCardRecord(r));
}

/**
 * Claims a new unassigned card with one conditional UPDATE: it writes `status` (the issued state) only if
 * the card is still new and unassigned. False when another request took it first.
 */
export async function claimNewCard(
  db: Kysely<DB>,
  cardId: string,
  status: CardStatus,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('cards')
    .set({ status, issued_at: now, updated_at: now })
    .where('id', '=', cardId)
    .where('status', '=', 'new')
    .where('customer_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a card's balance and history to its successor: point lots, movements, sales, vouchers, rewarded
 * steps and gift awards now belong to `toId`. Both cards must be locked.
 */
export async function moveCardHistory(tx: Tx, fromId: string, toId: string): Promise<void> {
  for (const table of ['lots', 'movements', 'sales', 'vouchers', 'step_rewards', 'gift_awards'] as const) {
    await tx.updateTable(table).set({ card_id: toId }).where('card_id', '=', fromId).execute();
  }
  await dropSummary(tx, fromId);
  await dropSummary(tx, toId);
}

/**
 * Serialises the card changes of one customer (binding, replacing), so that two cards bound at once cannot
 * both pass the one-card-per-customer check. PostgreSQL: a row lock on the customer. SQLite runs one
 * transaction at a time already.
 */
export async function lockCustomerCards(
  tx: Tx,
  dbKind: 'sqlite' | 'postgres',
  customerId: string,
): Promise<void> {
  if (dbKind !== 'postgres') return;
  await tx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
}

/** The discount a card has accrued (minor units); 0 for an unknown card. */
export async function cardDiscountMinor(db: Kysely<DB>, cardId: string): Promise<number> {
  const row = await db
    .selectFrom('cards')
    .select('discount_minor')
    .where('id', '=', cardId)
    .executeTakeFirst();
  return Number(row?.discount_minor ?? 0);
}
