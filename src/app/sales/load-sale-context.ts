/**
 * The reads of a sale, in its transaction: the card locked and re-read under the lock (its status decides),
 * its program, its summary, the vouchers named, the steps already rewarded, and the lots only when the sale
 * spends points or the card owes some.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { needsLots } from '../../core/sales/plan-points.js';
import type { SaleContext } from '../../core/sales/plan-sale.js';
import { NO_PROGRAM } from '../../core/sales/sale-program.js';
import { RetryableDbError } from '../../db/errors.js';
import { cardsOfCustomer } from '../../db/repos/cards.repo.js';
import { openLots } from '../../db/repos/ledger.repo.js';
import { lockCardByNumber, lockCardForUpdate } from '../../db/repos/sale-context.repo.js';
import { loadLedgerProgram } from '../../db/repos/sales.repo.js';
import { godfatherToReward } from '../../db/repos/sponsorship.repo.js';
import type { Tx } from '../../db/transaction.js';
import { loadSaleVouchers } from './sale-vouchers.js';
import { currentSummary } from './current-summary.js';

/**
 * Whose sale: a card by number (locked and read in one statement; `customerId`, when the till gave one too,
 * must be the card's holder) or a customer.
 */
export type SaleOwner = { cardNumber: string; customerId?: string } | { customerId: string };

export interface LoadedSaleContext extends SaleContext {
  /** Version of the stored summary row the plan was made on (null: none stored). */
  summaryVersion: number | null;
}

/** The customer's active card changed between its choice and its lock: the sale's transaction is retried. */
class StaleCardChoiceError extends RetryableDbError {
  constructor(cardId: string) {
    super(new Error(`card ${cardId} changed status before its lock`));
  }
}

async function lockedCard(tx: Tx, merchantId: string, owner: SaleOwner) {
  if ('cardNumber' in owner) {
    const locked = await lockCardByNumber(tx, merchantId, owner.cardNumber);
    if (!locked) return fail('CARD_NOT_FOUND');
    const { card } = locked;
    if (owner.customerId !== undefined && card.customerId !== owner.customerId) {
      return fail('CARD_BOUND_TO_ANOTHER_CUSTOMER');
    }
    if (card.status !== 'active') {
      return fail('CARD_STATUS_ERROR', `The card is ${card.status}; only an active card takes sales.`);
    }
    return ok({ locked, customerId: card.customerId });
  }
  const chosen = (await cardsOfCustomer(tx, merchantId, owner.customerId)).find((c) => c.status === 'active');
  if (!chosen) return ok({ locked: null, customerId: owner.customerId });
  const locked = await lockCardForUpdate(tx, merchantId, chosen.id);
  const card = locked?.card;
  if (!card || card.status !== 'active' || card.customerId !== owner.customerId) {
    throw new StaleCardChoiceError(chosen.id);
  }
  return ok({ locked, customerId: owner.customerId });
}

export async function loadSaleContext(
  tx: Tx,
  input: {
    merchantId: string;
    owner: SaleOwner;
    voucherNumbers: readonly string[];
    redeemPoints: number;
    now: string;
  },
): Promise<Result<LoadedSaleContext>> {
  const who = await lockedCard(tx, input.merchantId, input.owner);
  if (!who.ok) return who;
  const { locked, customerId } = who.value;
  const program = locked
    ? await loadLedgerProgram(tx, locked.card.programId, locked.programVersion)
    : NO_PROGRAM;
  const vouchers = await loadSaleVouchers(tx, input.merchantId, input.voucherNumbers);
  if (!locked) {
    return ok({
      program,
      card: null,
      customerId,
      summary: null,
      summaryVersion: null,
      lots: null,
      vouchers,
      rewardedSteps: [],
    });
  }
  const { card, context: read } = locked;
  const current = await currentSummary(tx, card.id, input.now, { stored: read.summary });
  const lots = needsLots(current.summary, input.redeemPoints)
    ? (current.lots ?? (await openLots(tx, card.id)))
    : null;
  const rewardedSteps = program.tiers.steps.some((s) => s.forcedUse) ? read.rewardedSteps : [];
  const godfather =
    (program.sponsorship?.godfatherPoints ?? 0) > 0 && card.customerId && program.id
      ? await godfatherToReward(tx, input.merchantId, card.customerId, program.id, read.godfatherId)
      : undefined;
  return ok({
    program,
    card: {
      id: card.id,
      number: card.number,
      status: card.status,
      customerId: card.customerId,
      discountMinor: card.discountMinor,
    },
    customerId,
    summary: current.summary,
    summaryVersion: current.storedVersion,
    lots,
    vouchers,
    rewardedSteps,
    sponsor:
      godfather && card.customerId
        ? { godchildId: card.customerId, godfatherCardId: godfather.godfatherCardId }
        : null,
  });
}
