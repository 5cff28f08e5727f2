import { sql, type Kysely } from 'kysely';
import type { ElementMovementTable, ElementTable } from '../schema/index.js';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';
import type { CardStatus } from '../../core/cards/card-state.js';

/** An element: its card, its amount account, its type and its customer's code. */
export interface ElementRecord {
  cardId: string;
  merchantId: string;
  number: string;
  cardStatus: string;
  customerId: string | null;
  customerCode: string | null;
  programId: string;
  typeCode: string;
  typeName: string;
  amount: number;
  amountPrev: number;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  cvv: string | null;
  agreementId: string | null;
  originTransaction: string | null;
  originStore: string | null;
  originTerminal: string | null;
  consumed: boolean;
  cancelledAt: string | null;
  lastMovementAt: string | null;
  activatedAt: string | null;
  createdAt: string;
}

function elementQuery(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('elements as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .leftJoin('customers as u', 'u.id', 'c.customer_id')
    .select([
      'e.card_id',
      'e.merchant_id',
      'e.amount',
      'e.amount_prev',
      'e.version',
      'e.valid_from',
      'e.valid_to',
      'e.cvv',
      'e.agreement_id',
      'e.origin_transaction',
      'e.origin_store',
      'e.origin_terminal',
      'e.consumed',
      'e.cancelled_at',
      'e.last_movement_at',
      'e.created_at',
      'c.number',
      'c.status',
      'c.customer_id',
      'c.activated_at',
      'c.program_id',
      'p.code as type_code',
      'p.name as type_name',
      'u.customer_code',
    ])
    .where('e.merchant_id', '=', merchantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof elementQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): ElementRecord {
  return {
    cardId: r.card_id,
    merchantId: r.merchant_id,
    number: r.number,
    cardStatus: r.status,
    customerId: r.customer_id,
    customerCode: r.customer_code ?? null,
    programId: r.program_id ?? '',
    typeCode: r.type_code,
    typeName: r.type_name,
    amount: Number(r.amount),
    amountPrev: Number(r.amount_prev),
    version: Number(r.version),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    cvv: r.cvv,
    agreementId: r.agreement_id,
    originTransaction: r.origin_transaction,
    originStore: r.origin_store,
    originTerminal: r.origin_terminal,
    consumed: Number(r.consumed) === 1,
    cancelledAt: r.cancelled_at,
    lastMovementAt: r.last_movement_at,
    activatedAt: r.activated_at,
    createdAt: r.created_at,
  };
}

export async function findElement(
  db: Kysely<DB>,
  merchantId: string,
  number: string,
): Promise<ElementRecord | undefined> {
  const row = await elementQuery(db, merchantId).where('c.number', '=', number).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function elementsOfCustomer(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
): Promise<ElementRecord[]> {
  const rows = await elementQuery(db, merchantId)
    .where('c.customer_id', '=', customerId)
    .orderBy('e.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** Whether the customer holds an active element other than `exceptCardId`. */
export async function hasActiveElement(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
  exceptCardId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom('elements as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .select('c.id')
    .where('e.merchant_id', '=', merchantId)
    .where('c.customer_id', '=', customerId)
    .where('c.status', '=', 'active');
  if (exceptCardId) q = q.where('c.id', '<>', exceptCardId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertElement(tx: Tx, row: ElementTable): Promise<void> {
  await tx.insertInto('elements').values(row).execute();
}

export async function insertElementMovement(tx: Tx, row: ElementMovementTable): Promise<void> {
  await tx.insertInto('element_movements').values(row).execute();
}

export interface AmountChange {
  before: number;
  after: number;
}

/** Adds to the amount in one statement; the previous amount is kept as amount_prev. */
export async function creditElement(
  tx: Tx,
  cardId: string,
  minor: number,
  now: string,
): Promise<AmountChange | undefined> {
  const row = await tx
    .updateTable('elements')
    .set({
      amount_prev: sql`amount`,
      amount: sql`amount + ${minor}`,
      last_movement_at: now,
    })
    .where('card_id', '=', cardId)
    .where('cancelled_at', 'is', null)
    .returning('amount')
    .executeTakeFirst();
  return row ? { before: Number(row.amount) - minor, after: Number(row.amount) } : undefined;
}

/**
 * Subtracts from the amount only if the amount covers it, in one conditional statement: concurrent
 * debits can never take an element below zero. Undefined when the amount did not cover it.
 */
export async function debitElement(
  tx: Tx,
  cardId: string,
  minor: number,
  now: string,
): Promise<AmountChange | undefined> {
  const row = await tx
    .updateTable('elements')
    .set({
      amount_prev: sql`amount`,
      amount: sql`amount - ${minor}`,
      consumed: sql`case when amount - ${minor} = 0 then 1 else 0 end`,
      last_movement_at: now,
    })
    .where('card_id', '=', cardId)
    .where('cancelled_at', 'is', null)
    .where('amount', '>=', minor)
    .returning('amount')
    .executeTakeFirst();
  return row ? { before: Number(row.amount) + minor, after: Number(row.amount) } : undefined;
}

/** Activation or cancellation: the card's status and the element's version move together. */
export async function setElementState(
  tx: Tx,
  cardId: string,
  change: { status: CardStatus; customerId?: string | null; cancelledAt?: string | null; now: string },
): Promise<void> {
  await tx
    .updateTable('cards')
    .set({
      status: change.status,
      ...(change.customerId !== undefined ? { customer_id: change.customerId } : {}),
      ...(change.status === 'active' ? { activated_at: change.now } : {}),
      status_since: change.now,
      updated_at: change.now,
    })
    .where('id', '=', cardId)
    .execute();
  await tx
    .updateTable('elements')
    .set({
      version: sql`version + 1`,
      ...(change.cancelledAt ? { cancelled_at: change.cancelledAt } : {}),
    })
    .where('card_id', '=', cardId)
    .execute();
}

export interface MovementRecord {
  id: string;
  number: string;
  action: string;
  amount: number;
  amountPrev: number | null;
  amountAfter: number;
  transactionId: string | null;
  storeCode: string | null;
  terminalCode: string | null;
  customerCode: string | null;
  reason: string | null;
  promotions: { name: string; code: string; dateRange: string | null }[] | null;
  occurredAt: string;
  createdAt: string;
  typeCode: string;
  holderCode: string | null;
}

export interface MovementFilter {
  cardId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  actions?: readonly string[];
  limit: number;
  /** Rows to skip. */
  skip: number;
  order: 'newest' | 'by-card';
}

export async function listMovements(
  db: Kysely<DB>,
  merchantId: string,
  filter: MovementFilter,
): Promise<MovementRecord[]> {
  let q = db
    .selectFrom('element_movements as m')
    .innerJoin('cards as c', 'c.id', 'm.card_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .leftJoin('customers as u', 'u.id', 'c.customer_id')
    .selectAll('m')
    .select(['c.number', 'p.code as type_code', 'u.customer_code as holder_code'])
    .where('m.merchant_id', '=', merchantId);
  if (filter.cardId) q = q.where('m.card_id', '=', filter.cardId);
  if (filter.customerId) q = q.where('c.customer_id', '=', filter.customerId);
  if (filter.from) q = q.where('m.occurred_at', '>=', filter.from);
  if (filter.to) q = q.where('m.occurred_at', '<', filter.to);
  if (filter.actions && filter.actions.length > 0) q = q.where('m.action', 'in', [...filter.actions]);
  q =
    filter.order === 'newest'
      ? q.orderBy('m.occurred_at', 'desc').orderBy('m.id', 'desc')
      : q.orderBy('c.number').orderBy('m.occurred_at', 'desc').orderBy('m.id', 'desc');
  const rows = await q.limit(filter.limit).offset(filter.skip).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    action: r.action,
    amount: Number(r.amount),
    amountPrev: r.amount_prev === null ? null : Number(r.amount_prev),
    amountAfter: Number(r.amount_after),
    transactionId: r.transaction_id,
    storeCode: r.store_code,
    terminalCode: r.terminal_code,
    customerCode: r.customer_code,
    reason: r.reason,
    promotions: r.promotions ? (JSON.parse(r.promotions) as MovementRecord['promotions']) : null,
    occurredAt: r.occurred_at,
    createdAt: r.created_at,
    typeCode: r.type_code,
    holderCode: r.holder_code ?? null,
  }));
}

/** Registered, inactive elements of a type with no customer, lowest number first. */
export async function freeElements(
  db: Kysely<DB>,
  merchantId: string,
  programId: string,
  limit: number,
): Promise<{ cardId: string; number: string }[]> {
  const rows = await db
    .selectFrom('elements as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .select(['c.id', 'c.number'])
    .where('e.merchant_id', '=', merchantId)
    .where('c.program_id', '=', programId)
    .where('c.status', '=', 'new')
    .where('c.customer_id', 'is', null)
    .where('e.cancelled_at', 'is', null)
    .orderBy(sql`length(c.number)`)
    .orderBy('c.number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ cardId: r.id, number: r.number }));
}

/** Whether any card of the merchant has this number. */
export async function cardNumberTaken(db: Kysely<DB>, merchantId: string, number: string): Promise<boolean> {
  const row = await db
    .selectFrom('cards')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}
