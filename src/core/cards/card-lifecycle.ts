/**
 * The card state machine of spec/cashdesk.md:
 *   new --issue--> issued --bind--> issued+bound --activate--> active
 *   issued+bound | active --block--> blocked --unblock--> issued | active (by customer data sufficiency)
 *   issued+bound | active | blocked(0, 4) --replace--> replaced (a successor card takes over)
 *   any but replaced --expire--> expired
 * Every transition is pure: the card in, a new card (and events) or a refusal out.
 */
import {
  BLOCK_REASON_ROLES,
  canBlock,
  canUnblock,
  type BlockReasonCode,
  type CardRole,
  type UnblockReasonCode,
} from './card-reasons.js';
import {
  holdsCustomerSlot,
  type CardEvent,
  type CardRefusal,
  type CardState,
  type CardStatus,
  type CardTransition,
  type CardTransitionReason,
} from './card-state.js';

const refuse = <R extends CardTransitionReason>(reason: R, message: string): CardRefusal<R> => ({
  ok: false,
  reason,
  message,
});

const statusError = (card: CardState, action: string): CardRefusal<'STATUS_ERROR'> =>
  refuse('STATUS_ERROR', `Card ${card.number} is ${card.status}: it cannot be ${action}.`);

const unchanged = (card: CardState): CardTransition<never> => ({ ok: true, card, events: [] });

/** Issue (sell) a new card: new → issued. Issuing an issued card changes nothing. */
export function issueCard(card: CardState): CardTransition<'STATUS_ERROR'> {
  if (card.status === 'issued') return unchanged(card);
  if (card.status !== 'new') return statusError(card, 'issued');
  return {
    ok: true,
    card: { ...card, status: 'issued' },
    events: [{ type: 'card.issued', number: card.number }],
  };
}

export interface BindInput {
  customerId: string;
  /** The customer's cards (any program; this card is ignored if present). */
  customerCards: readonly CardState[];
}

/**
 * Bind an issued card to a customer; the card stays issued (activate it next). Refused when the card is
 * new, blocked, replaced or expired (STATUS_ERROR), bound to someone else, or when the customer already
 * holds a card of the program that is issued, active, or blocked for a reason other than replacement.
 * Binding an issued or active card to the customer it is bound to changes nothing.
 */
export function bindCard(
  card: CardState,
  input: BindInput,
): CardTransition<'STATUS_ERROR' | 'CARD_BOUND_TO_ANOTHER_CUSTOMER' | 'CUSTOMER_HAS_ANOTHER_CARD'> {
  if (card.status !== 'issued' && card.status !== 'active') return statusError(card, 'bound');
  if (card.customerId !== null) {
    if (card.customerId === input.customerId) return unchanged(card);
    return refuse('CARD_BOUND_TO_ANOTHER_CUSTOMER', `Card ${card.number} is bound to another customer.`);
  }
  const holder = input.customerCards.find(
    (other) => other.number !== card.number && holdsCustomerSlot(other, card.programId),
  );
  if (holder) {
    return refuse(
      'CUSTOMER_HAS_ANOTHER_CARD',
      `The customer already has card ${holder.number} (${holder.status}) in this program.`,
    );
  }
  return {
    ok: true,
    card: { ...card, customerId: input.customerId },
    events: [{ type: 'card.bound', number: card.number, customerId: input.customerId }],
  };
}

export interface ActivateInput {
  /** Are the fields the merchant requires for activation filled in on the bound customer? */
  customerDataSufficient: boolean;
}

/**
 * Activate a bound issued card: issued → active. Refused when new/blocked/replaced/expired (STATUS_ERROR),
 * unbound (CARD_NOT_BOUND), or when the customer's data is insufficient. An active card stays active.
 */
export function activateCard(
  card: CardState,
  input: ActivateInput,
): CardTransition<'STATUS_ERROR' | 'CARD_NOT_BOUND' | 'CUSTOMER_DATA_INSUFFICIENT'> {
  if (card.status === 'active') return unchanged(card);
  if (card.status !== 'issued') return statusError(card, 'activated');
  if (card.customerId === null)
    return refuse('CARD_NOT_BOUND', `Card ${card.number} is bound to no customer.`);
  if (!input.customerDataSufficient) {
    return refuse('CUSTOMER_DATA_INSUFFICIENT', 'The customer lacks data required to activate the card.');
  }
  return {
    ok: true,
    card: { ...card, status: 'active' },
    events: [{ type: 'card.activated', number: card.number, customerId: card.customerId }],
  };
}

export interface BlockInput {
  reasonCode: number;
  role: CardRole;
}

/**
 * Block a bound issued card or an active card with a reason the caller's role may use. The reason and the
 * role are recorded on the card: they decide who may unblock it.
 */
export function blockCard(
  card: CardState,
  input: BlockInput,
): CardTransition<'STATUS_ERROR' | 'CARD_NOT_BOUND' | 'INVALID_REASON_CODE' | 'BLOCK_REASON_NOT_ALLOWED'> {
  const permission = canBlock(input.role, input.reasonCode);
  if (!permission.ok) return permission;
  if (card.status !== 'issued' && card.status !== 'active') return statusError(card, 'blocked');
  if (card.customerId === null)
    return refuse('CARD_NOT_BOUND', `Card ${card.number} is bound to no customer.`);
  const reasonCode = input.reasonCode as BlockReasonCode; // checked by canBlock
  return {
    ok: true,
    card: { ...card, status: 'blocked', block: { reasonCode, blockedBy: input.role } },
    events: [{ type: 'card.blocked', number: card.number, reasonCode, by: input.role }],
  };
}

