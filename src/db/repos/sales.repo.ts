/** Sales, returns, the program settings the ledger needs, and the queries behind balances and checks. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { NO_PROGRAM, type SaleProgram } from '../../core/sales/sale-program.js';
import { RetryableDbError } from '../errors.js';
import { dropSummary } from './card-summaries.repo.js';
import { toProgramRecord } from './programs.repo.js';
import { hotInsert, hotQuery } from '../hot.js';
import type { DB, SaleStatus } from '../schema/index.js';
import type { SaleReturnTable, SaleTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type SaleRow = Selectable<SaleTable>;
export type SaleReturnRow = Selectable<SaleReturnTable>;

/** What posting a sale needs to know of a card's program (the core's read model). */
export type LedgerProgram = SaleProgram;
export { NO_PROGRAM };

/**
 * The ledger's programs of this process by id, with the settings version they were read at. A sale or a
 * balance reads the card's program version with the card (one column) and takes the program from here while
 * the version is unchanged: no program read, no parse. Every settings update raises the version (in any
 * process); an entry is read again after PROGRAM_FRESH_MS anyway, so that a direct SQL edit by an operator,
 * which does not raise it, takes effect within that time.
 */
const ledgerPrograms = new Map<string, { version: number; program: LedgerProgram; readAt: number }>();
const LEDGER_PROGRAMS_MAX = 1000;
const PROGRAM_FRESH_MS = 10_000;

/**
 * The ledger's view of a card's program, read with the programs repository's mapping. `knownVersion`, the
 * program's settings version read in the same statement as the card, lets an unchanged program come from
 * memory.
 */
export async function loadLedgerProgram(
  db: Kysely<DB>,
  programId: string | null,
  knownVersion?: number | null,
): Promise<LedgerProgram> {
  if (programId === null) return NO_PROGRAM;
  const now = performance.now();
  if (knownVersion !== undefined && knownVersion !== null) {
    const known = ledgerPrograms.get(programId);
    if (known && known.version === knownVersion && now - known.readAt < PROGRAM_FRESH_MS)
      return known.program;
  }
  const row = (await programById(db, programId)).rows[0];
  if (!row) return NO_PROGRAM;
  const p = toProgramRecord(row);
  const program: LedgerProgram = Object.freeze({
    id: p.id,
    cardType: p.cardType,
    rules: p.rules,
    tiers: p.tiers,
    pendingDays: p.pendingDays,
    expiry: p.expiry,
    discountBasisPoints: p.discountBasisPoints,
    negativeBalance: p.negativeBalance === 'cap_at_zero' ? 'cap_at_zero' : 'allow',
    cancelWindowHours: p.cancelWindowHours,
    requireKnownItems: p.requireKnownItems,
    walletEnabled: p.walletEnabled,
    sponsorship: p.sponsorship,
  });
  ledgerPrograms.delete(programId);
  if (ledgerPrograms.size >= LEDGER_PROGRAMS_MAX)
    ledgerPrograms.delete(ledgerPrograms.keys().next().value as string);
  ledgerPrograms.set(programId, { version: Number(row.settings_version), program, readAt: now });
  return program;
}

const programById = hotQuery((db, id: string) => db.selectFrom('programs').selectAll().where('id', '=', id));

const storeByCode = hotQuery((db, merchantId: string, code: string) =>
  db
    .selectFrom('stores')
    .select(['id', 'code'])
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code),
);

export async function findStoreByCode(db: Kysely<DB>, merchantId: string, code: string) {
  return (await storeByCode(db, merchantId, code)).rows[0];
}

const terminalWithStore = hotQuery((db, merchantId: string, id: string) =>
  db
    .selectFrom('terminals as t')
    .innerJoin('stores as s', 's.id', 't.store_id')
    .select(['t.id', 't.code', 't.store_id', 's.code as store_code'])
    .where('t.merchant_id', '=', merchantId)
    .where('t.id', '=', id),
);

