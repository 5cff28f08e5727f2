/** Replacing a card (balance and history move to the successor) and changing a card's expiry date. */
import { balanceCapProblem, walletCapProblem } from '../../core/bounds.js';
import { replaceCard } from '../../core/cards/index.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { balanceOf } from '../../core/ledger/index.js';
import {
  cardsOfCustomer,
  findCardById,
  findCardByNumber,
  lockCustomerCards,
  moveCardHistory,
  saveCardState,
} from '../../db/repos/cards.repo.js';
import { openLots, walletBalance } from '../../db/repos/ledger.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Caller, Deps } from '../context.js';
import {
  cardDetails,
  cardNotFound,
  cardRole,
  changeCard,
  customerOf,
  lockAndRead,
  missingFields,
  programOf,
  refused,
  type CardDetails,
} from './cards-common.js';
import { stampsOf } from './cards-lifecycle.js';
import { reclaimEarned } from '../ledger/ledger-writer.js';
import { inRollbackableTransaction } from '../result-transaction.js';
import { enqueueCardEvents } from './card-events.js';

/**
 * Replaces card `number` by card `newNumber` (new or issued, same program). In one transaction, both
 * cards locked: the old card ends 'replaced' with replaced_by, the successor is bound to the customer and
 * activated when the customer's data allows, and the lots, movements, sales, vouchers, rewarded steps,
 * gift awards and accumulated discount of the old card move to the successor.
 */
export async function replace(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  number: string,
  newNumber: string,
): Promise<Result<CardDetails>> {
  return inRollbackableTransaction(deps, async (tx) => {
    const foundOld = await findCardByNumber(tx, merchantId, number);
    if (!foundOld) return cardNotFound(number);
    const foundNew = await findCardByNumber(tx, merchantId, newNumber);
    if (!foundNew) return cardNotFound(newNumber);
    const now = deps.now().toISOString();
    // Lock in id order, so that two replacements involving the same cards cannot deadlock.
    const [first, second] = foundOld.id < foundNew.id ? [foundOld, foundNew] : [foundNew, foundOld];
    const lockedFirst = await lockAndRead(tx, first);
    const lockedSecond = await lockAndRead(tx, second);
    const old = lockedFirst.id === foundOld.id ? lockedFirst : lockedSecond;
    const successor = lockedFirst.id === foundOld.id ? lockedSecond : lockedFirst;

    if (old.customerId) await lockCustomerCards(tx, deps.dbKind, old.customerId);
    const program = await programOf(tx, merchantId, old.programId);
    const customer = await customerOf(tx, merchantId, old.customerId);
    const others =
      program?.oneCardPerCustomer && old.customerId
        ? (await cardsOfCustomer(tx, merchantId, old.customerId)).map((c) => c.state)
        : [];
    const result = replaceCard(old.state, {
      successor: successor.state,
      role: cardRole(caller),
      customerCards: others,
      customerDataSufficient: customer !== null && missingFields(program, customer).length === 0,
    });
    if (!result.ok) return refused(result);
    const over = await mergedBalanceProblem(tx, old.id, successor.id, now);
    if (over) return over;

    await saveCardState(tx, old.id, result.card, { discountMinor: 0 }, now);
    await saveCardState(
      tx,
      successor.id,
      result.successor,
      {
        ...stampsOf(result.events, successor.number, now),
        discountMinor: successor.discountMinor + old.discountMinor,
        ...(successor.expiresAt === null ? { expiresAt: old.expiresAt } : {}),
      },
      now,
    );
    await moveCardHistory(tx, old.id, successor.id);
    await enqueueCardEvents(tx, now, merchantId, result.events);
    const after = await findCardById(tx, merchantId, successor.id);
    return after ? ok(await cardDetails(tx, after)) : cardNotFound(newNumber);
  });
}

/**
 * The successor takes the old card's points and wallet on top of its own: refused, before anything is written,
 * when either would pass its cap (src/core/bounds.ts).
 */
async function mergedBalanceProblem(tx: Tx, oldId: string, successorId: string, now: string) {
  const held = (cardId: string) => openLots(tx, cardId).then((lots) => balanceOf(lots, now));
  const [from, to] = [await held(oldId), await held(successorId)];
  const points = balanceCapProblem(
    Math.max(0, to.active) + to.pending,
    Math.max(0, from.active) + from.pending,
  );
  if (points) return fail('BALANCE_LIMIT_EXCEEDED', `The replacement card cannot take the points. ${points}`);
  const money = walletCapProblem(await walletBalance(tx, successorId), await walletBalance(tx, oldId));
  if (money) return fail('WALLET_LIMIT_EXCEEDED', `The replacement card cannot take the wallet. ${money}`);
  return undefined;
}

export interface ExpiryInput {
  /** RFC 3339; null removes the expiry date. */
  expiresAt: string | null;
  /** Take back every active point with an 'adjust' movement (pending points stay). */
  resetPoints?: boolean | undefined;
}

/** Sets a card's expiry date, optionally resetting its points. A replaced card cannot change. */
export async function changeExpiry(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  number: string,
  input: ExpiryInput,
): Promise<Result<CardDetails & { pointsReset: number }>> {
  let expiresAt: string | null = null;
  if (input.expiresAt !== null) {
    const ms = Date.parse(input.expiresAt);
    if (Number.isNaN(ms)) return fail('VALIDATION_FAILED', 'expiresAt must be an RFC 3339 date-time.');
    expiresAt = new Date(ms).toISOString();
  }
  let pointsReset = 0;
  const result = await changeCard(deps, merchantId, number, async ({ tx, card, now }) => {
    if (card.status === 'replaced') {
      return fail('CARD_STATUS_ERROR', `Card ${card.number} is replaced: its expiry date cannot change.`);
    }
    await saveCardState(tx, card.id, card.state, { expiresAt }, now);
    if (input.resetPoints) {
      const active = balanceOf(await openLots(tx, card.id), now).active;
      if (active > 0) {
        const ctx = {
          merchantId,
          cardId: card.id,
          now,
          principalId: caller.principalId,
          terminalId: caller.terminalId,
          reason: 'card expiry change: points reset',
        };
        pointsReset = (await reclaimEarned(tx, ctx, [], active, 'cap_at_zero', 'adjust')).reclaimed;
      }
    }
    return ok(null);
  });
  return result.ok ? ok({ ...result.value, pointsReset }) : result;
}
