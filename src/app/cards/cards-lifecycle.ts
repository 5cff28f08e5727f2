/**
 * Card status changes (spec/cashdesk.md): issue, bind, activate, block, unblock. Each runs in one
 * transaction under the card's row lock and goes through the pure state machine of src/core/cards.
 */
import {
  activateCard,
  bindCard,
  blockCard,
  issueCard,
  unblockCard,
  type CardEvent,
  type CardTransition,
} from '../../core/cards/index.js';
import { normalizePhone } from '../../core/customer/validate-customer.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import {
  cardsOfCustomer,
  lockCustomerCards,
  saveCardState,
  type CardStateExtras,
} from '../../db/repos/cards.repo.js';
import { findCustomer } from '../../db/repos/customers.repo.js';
import type { Caller, Deps } from '../context.js';
import {
  cardRole,
  changeCard,
  customerOf,
  missingFields,
  programOf,
  refused,
  type CardDetails,
  type LockedCard,
} from './cards-common.js';
import { enqueueCardEvents } from './card-events.js';

/** The time stamps a transition's events call for. */
export function stampsOf(events: readonly CardEvent[], number: string, now: string): CardStateExtras {
  const extras: CardStateExtras = {};
  for (const event of events) {
    if (event.number !== number) continue;
    if (event.type === 'card.issued') extras.issuedAt = now;
    if (event.type === 'card.activated') extras.activatedAt = now;
  }
  return extras;
}

/** Persists a successful transition (nothing to write when it changed nothing), or answers the refusal. */
async function commit(locked: LockedCard, transition: CardTransition): Promise<Result<null>> {
  if (!transition.ok) return refused(transition);
  if (transition.events.length === 0) return ok(null);
  const { tx, card, now } = locked;
  await saveCardState(tx, card.id, transition.card, stampsOf(transition.events, card.number, now), now);
  await enqueueCardEvents(tx, now, card.merchantId, transition.events);
  return ok(null);
}

/** Issue (sell) a new card: new → issued. */
export function issue(deps: Deps, merchantId: string, number: string): Promise<Result<CardDetails>> {
  return changeCard(deps, merchantId, number, (locked) => commit(locked, issueCard(locked.card.state)));
}

export type CustomerRef = { customerId: string } | { mobile: string };

async function resolveCustomer(locked: LockedCard, merchantId: string, ref: CustomerRef) {
  if ('customerId' in ref) {
    const found = await findCustomer(locked.tx, merchantId, { id: ref.customerId });
    return found ? ok(found) : fail('CUSTOMER_NOT_FOUND', `Customer ${ref.customerId} is unknown.`);
  }
  const mobile = normalizePhone(ref.mobile);
  if (!mobile.ok) return mobile;
  const found = await findCustomer(locked.tx, merchantId, { mobile: mobile.value });
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND', `No customer has the mobile number ${mobile.value}.`);
}

/**
 * Bind an issued card to a customer, found by id or by mobile number. With the program's
 * oneCardPerCustomer setting, the customer's other cards of the program may stand in the way.
 */
export function bind(
  deps: Deps,
  merchantId: string,
  number: string,
  ref: CustomerRef,
): Promise<Result<CardDetails>> {
  return changeCard(deps, merchantId, number, async (locked) => {
    const customer = await resolveCustomer(locked, merchantId, ref);
    if (!customer.ok) return customer;
    await lockCustomerCards(locked.tx, deps.dbKind, customer.value.id);
    const program = await programOf(locked.tx, merchantId, locked.card.programId);
    const others = program?.oneCardPerCustomer
      ? (await cardsOfCustomer(locked.tx, merchantId, customer.value.id)).map((c) => c.state)
      : [];
    return commit(
      locked,
      bindCard(locked.card.state, { customerId: customer.value.id, customerCards: others }),
    );
  });
}

/** Activate a bound issued card once the customer's data has the fields the program requires. */
export function activate(deps: Deps, merchantId: string, number: string): Promise<Result<CardDetails>> {
  return changeCard(deps, merchantId, number, async (locked) => {
    const program = await programOf(locked.tx, merchantId, locked.card.programId);
    const customer = await customerOf(locked.tx, merchantId, locked.card.customerId);
    const missing = missingFields(program, customer);
    const transition = activateCard(locked.card.state, { customerDataSufficient: missing.length === 0 });
    if (!transition.ok && transition.reason === 'CUSTOMER_DATA_INSUFFICIENT') {
      return fail(
        'CUSTOMER_DATA_INSUFFICIENT',
        `${transition.message} Missing: ${missing.join(', ')}.`,
        missing.map((field) => detail('CUSTOMER_DATA_INSUFFICIENT', field, `${field} is required`)),
      );
    }
    return commit(locked, transition);
  });
}

/** Block a card with a reason the caller's role may use (reason name accepted for the record, not stored). */
export function block(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  number: string,
  input: { reasonCode: number },
): Promise<Result<CardDetails>> {
  return changeCard(deps, merchantId, number, (locked) =>
    commit(locked, blockCard(locked.card.state, { reasonCode: input.reasonCode, role: cardRole(caller) })),
  );
}

/** Unblock a card: back to active when the customer's data is sufficient, else issued. */
export function unblock(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  number: string,
  input: { reasonCode: number },
): Promise<Result<CardDetails>> {
  return changeCard(deps, merchantId, number, async (locked) => {
    const program = await programOf(locked.tx, merchantId, locked.card.programId);
    const customer = await customerOf(locked.tx, merchantId, locked.card.customerId);
    const transition = unblockCard(locked.card.state, {
      reasonCode: input.reasonCode,
      role: cardRole(caller),
      customerDataSufficient: customer !== null && missingFields(program, customer).length === 0,
    });
    return commit(locked, transition);
  });
}
