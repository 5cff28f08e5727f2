/**
 * Fidelisa gifts are handed to a customer, not to a card: the card that pays is the customer's active card
 * of the gift's program with the most points (for a gift of no program, any active card). Restoring names
 * the gift; the customer's latest award of it is undone.
 */
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import * as giftsRepo from '../../../db/repos/gifts.repo.js';
import type { Deps } from '../../../app/context.js';
import { awardGift, giftView, listGifts, restoreAward, type GiftView } from '../../../app/rewards/gifts.js';
import { customerCards, type CustomerCard } from './cards.js';

export interface CustomerGift {
  gift: GiftView;
  /** Active points of the card the gift would be paid from; null for gifts already given. */
  points: number | null;
}

/** The gifts the customer can afford now (with the paying card's points), or with `used` those given. */
export async function customerGifts(
  deps: Deps,
  merchantId: string,
  customerId: string,
  used: boolean,
): Promise<Result<CustomerGift[]>> {
  const cards = await customerCards(deps, merchantId, customerId);
  if (!cards.ok) return cards;
  if (used) {
    const rows = await deps.db
      .selectFrom('gift_awards')
      .innerJoin('gifts', 'gifts.id', 'gift_awards.gift_id')
      .selectAll('gifts')
      .where('gift_awards.merchant_id', '=', merchantId)
      .where('gift_awards.customer_id', '=', customerId)
      .where('gift_awards.status', '=', 'awarded')
      .orderBy('gift_awards.created_at')
      .execute();
    const seen = new Map<string, CustomerGift>();
    for (const row of rows) seen.set(row.id, { gift: giftView(row), points: null });
    return ok([...seen.values()]);
  }
  const best = new Map<string, CustomerGift>();
  for (const entry of cards.value.filter((c) => c.card.status === 'active')) {
    const affordable = await listGifts(deps, merchantId, entry.card.number);
    if (!affordable.ok) return affordable;
    for (const gift of affordable.value) {
      const known = best.get(gift.id);
      if (!known || (known.points ?? 0) < entry.points) best.set(gift.id, { gift, points: entry.points });
    }
  }
  return ok([...best.values()]);
}

function payingCard(cards: readonly CustomerCard[], programId: string | null): CustomerCard | undefined {
  return cards
    .filter((c) => c.card.status === 'active' && (programId === null || c.card.programId === programId))
    .reduce<CustomerCard | undefined>(
      (top, c) => (top === undefined || c.points > top.points ? c : top),
      undefined,
    );
}

export async function awardGiftToCustomer(
  deps: Deps,
  merchantId: string,
  giftId: string,
  customerId: string,
  principalId: string,
): Promise<Result<{ awardId: string }>> {
  const gift = await giftsRepo.findGift(deps.db, merchantId, giftId);
  if (!gift) return fail('GIFT_NOT_FOUND');
  const cards = await customerCards(deps, merchantId, customerId);
  if (!cards.ok) return cards;
  const card = payingCard(cards.value, gift.program_id);
  if (!card) return fail('CARD_NOT_FOUND', 'The customer has no active card this gift can be paid from.');
  const awarded = await awardGift(deps, merchantId, gift.id, card.card.number, principalId);
  return awarded.ok ? ok({ awardId: awarded.value.awardId }) : awarded;
}

export async function restoreCustomerGift(
  deps: Deps,
  merchantId: string,
  giftId: string,
  customerId: string,
  principalId: string,
): Promise<Result<{ awardId: string; pointsRestored: number }>> {
  const cards = await customerCards(deps, merchantId, customerId);
  if (!cards.ok) return cards;
  const award = await deps.db
    .selectFrom('gift_awards')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('gift_id', '=', giftId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'awarded')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!award) return fail('GIFT_AWARD_NOT_FOUND', 'This customer has no award of this gift to restore.');
  const restored = await restoreAward(deps, merchantId, award.id, principalId);
  return restored.ok
    ? ok({ awardId: restored.value.awardId, pointsRestored: restored.value.pointsRestored })
    : restored;
}
