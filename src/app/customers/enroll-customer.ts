/**
 * Enrolment: a new customer with a loyalty card in one call (Avomark's three cases). With a card number,
 * that card (new or issued, not bound to anyone) is bound; without one, the next new card of the
 * merchant's default program is handed out; with noFidelity, no card. The card is activated when the
 * customer's data is sufficient for its program, else it stays issued and bound. With `usableCard`, a
 * creation whose data the card's program would not activate is refused before anything is written
 * (CUSTOMER_DATA_INSUFFICIENT naming the fields), so no customer is created with a card that cannot earn.
 */
import type { CustomerInput } from '../../core/customer/customer.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { missingRequiredFields } from '../../core/loyalty/program.js';
import { cardsOfCustomer, findCardByNumber } from '../../db/repos/cards.repo.js';
import { findCustomer } from '../../db/repos/customers.repo.js';
import { findProgram, listPrograms } from '../../db/repos/programs.repo.js';
import type { Deps } from '../context.js';
import { joinUnitOfWork, withUnitOfWork } from '../unit-of-work.js';
import { nextAvailable } from '../cards/cards-batch.js';
import { activate, bind, issue } from '../cards/cards-lifecycle.js';
import { createCustomer, type CustomerRecord } from './customers.js';
import { payGodchild } from './sponsorship.js';

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

/** The fields the program requires before activation that the creation input leaves empty. */
async function fieldsMissingFor(
  deps: Deps,
  merchantId: string,
  programId: string | null,
  input: CustomerInput,
): Promise<Result<null>> {
  const program = programId === null ? undefined : await findProgram(deps.db, merchantId, { id: programId });
  const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
  const data: Record<string, unknown> = Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, blank(v)]),
  );
  const address = Object.fromEntries(Object.entries(input.address ?? {}).map(([k, v]) => [k, blank(v)]));
  const missing = missingRequiredFields(program?.requiredFields ?? [], { ...data, address });
  if (missing.length === 0) return ok(null);
  return fail(
    'CUSTOMER_DATA_INSUFFICIENT',
    `The card's program needs these fields before the card can be used: ${missing.join(', ')}.`,
    missing.map((field) => detail('CUSTOMER_DATA_INSUFFICIENT', field, `${field} is required`)),
  );
}

/**
 * Enrols in one unit of work: the customer, the card handed out, its issue, binding and activation commit
 * together or not at all (a refusal at any step leaves no customer behind).
 */
export async function enrollCustomer(
  deps: Deps,
  merchantId: string,
  input: CustomerInput,
  card: { number?: string | undefined },
  options: { usableCard?: boolean; uniqueMobile?: boolean } = {},
): Promise<Result<CustomerRecord>> {
  return withUnitOfWork(deps, (uow) =>
    enrolInside(joinUnitOfWork(deps, uow), merchantId, input, card, options),
  );
}

async function enrolInside(
  deps: Deps,
  merchantId: string,
  input: CustomerInput,
  card: { number?: string | undefined },
  options: { usableCard?: boolean; uniqueMobile?: boolean },
): Promise<Result<CustomerRecord>> {
  const wantsCard = input.noFidelity !== true;
  let programId: string | null = null;
  let cardProgramId: string | null = null;
  if (wantsCard && card.number !== undefined) {
    const checked = await checkGivenCard(deps, merchantId, card.number);
    if (!checked.ok) return checked;
    cardProgramId = (await findCardByNumber(deps.db, merchantId, card.number))?.programId ?? null;
  } else if (wantsCard) {
    programId = await defaultProgramId(deps, merchantId);
    if (programId === null) return fail('PROGRAM_NOT_FOUND', 'The merchant has no active program.');
    cardProgramId = programId;
  }
  if (wantsCard && options.usableCard) {
    const complete = await fieldsMissingFor(deps, merchantId, cardProgramId, input);
    if (!complete.ok) return complete;
  }
  const created = await createCustomer(deps, merchantId, input, { uniqueMobile: options.uniqueMobile });
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
    if (created.value.data.godfatherId !== null) {
      const welcomed = await payGodchild(deps, merchantId, created.value.id, number);
      if (!welcomed.ok) return welcomed;
    }
  }
  const found = await findCustomer(deps.db, merchantId, { id: created.value.id });
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND');
}

/** Activates the customer's issued cards the customer's data now allows (after an update completed it). */
export async function activateIssuedCards(
  deps: Deps,
  merchantId: string,
  customerId: string,
): Promise<Result<null>> {
  for (const card of await cardsOfCustomer(deps.db, merchantId, customerId)) {
    if (card.status !== 'issued') continue;
    const activated = await activate(deps, merchantId, card.number);
    if (!activated.ok && activated.code !== 'CUSTOMER_DATA_INSUFFICIENT') return activated;
  }
  return ok(null);
}
