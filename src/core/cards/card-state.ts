import type { BlockReasonCode, CardRole, UnblockReasonCode } from './card-reasons.js';

/**
 * Card statuses. CashDesk's StatusCode covers the first four: 0 new, 1 issued, 2 active, 3 blocked;
 * replaced and expired are terminal states of Tessera.
 */
export const CARD_STATUSES = ['new', 'issued', 'active', 'blocked', 'replaced', 'expired'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Why and by whom a blocked card was blocked; present exactly when the status is 'blocked'. */
export interface CardBlock {
  reasonCode: BlockReasonCode;
  blockedBy: CardRole;
}

/** What the state machine needs to know about a card. */
export interface CardState {
  number: string;
  programId: string;
  status: CardStatus;
  /** The customer the card is bound to, or null. Only issued cards may be unbound (and new ones are). */
  customerId: string | null;
  block: CardBlock | null;
  /** Number of the card that took over from this one (status 'replaced'). */
  replacedBy: string | null;
  /** Number of the card this one took over from. */
  replaces: string | null;
}

export type CardEvent =
  | { type: 'card.issued'; number: string }
  | { type: 'card.bound'; number: string; customerId: string }
  | { type: 'card.activated'; number: string; customerId: string }
  | { type: 'card.blocked'; number: string; reasonCode: BlockReasonCode; by: CardRole }
  | {
      type: 'card.unblocked';
      number: string;
      reasonCode: UnblockReasonCode;
      by: CardRole;
      status: 'issued' | 'active';
    }
  | { type: 'card.replaced'; number: string; successor: string; customerId: string }
  | { type: 'card.expired'; number: string };

export type CardTransitionReason =
  | 'STATUS_ERROR'
  | 'CARD_NOT_BOUND'
  | 'CUSTOMER_DATA_INSUFFICIENT'
  | 'CARD_BOUND_TO_ANOTHER_CUSTOMER'
  | 'CUSTOMER_HAS_ANOTHER_CARD'
  | 'INVALID_REASON_CODE'
  | 'BLOCK_REASON_NOT_ALLOWED'
  | 'UNBLOCK_REASON_NOT_ALLOWED'
  | 'BLOCKED_BY_ADMINISTRATOR'
  | 'BLOCK_NOT_LIFTABLE'
  | 'UNBLOCK_REASON_MISMATCH'
  | 'REPLACE_NOT_ALLOWED'
  | 'PROGRAM_MISMATCH'
  | 'SUCCESSOR_NOT_AVAILABLE';

export type CardRefusal<R extends CardTransitionReason = CardTransitionReason> = {
  ok: false;
  reason: R;
  message: string;
};

/** Result of a transition. A transition to the state the card is already in succeeds with no events. */
export type CardTransition<R extends CardTransitionReason = CardTransitionReason> =
  { ok: true; card: CardState; events: CardEvent[] } | CardRefusal<R>;

/** A new, unbound card of a program (the state of a freshly generated batch card). */
export function newCard(number: string, programId: string): CardState {
  return {
    number,
    programId,
    status: 'new',
    customerId: null,
    block: null,
    replacedBy: null,
    replaces: null,
  };
}

/**
 * Does `other` keep its customer from getting another card of `programId`? Yes when it is issued, active,
 * or blocked for any reason but replacement (4): such a card can still come back, so the customer has one.
 */
export function holdsCustomerSlot(other: CardState, programId: string): boolean {
  if (other.programId !== programId) return false;
  if (other.status === 'issued' || other.status === 'active') return true;
  return other.status === 'blocked' && other.block?.reasonCode !== 4;
}
