/**
 * Card summary rows (core/sales/card-summary.ts): read by balances and sales, written by a sale in its
 * transaction over the version it read, dropped by every other write to the card's ledger or sales.
 */
import type { Kysely } from 'kysely';
import type { CardSummary } from '../../core/sales/card-summary.js';
import { RetryableDbError } from '../errors.js';
import { hotQuery } from '../hot.js';
import type { DB } from '../schema/index.js';
import type { CardSummaryTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export function toSummary(row: CardSummaryTable): CardSummary {
  return {
    version: Number(row.version),
    computedAt: row.computed_at,
    validUntil: row.valid_until,
    active: Number(row.active),
    pending: Number(row.pending),
    expired: Number(row.expired),
    nearestExpiry:
      row.nearest_expiry_at === null
        ? null
        : { amount: Number(row.nearest_expiry_amount), date: row.nearest_expiry_at },
    inDebt: Number(row.in_debt) === 1,
    walletMinor: Number(row.wallet_minor),
    purchases: {
      count: Number(row.purchase_count),
      amount: Number(row.purchase_amount),
      first: row.first_sale_at,
      last: row.last_sale_at,
    },
    year: Number(row.year),
    yearFigures: { count: Number(row.year_count), amount: Number(row.year_amount) },
  };
}

/** The row of a card's summary (also used by the benchmark seed). */
export function toRow(cardId: string, merchantId: string, s: CardSummary): CardSummaryTable {
  return {
    card_id: cardId,
    merchant_id: merchantId,
    version: s.version,
    computed_at: s.computedAt,
    valid_until: s.validUntil,
    active: s.active,
    pending: s.pending,
    expired: s.expired,
    nearest_expiry_amount: s.nearestExpiry?.amount ?? null,
    nearest_expiry_at: s.nearestExpiry?.date ?? null,
    in_debt: s.inDebt ? 1 : 0,
    wallet_minor: s.walletMinor,
    purchase_count: s.purchases.count,
    purchase_amount: s.purchases.amount,
    first_sale_at: s.purchases.first,
    last_sale_at: s.purchases.last,
    year: s.year,
    year_count: s.yearFigures.count,
    year_amount: s.yearFigures.amount,
  };
}

const selectSummary = hotQuery((db, cardId: string) =>
  db.selectFrom('card_summaries').selectAll().where('card_id', '=', cardId),
);

export async function findSummary(db: Kysely<DB>, cardId: string): Promise<CardSummary | null> {
  const row = (await selectSummary(db, cardId)).rows[0];
  return row ? toSummary(row) : null;
}

/** The summary changed since it was read: the transaction is retried. */
export class StaleSummaryError extends RetryableDbError {
  constructor(cardId: string) {
    super(new Error(`summary of card ${cardId} changed concurrently`));
  }
}

/** The summary's value columns (the key columns card_id and merchant_id aside). */
export const SUMMARY_VALUE_COLUMNS = [
  'version',
  'computed_at',
  'valid_until',
  'active',
  'pending',
  'expired',
  'nearest_expiry_amount',
  'nearest_expiry_at',
  'in_debt',
  'wallet_minor',
  'purchase_count',
  'purchase_amount',
  'first_sale_at',
  'last_sale_at',
  'year',
  'year_count',
  'year_amount',
] as const satisfies readonly (keyof CardSummaryTable)[];
const COLUMNS: readonly (keyof CardSummaryTable)[] = SUMMARY_VALUE_COLUMNS;

// On PostgreSQL the version check may be made with the transaction's next statement: a lost race fails it.
const updateSummary = hotQuery(
  (db, ...v: unknown[]) => {
    const set = Object.fromEntries(COLUMNS.map((c, i) => [c, v[i]]));
    return db
      .updateTable('card_summaries')
      .set(set as Partial<CardSummaryTable>)
      .where('card_id', '=', v[COLUMNS.length] as string)
      .where('version', '=', v[COLUMNS.length + 1] as number);
  },
  // The statement's parameters: the columns set, then card_id and version.
  { deferOnPostgres: { expectRows: 1, stale: (p) => new StaleSummaryError(String(p[COLUMNS.length])) } },
);

const insertSummary = hotQuery((db, ...v: unknown[]) => {
  const row = Object.fromEntries(['card_id', 'merchant_id', ...COLUMNS].map((c, i) => [c, v[i]]));
  return db.insertInto('card_summaries').values(row as unknown as CardSummaryTable);
});

/**
 * Writes the summary `after` over the version `before` was read with (null: no row was there). A row
 * changed or created meanwhile makes the transaction retry, never overwrite.
 */
export async function saveSummary(
  tx: Tx,
  cardId: string,
  merchantId: string,
  before: number | null,
  after: CardSummary,
): Promise<void> {
  const row = toRow(cardId, merchantId, { ...after, version: (before ?? 0) + 1 });
  const values = COLUMNS.map((c) => row[c]);
  if (before === null) {
    await insertSummary(tx, cardId, merchantId, ...values);
    return;
  }
  const result = await updateSummary(tx, ...values, cardId, before);
  if (Number(result.numAffectedRows) !== 1) throw new StaleSummaryError(cardId);
}

const deleteSummary = hotQuery((db, cardId: string) =>
  db.deleteFrom('card_summaries').where('card_id', '=', cardId),
);

/** Forgets the card's summary: the next balance or sale computes it again from the ledger. */
export async function dropSummary(db: Kysely<DB>, cardId: string): Promise<void> {
  await deleteSummary(db, cardId);
}

export async function allSummaries(db: Kysely<DB>): Promise<(CardSummary & { cardId: string })[]> {
  const rows = await db.selectFrom('card_summaries').selectAll().orderBy('card_id').execute();
  return rows.map((r) => ({ ...toSummary(r), cardId: r.card_id }));
}
