/**
 * The cards of a Fidelisa customer and which one a call means when it names none: the customer's default
 * card (expiry change), or the only card (corrections: with several cards the caller must choose).
 */
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import { cardsOfCustomer, type CardRecord } from '../../../db/repos/cards.repo.js';
import { customerExists } from '../../../db/repos/customers.repo.js';
import type { Caller, Deps } from '../../../app/context.js';
import { adjustPoints } from '../../../app/ledger/adjustments.js';
import { pointsBalance } from '../../../app/ledger/balance.js';
import { changeExpiry } from '../../../app/cards/cards-replace.js';
import { allPrograms } from './shops.js';

export interface CustomerCard {
  card: CardRecord;
  programName: string | null;
  points: number;
}

/** The customer's cards (replaced ones left out), oldest first, with their program and active points. */
export async function customerCards(
  deps: Deps,
  merchantId: string,
  customerId: string,
): Promise<Result<CustomerCard[]>> {
  if (!(await customerExists(deps.db, merchantId, customerId))) return fail('CUSTOMER_NOT_FOUND');
  const names = new Map((await allPrograms(deps, merchantId)).map((p) => [p.id, p.name]));
  const now = deps.now().toISOString();
  const cards = (await cardsOfCustomer(deps.db, merchantId, customerId)).filter(
    (c) => c.status !== 'replaced',
  );
  const out: CustomerCard[] = [];
  for (const card of cards) {
    const balance = await pointsBalance(deps.db, card, now);
    out.push({
      card,
      programName: card.programId ? (names.get(card.programId) ?? null) : null,
      points: balance.active,
    });
  }
  return ok(out);
}

/** The customer's default card: the oldest active one, else the oldest one. */
export function defaultCard(cards: readonly CustomerCard[]): CustomerCard | undefined {
  return cards.find((c) => c.card.status === 'active') ?? cards[0];
}

function pick(cards: readonly CustomerCard[], cardId: string | undefined): Result<CustomerCard> {
  if (cardId === undefined) {
    const only = defaultCard(cards);
    return only ? ok(only) : fail('CARD_NOT_FOUND', 'The customer has no card.');
  }
  const found = cards.find((c) => c.card.id === cardId);
  return found ? ok(found) : fail('CARD_NOT_FOUND', 'The customer has no such card.');
}

/** Changes the expiry date of the card named, or of the customer's default card; may reset its points. */
export async function changeCustomerCardExpiry(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: { customerId: string; cardId?: string | undefined; date: string; reset: boolean },
): Promise<Result<CustomerCard>> {
  const cards = await customerCards(deps, merchantId, input.customerId);
  if (!cards.ok) return cards;
  const chosen = pick(cards.value, input.cardId);
  if (!chosen.ok) return chosen;
  const changed = await changeExpiry(deps, caller, merchantId, chosen.value.card.number, {
    expiresAt: `${input.date}T00:00:00.000Z`,
    resetPoints: input.reset,
  });
  if (!changed.ok) return changed;
  const after = await customerCards(deps, merchantId, input.customerId);
  if (!after.ok) return after;
  return pick(after.value, chosen.value.card.id);
}

/** Credits (or with a negative number takes back) points on the card named, or on the customer's only card. */
export async function correctCustomerPoints(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: { customerId: string; cardId?: string | undefined; points: number; reason: string },
): Promise<Result<CustomerCard>> {
  const cards = await customerCards(deps, merchantId, input.customerId);
  if (!cards.ok) return cards;
  if (input.cardId === undefined && cards.value.length > 1) {
    return fail('VALIDATION_FAILED', 'The customer has several cards: give card_id.');
  }
  const chosen = pick(cards.value, input.cardId);
  if (!chosen.ok) return chosen;
  const adjusted = await adjustPoints(deps, caller, merchantId, {
    cardNumber: chosen.value.card.number,
    points: input.points,
    reason: input.reason,
  });
  if (!adjusted.ok) return adjusted;
  return ok({ ...chosen.value, points: adjusted.value.balance.active });
}
