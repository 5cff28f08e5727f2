/**
 * The context of a sale, resolved before its transaction: the store and terminal it happened at, and the
 * card and customer it belongs to.
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { cardsOfCustomer, findCardByNumber, type CardRecord } from '../../db/repos/cards.repo.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';

/** Where the sale happened: the store named, or the caller's terminal's store. */
export async function resolvePlace(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: { storeCode?: string | undefined; terminalCode?: string | undefined },
): Promise<Result<{ storeId: string; terminalId: string | null }>> {
  const own =
    caller.terminalId !== null
      ? await sales.findTerminal(deps.db, merchantId, { id: caller.terminalId })
      : undefined;
  let storeId: string | undefined;
  if (input.storeCode !== undefined) {
    const store = await sales.findStoreByCode(deps.db, merchantId, input.storeCode);
    if (!store) return fail('STORE_NOT_FOUND', `No store has the code "${input.storeCode}".`);
    storeId = store.id;
  } else if (own) storeId = own.store_id;
  if (storeId === undefined) {
    return fail('VALIDATION_FAILED', 'storeCode is required (the caller has no terminal).', [
      detail('VALIDATION_FAILED', 'storeCode', 'storeCode is required'),
    ]);
  }
  if (input.terminalCode !== undefined) {
    const terminal = await sales.findTerminal(deps.db, merchantId, { code: input.terminalCode });
    if (!terminal || terminal.store_id !== storeId) {
      return fail('TERMINAL_NOT_FOUND', `The store has no terminal "${input.terminalCode}".`);
    }
    return ok({ storeId, terminalId: terminal.id });
  }
  return ok({ storeId, terminalId: own && own.store_id === storeId ? own.id : null });
}

/** Whose sale it is: the card given (which must be active), or the customer's active card if any. */
export async function resolveCard(
  deps: Deps,
  merchantId: string,
  input: { cardNumber?: string | undefined; customerId?: string | undefined },
): Promise<Result<{ card: CardRecord | null; customerId: string | null }>> {
  if (input.cardNumber !== undefined) {
    const card = await findCardByNumber(deps.db, merchantId, input.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    if (input.customerId !== undefined && card.customerId !== input.customerId) {
      return fail('CARD_BOUND_TO_ANOTHER_CUSTOMER');
    }
    if (card.status !== 'active') {
      return fail('CARD_STATUS_ERROR', `The card is ${card.status}; only an active card takes sales.`);
    }
    return ok({ card, customerId: card.customerId });
  }
  if (input.customerId !== undefined) {
    if (!(await customerExists(deps.db, merchantId, input.customerId))) return fail('CUSTOMER_NOT_FOUND');
    const cards = await cardsOfCustomer(deps.db, merchantId, input.customerId);
    return ok({ card: cards.find((c) => c.status === 'active') ?? null, customerId: input.customerId });
  }
  return fail('VALIDATION_FAILED', 'Give cardNumber or customerId.', [
    detail('VALIDATION_FAILED', 'cardNumber', 'cardNumber or customerId is required'),
  ]);
}