/** A terminal of the merchant by id, with its store's code. */
export async function findTerminalWithStore(db: Kysely<DB>, merchantId: string, id: string) {
  return (await terminalWithStore(db, merchantId, id)).rows[0];
}

const terminalById = hotQuery((db, merchantId: string, id: string) =>
  db
    .selectFrom('terminals')
    .select(['id', 'code', 'store_id'])
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id),
);
const terminalByCode = hotQuery((db, merchantId: string, code: string) =>
  db
    .selectFrom('terminals')
    .select(['id', 'code', 'store_id'])
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code),
);

/**
 * The store and terminal of a till that names both, with the sale already stored under the receipt at that
 * store: the place of a sale and its replay check in one read. No row when the store does not exist; the
 * terminal's columns are null when no terminal has the code, the sale's when no sale has the receipt.
 */
const storeTerminalAndReceipt = hotQuery(
  (db, terminalCode: string, receipt: string, merchantId: string, storeCode: string) =>
    db
      .selectFrom('stores as s')
      .leftJoin('terminals as t', (j) =>
        j.onRef('t.merchant_id', '=', 's.merchant_id').on('t.code', '=', terminalCode),
      )
      .leftJoin('sales as x', (j) =>
        j
          .onRef('x.merchant_id', '=', 's.merchant_id')
          .onRef('x.store_id', '=', 's.id')
          .on('x.receipt', '=', receipt),
      )
      .select([
        's.id as store_id',
        's.code as store_code',
        't.id as terminal_id',
        't.code as terminal_code',
        't.store_id as terminal_store_id',
        'x.id as sale_id',
        'x.receipt as sale_receipt',
        'x.plan as sale_plan',
        'x.result as sale_result',
        'x.body_hash as sale_body_hash',
      ])
      .where('s.merchant_id', '=', merchantId)
      .where('s.code', '=', storeCode),
);

/** The stored sale a replay needs: its id and receipt, its plan (or, before plans, its answer) and fingerprint. */
export type StoredSaleRef = Pick<SaleRow, 'id' | 'receipt' | 'plan' | 'result' | 'body_hash'>;

export async function findStoreTerminalAndSale(
  db: Kysely<DB>,
  merchantId: string,
  codes: { storeCode: string; terminalCode: string; receipt: string },
) {
  const row = (
    await storeTerminalAndReceipt(db, codes.terminalCode, codes.receipt, merchantId, codes.storeCode)
  ).rows[0];
  if (!row) return undefined;
  const stored: StoredSaleRef | null =
    row.sale_id === null
      ? null
      : {
          id: row.sale_id,
          receipt: row.sale_receipt!,
          plan: row.sale_plan,
          result: row.sale_result!,
          body_hash: row.sale_body_hash!,
        };
  return { ...row, stored };
}

/** A terminal of the merchant by id or by code (one of them). */
export async function findTerminal(db: Kysely<DB>, merchantId: string, by: { id?: string; code?: string }) {
  if (by.id !== undefined && by.code === undefined)
    return (await terminalById(db, merchantId, by.id)).rows[0];
  if (by.code !== undefined && by.id === undefined)
    return (await terminalByCode(db, merchantId, by.code)).rows[0];
  let q = db.selectFrom('terminals').select(['id', 'code', 'store_id']).where('merchant_id', '=', merchantId);
  if (by.id !== undefined) q = q.where('id', '=', by.id);
  if (by.code !== undefined) q = q.where('code', '=', by.code);
  return q.executeTakeFirst();
}

const SALE_COLUMNS = [
  'id',
  'merchant_id',
  'store_id',
  'terminal_id',
  'seller',
  'receipt',
  'card_id',
  'customer_id',
  'sold_at',
  'total_minor',
  'eligible_minor',
  'body_hash',
  'lines',
  'payments',
  'result',
  'plan',
  'status',
  'earned_points',
  'redeemed_points',
  'reversed_points',
  'returned_minor',
  'created_at',
] as const;
// A duplicate receipt then fails the statement after it (or the COMMIT), in the same transaction.
const insertSaleRow = hotInsert('sales', SALE_COLUMNS, { deferOnPostgres: {} });

