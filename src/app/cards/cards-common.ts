/**
 * What every card use-case shares: reading a card with its program and customer, running a change under
 * the card's row lock, deciding whether the customer's data is sufficient, and turning a refused
 * transition into the catalog's code (with the core's message).
 */
import type { CardRefusal, CardRole, CardTransitionReason } from '../../core/cards/index.js';
import { fail, ok, type ErrorCode, type Failure, type Result } from '../../core/error-catalog.js';
import { missingRequiredFields, type RequirableField } from '../../core/loyalty/program.js';
import { findCardById, findCardByNumber, type CardRecord } from '../../db/repos/cards.repo.js';
import { findCustomer, type CustomerRecord } from '../../db/repos/customers.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import { findProgram, type ProgramRecord } from '../../db/repos/programs.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Caller, Deps } from '../context.js';
import { inRollbackableTransaction } from '../result-transaction.js';

export type { CardRecord } from '../../db/repos/cards.repo.js';

/** A card with what a reader wants to know about it. */
export interface CardDetails {
  card: CardRecord;
  program: ProgramRecord | null;
  customer: CustomerRecord | null;
}

const REFUSAL_CODES: Readonly<Record<CardTransitionReason, ErrorCode>> = {
  STATUS_ERROR: 'CARD_STATUS_ERROR',
  CARD_NOT_BOUND: 'CARD_NOT_BOUND',
  CUSTOMER_DATA_INSUFFICIENT: 'CUSTOMER_DATA_INSUFFICIENT',
  CARD_BOUND_TO_ANOTHER_CUSTOMER: 'CARD_BOUND_TO_ANOTHER_CUSTOMER',
  CUSTOMER_HAS_ANOTHER_CARD: 'CUSTOMER_HAS_ANOTHER_CARD',
  INVALID_REASON_CODE: 'CARD_REASON_CODE_INVALID',
  BLOCK_REASON_NOT_ALLOWED: 'BLOCK_REASON_NOT_ALLOWED',
  UNBLOCK_REASON_NOT_ALLOWED: 'UNBLOCK_REASON_NOT_ALLOWED',
  BLOCKED_BY_ADMINISTRATOR: 'CARD_BLOCKED_BY_ADMINISTRATOR',
  // The role may not lift this block, or not with this reason: both are "not allowed" for the caller.
  BLOCK_NOT_LIFTABLE: 'UNBLOCK_REASON_NOT_ALLOWED',
  UNBLOCK_REASON_MISMATCH: 'UNBLOCK_REASON_NOT_ALLOWED',
  REPLACE_NOT_ALLOWED: 'REPLACE_NOT_ALLOWED',
  PROGRAM_MISMATCH: 'PROGRAM_MISMATCH',
  SUCCESSOR_NOT_AVAILABLE: 'SUCCESSOR_NOT_AVAILABLE',
};

/** A refused transition as a failure: the mapped catalog code, the core's message. */
export function refused(refusal: CardRefusal): Failure {
  return fail(REFUSAL_CODES[refusal.reason], refusal.message);
}

/** Core's role type is its own copy of the app's: the same seven roles. */
export const cardRole = (caller: Caller): CardRole => caller.role;

export const cardNotFound = (number: string): Failure => fail('CARD_NOT_FOUND', `Card ${number} is unknown.`);

export async function programOf(
  db: Kysely<DB>,
  merchantId: string,
  programId: string | null,
): Promise<ProgramRecord | null> {
  if (programId === null) return null;
  return (await findProgram(db, merchantId, { id: programId })) ?? null;
}

/** The required fields the customer lacks for the program (none when the program requires none). */
export function missingFields(
  program: ProgramRecord | null,
  customer: CustomerRecord | null,
): RequirableField[] {
  const required = program?.requiredFields ?? [];
  if (!customer) return [...required];
  return missingRequiredFields(required, { ...customer.data, address: { ...customer.data.address } });
}

export async function customerOf(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string | null,
): Promise<CustomerRecord | null> {
  if (customerId === null) return null;
  return (await findCustomer(db, merchantId, { id: customerId })) ?? null;
}

export async function cardDetails(db: Kysely<DB>, card: CardRecord): Promise<CardDetails> {
  return {
    card,
    program: await programOf(db, card.merchantId, card.programId),
    customer: await customerOf(db, card.merchantId, card.customerId),
  };
}

export async function getCard(deps: Deps, merchantId: string, number: string): Promise<Result<CardDetails>> {
  const card = await findCardByNumber(deps.db, merchantId, number);
  return card ? ok(await cardDetails(deps.db, card)) : cardNotFound(number);
}

/** What a change under lock is given: the transaction, the card as locked, and the time. */
export interface LockedCard {
  tx: Tx;
  card: CardRecord;
  now: string;
}

/** Takes the card's row lock (so changes of one card queue up) and reads it again under the lock. */
export async function lockAndRead(tx: Tx, card: CardRecord): Promise<CardRecord> {
  await lockCard(tx, card.id);
  const locked = await findCardById(tx, card.merchantId, card.id);
  if (!locked) throw new Error(`card ${card.id} vanished under lock`);
  return locked;
}

/**
 * Runs `change` in one transaction with the card locked, then answers the card as it ends up. A failure
 * (a refused transition) rolls the whole transaction back.
 */
export async function changeCard(
  deps: Deps,
  merchantId: string,
  number: string,
  change: (locked: LockedCard) => Promise<Result<unknown>>,
): Promise<Result<CardDetails>> {
  return inRollbackableTransaction(deps, async (tx) => {
    const found = await findCardByNumber(tx, merchantId, number);
    if (!found) return cardNotFound(number);
    const now = deps.now().toISOString();
    const card = await lockAndRead(tx, found);
    const result = await change({ tx, card, now });
    if (!result.ok) return result;
    const after = await findCardById(tx, merchantId, card.id);
    return after ? ok(await cardDetails(tx, after)) : cardNotFound(number);
  });
}
