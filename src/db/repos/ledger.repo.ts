import { sql, type Kysely } from 'kysely';
import type { Lot } from '../../core/ledger/index.js';
import { RetryableDbError } from '../errors.js';
import { hotInsert, hotQuery, lockedOnPostgres } from '../hot.js';
import { dropSummary } from './card-summaries.repo.js';
import type { DB } from '../schema/index.js';
import type { LotTable, MovementTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type AllocationKind = 'debit' | 'restore' | 'settle' | 'burn';

function toLot(row: LotTable): Lot {
  return {
    id: row.id,
    amount: Number(row.amount),
    remaining: Number(row.remaining),
    burnt: Number(row.burnt),
    earnedAt: row.earned_at,
    pendingUntil: row.pending_until,
    expiresAt: row.expires_at,
  };
}

const cardLock = hotQuery((db, cardId: string) =>
  lockedOnPostgres(db, db.selectFrom('cards').select('id').where('id', '=', cardId)),
);

/**
 * Takes the card's row lock: concurrent spenders of one card queue here (PostgreSQL: SELECT … FOR NO KEY
 * UPDATE, which writes nothing); SQLite serialises its transactions anyway (see lockedOnPostgres).
 */
export async function lockCard(tx: Tx, cardId: string): Promise<void> {
  await cardLock(tx, cardId);
}

/** The card's lots that can still move: non-zero remaining, or not yet fully burnt. */
export async function openLots(db: Kysely<DB>, cardId: string): Promise<Lot[]> {
  const rows = await db
    .selectFrom('lots')
    .selectAll()
    .where('card_id', '=', cardId)
    .where((eb) => eb.or([eb('remaining', '<>', 0), eb('burnt', '<>', 0)]))
    .orderBy('id')
    .execute();
  return rows.map(toLot);
}

export async function lotsById(db: Kysely<DB>, ids: readonly string[]): Promise<Lot[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('lots')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
  return rows.map(toLot);
}

const MOVEMENT_COLUMNS = [
  'id',
  'merchant_id',
  'card_id',
  'kind',
  'points',
  'money',
  'sale_id',
  'store_id',
  'terminal_id',
  'principal_id',
  'reason',
  'created_at',
] as const;
const LOT_COLUMNS = [
  'id',
  'merchant_id',
  'card_id',
  'movement_id',
  'sale_id',
  'amount',
  'remaining',
  'burnt',
  'earned_at',
  'pending_until',
  'expires_at',
] as const;
// Nothing reads a movement or lot back before the commit that wrote it: they may travel with the next statement.
const insertMovementHot = hotInsert('movements', MOVEMENT_COLUMNS, { deferOnPostgres: {} });
const insertLotHot = hotInsert('lots', LOT_COLUMNS, { deferOnPostgres: {} });

/**
 * Writes a movement and drops the card's summary (the next read computes it again). A sale's commit, which
 * writes the summary itself, uses `insertMovementKeepingSummary`.
 */
export async function insertMovement(tx: Tx, row: MovementTable): Promise<void> {
  await insertMovementKeepingSummary(tx, row);
  await dropSummary(tx, row.card_id);
}

export async function insertMovementKeepingSummary(tx: Tx, row: MovementTable): Promise<void> {
  await insertMovementHot(tx, row);
}

/** Writes a lot. Lots come with a movement, which drops or rewrites the summary. */
export async function insertLot(tx: Tx, row: LotTable): Promise<void> {
  await insertLotHot(tx, row);
}

export async function insertAllocations(
  tx: Tx,
  movementId: string,
  rows: readonly { id: string; lotId: string; amount: number; kind: AllocationKind }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('allocations')
    .values(
      rows.map((r) => ({
        id: r.id,
        movement_id: movementId,
        lot_id: r.lotId,
        kind: r.kind,
        amount: r.amount,
      })),
    )
    .execute();
}

/** A lot changed between read and write: the transaction is retried (see inTransaction). */
export class StaleLotError extends RetryableDbError {
  constructor(lotId: string) {
    super(new Error(`lot ${lotId} changed concurrently`));
  }
}

/**
 * Writes the lots whose remaining or burnt changed, each conditional on the value it was read with: a
 * concurrent change makes the transaction fail and retry, never overwrite.
 */
export async function saveLotChanges(tx: Tx, before: readonly Lot[], after: readonly Lot[]): Promise<void> {
  const old = new Map(before.map((l) => [l.id, l]));
  for (const lot of after) {
    const prev = old.get(lot.id);
    if (!prev || (prev.remaining === lot.remaining && (prev.burnt ?? 0) === (lot.burnt ?? 0))) continue;
    const result = await tx
      .updateTable('lots')
      .set({ remaining: lot.remaining, burnt: lot.burnt ?? 0 })
      .where('id', '=', lot.id)
      .where('remaining', '=', prev.remaining)
      .where('burnt', '=', prev.burnt ?? 0)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new StaleLotError(lot.id);
  }
}

export function allocationsOf(db: Kysely<DB>, movementId: string) {
  return db
    .selectFrom('allocations')
    .selectAll()
    .where('movement_id', '=', movementId)
    .orderBy('id')
    .execute();
}

export function findMovement(db: Kysely<DB>, id: string) {
  return db.selectFrom('movements').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Money in the card's wallet: the sum of its movements' money. */
export async function walletBalance(db: Kysely<DB>, cardId: string): Promise<number> {
  const row = await db
    .selectFrom('movements')
    .select(sql<number>`coalesce(sum(money), 0)`.as('total'))
    .where('card_id', '=', cardId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** The wallet movements of a sale, for its cancellation. */
export function walletMovementsOfSale(db: Kysely<DB>, saleId: string) {
  return db
    .selectFrom('movements')
    .selectAll()
    .where('sale_id', '=', saleId)
    .where('money', '<>', 0)
    .execute();
}

/** Sum of movements per card, for the consistency check. */
export async function movementTotals(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('movements')
    .select(['card_id', sql<number>`sum(points)`.as('total')])
    .groupBy('card_id')
    .execute();
  return new Map(rows.map((r) => [r.card_id, Number(r.total)]));
}

export function statement(
  db: Kysely<DB>,
  cardId: string,
  options: { before?: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('movements')
    .leftJoin('sales', 'sales.id', 'movements.sale_id')
    .leftJoin('stores', 'stores.id', 'movements.store_id')
    .leftJoin('terminals', 'terminals.id', 'movements.terminal_id')
    .select([
      'movements.id',
      'movements.kind',
      'movements.points',
      'movements.money',
      'movements.reason',
      'movements.created_at',
      'sales.receipt',
      'stores.code as store_code',
      'terminals.code as terminal_code',
    ])
    .where('movements.card_id', '=', cardId);
  if (options.before) q = q.where('movements.id', '<', options.before);
  return q.orderBy('movements.id', 'desc').limit(options.limit).execute();
}