/** Inserts a sale. The caller keeps the card's summary up to date (commitSale) or drops it. */
export async function insertSale(tx: Tx, row: SaleTable): Promise<void> {
  await insertSaleRow(tx, row);
}

const saleByReceipt = hotQuery((db, merchantId: string, storeId: string, receipt: string) =>
  db
    .selectFrom('sales')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('store_id', '=', storeId)
    .where('receipt', '=', receipt),
);

export async function findSaleByReceipt(
  db: Kysely<DB>,
  merchantId: string,
  storeId: string,
  receipt: string,
) {
  return (await saleByReceipt(db, merchantId, storeId, receipt)).rows[0];
}

export function findSale(db: Kysely<DB>, merchantId: string, id: string) {
  return db
    .selectFrom('sales')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function saveSaleResult(
  tx: Tx,
  id: string,
  values: { result: string; earned_points: number; redeemed_points: number; eligible_minor: number },
): Promise<void> {
  await tx.updateTable('sales').set(values).where('id', '=', id).execute();
}

/** A sale changed between read and write: retry the transaction. */
export class StaleSaleError extends RetryableDbError {
  constructor(saleId: string) {
    super(new Error(`sale ${saleId} changed concurrently`));
  }
}

/** Records a return or a cancellation on the sale, conditional on the totals it was read with. */
export async function updateSaleReversal(
  tx: Tx,
  before: SaleRow,
  values: {
    returned_minor: number;
    reversed_points: number;
    status?: SaleStatus;
    returned_lines?: string;
    cancelled_at?: string;
  },
): Promise<void> {
  const result = await tx
    .updateTable('sales')
    .set(values)
    .where('id', '=', before.id)
    .where('returned_minor', '=', before.returned_minor)
    .where('reversed_points', '=', before.reversed_points)
    .where('status', '=', before.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new StaleSaleError(before.id);
  if (before.card_id) await dropSummary(tx, before.card_id);
}

export function listSales(
  db: Kysely<DB>,
  merchantId: string,
  options: { cardId?: string | undefined; before?: string | undefined; limit: number },
) {
  let q = db.selectFrom('sales').selectAll().where('merchant_id', '=', merchantId);
  if (options.cardId !== undefined) q = q.where('card_id', '=', options.cardId);
  if (options.before) q = q.where('id', '<', options.before);
  return q.orderBy('id', 'desc').limit(options.limit).execute();
}

export async function insertReturn(tx: Tx, row: SaleReturnTable): Promise<void> {
  await tx.insertInto('sale_returns').values(row).execute();
}

export function findReturn(db: Kysely<DB>, saleId: string, receipt: string) {
  return db
    .selectFrom('sale_returns')
    .selectAll()
    .where('sale_id', '=', saleId)
    .where('receipt', '=', receipt)
    .executeTakeFirst();
}

export async function saveReturnResult(tx: Tx, id: string, result: string): Promise<void> {
  await tx.updateTable('sale_returns').set({ result }).where('id', '=', id).execute();
}

/** The earning lots of a sale (overdraft lots written by its returns are left out). */
export async function saleLotIds(db: Kysely<DB>, saleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lots')
    .select('id')
    .where('sale_id', '=', saleId)
    .where('amount', '>', 0)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The sale's points debit (redeemPoints), if any. */
export function redeemMovementOf(db: Kysely<DB>, saleId: string) {
  return db
    .selectFrom('movements')
    .select(['id', 'points'])
    .where('sale_id', '=', saleId)
    .where('kind', '=', 'redeem')
    .executeTakeFirst();
}

export async function addCardDiscount(tx: Tx, cardId: string, amount: number): Promise<void> {
  if (amount === 0) return;
  await tx
    .updateTable('cards')
    .set((eb) => ({ discount_minor: eb('discount_minor', '+', amount) }))
    .where('id', '=', cardId)
    .execute();
}

export interface PurchaseStats {
  count: number;
  amount: number;
  first: string | null;
  last: string | null;
}

/** The purchase aggregates of a card's sales (cancelled sales left out; returns deducted). */
function purchasesOf(db: Kysely<DB>, cardId: string) {
  return db
    .selectFrom('sales')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(total_minor - returned_minor), 0)`.as('amount'),
      sql<string | null>`min(sold_at)`.as('first'),
      sql<string | null>`max(sold_at)`.as('last'),
    ])
    .where('card_id', '=', cardId)
    .where('status', '<>', 'cancelled');
}

function toPurchaseStats(
  row: { n: number; amount: number; first: string | null; last: string | null } | undefined,
): PurchaseStats {
  return {
    count: Number(row?.n ?? 0),
    amount: Number(row?.amount ?? 0),
    first: row?.first ?? null,
    last: row?.last ?? null,
  };
}

/** Purchases of a card, optionally within [from, to). */
export async function purchaseStats(
  db: Kysely<DB>,
  cardId: string,
  range: { from?: string; to?: string } = {},
): Promise<PurchaseStats> {
  let q = purchasesOf(db, cardId);
  if (range.from !== undefined) q = q.where('sold_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('sold_at', '<', range.to);
  return toPurchaseStats(await q.executeTakeFirst());
}

const purchasesWithYear = hotQuery((db, cardId: string, from: string, to: string) => {
  const inRange = sql<boolean>`sold_at >= ${from} and sold_at < ${to}`;
  return purchasesOf(db, cardId).select([
    sql<number>`coalesce(sum(case when ${inRange} then 1 else 0 end), 0)`.as('period_n'),
    sql<number>`coalesce(sum(case when ${inRange} then total_minor - returned_minor else 0 end), 0)`.as(
      'period_amount',
    ),
  ]);
});

/** Purchase figures of a card to date and within [from, to), in one pass over its sales. */
export async function purchaseStatsWithPeriod(
  db: Kysely<DB>,
  cardId: string,
  range: { from: string; to: string },
): Promise<{ all: PurchaseStats; period: { count: number; amount: number } }> {
  const row = (await purchasesWithYear(db, cardId, range.from, range.to)).rows[0];
  return {
    all: toPurchaseStats(row),
    period: { count: Number(row?.period_n ?? 0), amount: Number(row?.period_amount ?? 0) },
  };
}

/** Cards holding lots past their expiry date that still have points to burn. */
export async function cardsWithDueLots(
  db: Kysely<DB>,
  now: string,
): Promise<{ card_id: string; merchant_id: string }[]> {
  // Two reads, each on its partial index (0004-due-lots), rather than one OR that scans every lot.
  const expired = await db
    .selectFrom('lots')
    .select(['card_id', 'merchant_id'])
    .distinct()
    .where('expires_at', '<=', now)
    .where('remaining', '>', (eb) => eb.ref('burnt'))
    .execute();
  // a debt (overdraft lot) that points which have meanwhile become active may pay off
  const debts = await db
    .selectFrom('lots')
    .select(['card_id', 'merchant_id'])
    .distinct()
    .where(sql<boolean>`remaining < 0`) // a literal, so that the partial index applies on PostgreSQL too
    .execute();
  const cards = new Map<string, { card_id: string; merchant_id: string }>();
  for (const row of [...expired, ...debts]) cards.set(row.card_id, row);
  return [...cards.values()].sort((a, b) => (a.card_id < b.card_id ? -1 : a.card_id > b.card_id ? 1 : 0));
}

/** Numbers of the vouchers a sale used and has not given back yet. */
export async function unrestoredVoucherNumbers(tx: Tx, saleId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('voucher_uses')
    .innerJoin('vouchers', 'vouchers.id', 'voucher_uses.voucher_id')
    .select('vouchers.number')
    .where('voucher_uses.sale_id', '=', saleId)
    .where('voucher_uses.restored_at', 'is', null)
    .orderBy('vouchers.number')
    .execute();
  return rows.map((r) => r.number);
}