export interface UnblockInput {
  reasonCode: number;
  role: CardRole;
  /** Decides the status the card returns to: active when sufficient, issued otherwise. */
  customerDataSufficient: boolean;
}

/** Unblock a blocked card, if the role may lift its block with that reason (see card-reasons.ts). */
export function unblockCard(
  card: CardState,
  input: UnblockInput,
): CardTransition<
  | 'STATUS_ERROR'
  | 'INVALID_REASON_CODE'
  | 'UNBLOCK_REASON_NOT_ALLOWED'
  | 'BLOCKED_BY_ADMINISTRATOR'
  | 'BLOCK_NOT_LIFTABLE'
  | 'UNBLOCK_REASON_MISMATCH'
> {
  if (card.status !== 'blocked' || card.block === null) return statusError(card, 'unblocked');
  const permission = canUnblock(input.role, input.reasonCode, card.block);
  if (!permission.ok) return permission;
  const status: 'issued' | 'active' = input.customerDataSufficient ? 'active' : 'issued';
  return {
    ok: true,
    card: { ...card, status, block: null },
    events: [
      {
        type: 'card.unblocked',
        number: card.number,
        reasonCode: input.reasonCode as UnblockReasonCode, // checked by canUnblock
        by: input.role,
        status,
      },
    ],
  };
}

export interface ReplaceInput {
  /** The card that takes over: new or issued, unbound or bound to the same customer, same program. */
  successor: CardState;
  role: CardRole;
  /** The customer's other cards (the old card and the successor are ignored if present). */
  customerCards: readonly CardState[];
  /** Decides the successor's status: active when sufficient, issued otherwise. */
  customerDataSufficient: boolean;
}

export type ReplaceResult =
  | { ok: true; card: CardState; successor: CardState; events: CardEvent[] }
  | CardRefusal<
      | 'REPLACE_NOT_ALLOWED'
      | 'STATUS_ERROR'
      | 'BLOCKED_BY_ADMINISTRATOR'
      | 'PROGRAM_MISMATCH'
      | 'SUCCESSOR_NOT_AVAILABLE'
      | 'CARD_BOUND_TO_ANOTHER_CUSTOMER'
      | 'CUSTOMER_HAS_ANOTHER_CARD'
    >;

const REPLACEABLE_BLOCKS: readonly number[] = [0, 4];

/**
 * Replace a card: the old card becomes replaced (terminal) and the successor is issued, bound to the same
 * customer and activated when the customer's data allows. The caller moves balances along the
 * 'card.replaced' event. Only roles that may block for replacement (4) may replace; a blocked card can be
 * replaced only when blocked for loss (0) or replacement (4), and an administrator's block only by an
 * administrator.
 */
export function replaceCard(card: CardState, input: ReplaceInput): ReplaceResult {
  const { successor, role } = input;
  if (!BLOCK_REASON_ROLES[4].includes(role)) {
    return refuse('REPLACE_NOT_ALLOWED', `The ${role} role may not replace cards.`);
  }
  const replaceable: readonly CardStatus[] = ['issued', 'active', 'blocked'];
  if (!replaceable.includes(card.status) || card.customerId === null) return statusError(card, 'replaced');
  if (card.block !== null) {
    if (!REPLACEABLE_BLOCKS.includes(card.block.reasonCode))
      return statusError(card, 'replaced while blocked for this reason');
    if (card.block.blockedBy === 'administrator' && role !== 'administrator') {
      return refuse(
        'BLOCKED_BY_ADMINISTRATOR',
        'A card blocked by an administrator can be replaced only by an administrator.',
      );
    }
  }
  if (successor.programId !== card.programId) {
    return refuse('PROGRAM_MISMATCH', `Card ${successor.number} belongs to another program.`);
  }
  if (successor.number === card.number || (successor.status !== 'new' && successor.status !== 'issued')) {
    return refuse(
      'SUCCESSOR_NOT_AVAILABLE',
      `Card ${successor.number} is ${successor.status}: it cannot take over.`,
    );
  }
  const customerId = card.customerId;
  if (successor.customerId !== null && successor.customerId !== customerId) {
    return refuse('CARD_BOUND_TO_ANOTHER_CUSTOMER', `Card ${successor.number} is bound to another customer.`);
  }
  const holder = input.customerCards.find(
    (other) =>
      other.number !== card.number &&
      other.number !== successor.number &&
      holdsCustomerSlot(other, card.programId),
  );
  if (holder) {
    return refuse(
      'CUSTOMER_HAS_ANOTHER_CARD',
      `The customer already has card ${holder.number} in this program.`,
    );
  }
  const status = input.customerDataSufficient ? 'active' : 'issued';
  const events: CardEvent[] = [
    { type: 'card.replaced', number: card.number, successor: successor.number, customerId },
  ];
  if (successor.status === 'new') events.push({ type: 'card.issued', number: successor.number });
  if (successor.customerId === null)
    events.push({ type: 'card.bound', number: successor.number, customerId });
  if (status === 'active') events.push({ type: 'card.activated', number: successor.number, customerId });
  return {
    ok: true,
    card: { ...card, status: 'replaced', block: null, replacedBy: successor.number },
    successor: { ...successor, status, customerId, block: null, replaces: card.number },
    events,
  };
}

/** Expire a card (end of validity): any status but replaced → expired. An expired card stays expired. */
export function expireCard(card: CardState): CardTransition<'STATUS_ERROR'> {
  if (card.status === 'expired') return unchanged(card);
  if (card.status === 'replaced') return statusError(card, 'expired');
  return {
    ok: true,
    card: { ...card, status: 'expired', block: null },
    events: [{ type: 'card.expired', number: card.number }],
  };
}
