/**
 * The card of a contact (customer): found by mobile number or by contact code, for the protocols that name
 * a card through its holder (CashDesk's balance by phone or code, block and unblock by ContactMobileNumber).
 * A contact holds at most one live card per program; when it holds several, the one that fits the operation
 * is chosen by status, and among equals the oldest (lowest id).
 */
import type { CardStatus } from '../../core/cards/index.js';
import { normalizePhone } from '../../core/customer/validate-customer.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { cardsOfCustomer } from '../../db/repos/cards.repo.js';
import { findCustomer, type CustomerRecord } from '../../db/repos/customers.repo.js';
import type { Deps } from '../context.js';
import { cardDetails, type CardDetails } from './cards-common.js';

/** A contact by mobile number (E.164 after normalisation) or by contact code (customer code, else number). */
export type ContactRef = { mobile: string } | { code: string };

/** What the card is wanted for decides which of a contact's cards is meant. */
export type ContactCardPurpose = 'read' | 'block' | 'unblock';

/** Statuses in order of preference; replaced and expired cards are never "the contact's card". */
const PREFERENCE: Readonly<Record<ContactCardPurpose, readonly CardStatus[]>> = {
  read: ['active', 'issued', 'blocked', 'new'],
  block: ['active', 'issued', 'blocked', 'new'],
  unblock: ['blocked', 'active', 'issued', 'new'],
};

/** The contact code a protocol shows for a customer: the customer code, else the customer number. */
export function contactCodeOf(customer: CustomerRecord): string {
  return customer.data.customerCode ?? String(customer.ref);
}

/** Finds a contact; a malformed mobile number fails with the phone validation code. */
export async function findContact(
  deps: Deps,
  merchantId: string,
  ref: ContactRef,
): Promise<Result<CustomerRecord>> {
  if ('mobile' in ref) {
    const mobile = normalizePhone(ref.mobile);
    if (!mobile.ok) return mobile;
    const found = await findCustomer(deps.db, merchantId, { mobile: mobile.value });
    return found
      ? ok(found)
      : fail('CUSTOMER_NOT_FOUND', `No contact has the mobile number ${mobile.value}.`);
  }
  const byCode = await findCustomer(deps.db, merchantId, { customerCode: ref.code });
  if (byCode) return ok(byCode);
  if (/^[0-9]{1,15}$/.test(ref.code)) {
    const byRef = await findCustomer(deps.db, merchantId, { ref: Number(ref.code) });
    if (byRef) return ok(byRef);
  }
  return fail('CUSTOMER_NOT_FOUND', `No contact has the code ${ref.code}.`);
}

/** The contact's card for `purpose`; CARD_NOT_FOUND when the contact holds no live card. */
export async function contactCard(
  deps: Deps,
  merchantId: string,
  ref: ContactRef,
  purpose: ContactCardPurpose,
): Promise<Result<CardDetails>> {
  const contact = await findContact(deps, merchantId, ref);
  if (!contact.ok) return contact;
  const cards = await cardsOfCustomer(deps.db, merchantId, contact.value.id);
  for (const status of PREFERENCE[purpose]) {
    const card = cards.find((c) => c.status === status);
    if (card) return ok(await cardDetails(deps.db, card));
  }
  return fail('CARD_NOT_FOUND', 'The contact holds no card.');
}
