/**
 * The values a template is rendered with for one customer: identity, their card (the active one, else the
 * newest), its points balance and the points that expire first, at `now`. Used by the preview and by the
 * delivery (so a message queued days ago says today's balance). The message's own variables (a voucher, a
 * promotion, a tier) are laid over these by the caller.
 */
import type { Kysely } from 'kysely';
import { balanceOf } from '../../core/ledger/balance.js';
import type { TemplateValues } from '../../core/messaging/template.js';
import { cardsOfCustomer } from '../../db/repos/cards.repo.js';
import { openLots } from '../../db/repos/ledger.repo.js';
import { findRecipient, type RecipientRow } from '../../db/repos/messaging.repo.js';
import type { DB } from '../../db/schema/index.js';

export function customerValues(customer: RecipientRow): TemplateValues {
  return {
    'customer.firstName': customer.first_name,
    'customer.lastName': customer.last_name,
    'customer.civility': customer.civility,
    'customer.email': customer.email,
    'customer.customerCode': customer.customer_code,
  };
}

/** Card number, balance and nearest expiry of the customer's card at `now` (empty when they have none). */
export async function cardValues(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
  now: Date,
): Promise<TemplateValues> {
  const cards = await cardsOfCustomer(db, merchantId, customerId);
  const card = cards.find((c) => c.status === 'active') ?? cards[cards.length - 1];
  if (!card) return {};
  const balance = balanceOf(await openLots(db, card.id), now.toISOString());
  return {
    'card.number': card.number,
    'balance.points': balance.active,
    'expiring.points': balance.nearestExpiry?.amount ?? null,
    'expiring.date': balance.nearestExpiry?.date.slice(0, 10) ?? null,
  };
}

/** Everything known about the customer, or null when the merchant has no such (unerased) customer. */
export async function valuesForCustomer(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
  now: Date,
): Promise<TemplateValues | null> {
  const customer = await findRecipient(db, merchantId, customerId);
  if (!customer || customer.erased_at) return null;
  return { ...customerValues(customer), ...(await cardValues(db, merchantId, customerId, now)) };
}
