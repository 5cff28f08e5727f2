/**
 * Enrolment: a new customer with a loyalty card in one call (Avomark's three cases). With a card number,
 * that card (new or issued, not bound to anyone) is bound; without one, the next new card of the
 * merchant's default program is handed out; with noFidelity, no card. The card is activated when the
 * customer's data is sufficient for its program, else it stays issued and bound.
 */
import type { CustomerInput } from '../../core/customer/customer.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { findCustomer } from '../../db/repos/customers.repo.js';
import { listPrograms } from '../../db/repos/programs.repo.js';
import type { Deps } from '../context.js';
import { nextAvailable } from '../loyalty/cards-batch.js';
import { activate, bind, issue } from '../loyalty/cards-lifecycle.js';
import { createCustomer, type CustomerRecord } from './customers.js';

/** The merchant's default program: its first active program, in creation order. */
export async function defaultProgramId(deps: Deps, merchantId: string): Promise<string | null> {
  const programs = await listPrograms(deps.db, merchantId, { limit: 100 });
  return programs.find((p) => p.active)?.id ?? null;
}

/** Checks that a given card can go to a new customer, before the customer is created. */
async function checkGivenCard(deps: Deps, merchantId: string, number: string): Promise<Result<null>> {
  const card = await findCardByNumber(deps.db, merchantId, number);
  if (!card) return fail('CARD_NOT_FOUND', `Card ${number} is unknown.`);
  if (card.customerId !== null) {
    return fail('CARD_BOUND_TO_ANOTHER_CUSTOMER', `Card ${number} already belongs to a customer.`);
  }
  if (card.status !== 'new' && card.status !== 'issued') {
    return fail('CARD_STATUS_ERROR', `Card ${number} is ${card.status}; it cannot be given to a customer.`);
  }
  return ok(null);
}

/** Binds a card to the customer, issuing it first when new, and activates it when the data allows. */
export async function giveCard(
  deps: Deps,
  merchantId: string,
  customerId: string,
  number: string,
): Promise<Result<null>> {
  const card = await findCardByNumber(deps.db, merchantId, number);
  if (!card) return fail('CARD_NOT_FOUND', `Card ${number} is unknown.`);
  if (card.status === 'new') {
    const issued = await issue(deps, merchantId, number);
    if (!issued.ok) return issued;
  }
  const bound = await bind(deps, merchantId, number, { customerId });
  if (!bound.ok) return bound;
  const activated = await activate(deps, merchantId, number);
  if (!activated.ok && activated.code !== 'CUSTOMER_DATA_INSUFFICIENT') return activated;
  return ok(null);
}

export async function enrollCustomer(
  deps: Deps,
  merchantId: string,
  input: CustomerInput,
  card: { number?: string | undefined },
): Promise<Result<CustomerRecord>> {
  const wantsCard = input.noFidelity !== true;
  let programId: string | null = null;
  if (wantsCard && card.number !== undefined) {
    const checked = await checkGivenCard(deps, merchantId, card.number);
    if (!checked.ok) return checked;
  } else if (wantsCard) {
    programId = await defaultProgramId(deps, merchantId);
    if (programId === null) return fail('PROGRAM_NOT_FOUND', 'The merchant has no active program.');
  }
  const created = await createCustomer(deps, merchantId, input);
  if (!created.ok || !wantsCard) return created;
  let number = card.number;
  if (number === undefined && programId !== null) {
    const next = await nextAvailable(deps, merchantId, programId);
    if (!next.ok) return next;
    number = next.value.card.number;
  }
  if (number !== undefined) {
    const given = await giveCard(deps, merchantId, created.value.id, number);
    if (!given.ok) return given;
  }
  const found = await findCustomer(deps.db, merchantId, { id: created.value.id });
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND');
}
