/**
 * Registering elements as they already are (bulk registration, imports, demo data): an element of a type
 * with its status, customer, amount, dates and origin, and movements recorded against it (a sale's points,
 * a consumption) with the balance moved by the same conditional statements as administration.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { insertCards } from '../../db/repos/cards.repo.js';
import { findCustomerId } from '../../db/repos/customer-details.repo.js';
import * as elements from '../../db/repos/elements.repo.js';
import { findElementType } from '../../db/repos/element-types.repo.js';
import type { Deps } from '../context.js';
import { withUnitOfWork } from '../unit-of-work.js';

export interface ElementRegistration {
  number: string;
  typeCode: string;
  status: 'ENABLED' | 'DISABLED' | 'CANCELED';
  customerCode?: string | null;
  amount?: number;
  validFrom?: string | null;
  validTo?: string | null;
  createdAt: string;
  activatedAt?: string | null;
  origin?: { transactionId?: string | null; store?: string | null; terminal?: string | null };
}

export async function registerElement(
  deps: Deps,
  merchantId: string,
  r: ElementRegistration,
): Promise<Result<{ cardId: string }>> {
  return withUnitOfWork(deps, async (uow) => {
    const type = await findElementType(uow.tx, merchantId, r.typeCode);
    if (!type) return fail('PROGRAM_NOT_FOUND');
    const customerId = r.customerCode
      ? await findCustomerId(uow.tx, merchantId, { code: r.customerCode })
      : undefined;
    if (r.customerCode && !customerId) return fail('CUSTOMER_NOT_FOUND');
    const cardId = uow.newId('card');
    const active = r.status === 'ENABLED';
    await insertCards(uow.tx, [
      {
        id: cardId,
        merchantId,
        programId: type.programId,
        number: r.number,
        status: active ? 'active' : r.status === 'CANCELED' ? 'blocked' : customerId ? 'issued' : 'new',
        customerId: customerId ?? null,
        issuedAt: customerId ? r.createdAt : null,
        activatedAt: active ? (r.activatedAt ?? r.createdAt) : null,
        now: r.createdAt,
      },
    ]);
    const amount = r.amount ?? 0;
    await elements.insertElement(uow.tx, {
      card_id: cardId,
      merchant_id: merchantId,
      amount,
      amount_prev: 0,
      version: active ? 2 : 1,
      valid_from: r.validFrom ?? null,
      valid_to: r.validTo ?? null,
      cvv: null,
      agreement_id: null,
      origin_transaction: r.origin?.transactionId ?? null,
      origin_store: r.origin?.store ?? null,
      origin_terminal: r.origin?.terminal ?? null,
      consumed: 0,
      cancelled_at: r.status === 'CANCELED' ? r.createdAt : null,
      last_movement_at: null,
      created_at: r.createdAt,
    });
    if (active) {
      const at = r.activatedAt ?? r.createdAt;
      await elements.insertElementMovement(uow.tx, {
        id: uow.newId('emv'),
        merchant_id: merchantId,
        card_id: cardId,
        action: 'ACTIVATION',
        amount,
        amount_prev: null,
        amount_after: amount,
        transaction_id: null,
        store_code: r.origin?.store ?? null,
        terminal_code: r.origin?.terminal ?? null,
        customer_code: r.customerCode ?? null,
        reason: null,
        promotions: null,
        occurred_at: at,
        created_at: at,
      });
    }
    return ok({ cardId });
  });
}

export interface RecordedMovement {
  action: 'SALE' | 'CHARGE' | 'RECHARGE' | 'AMOUNT_UPDATE' | 'CONSUME' | 'EXTENDED_POINTS';
  /** Minor units; negative for a debit. */
  amount: number;
  occurredAt: string;
  recordedAt: string;
  transactionId?: string | null;
  store?: string | null;
  terminal?: string | null;
  promotions?: { name: string; code: string; dateRange: string | null }[] | null;
}

export async function recordElementMovement(
  deps: Deps,
  merchantId: string,
  number: string,
  m: RecordedMovement,
): Promise<Result<{ amount: number }>> {
  return withUnitOfWork(deps, async (uow) => {
    const element = await elements.findElement(uow.tx, merchantId, number);
    if (!element) return fail('CARD_NOT_FOUND');
    const change =
      m.amount >= 0
        ? await elements.creditElement(uow.tx, element.cardId, m.amount, m.recordedAt)
        : await elements.debitElement(uow.tx, element.cardId, -m.amount, m.recordedAt);
    if (!change) return fail('INSUFFICIENT_POINTS');
    await elements.insertElementMovement(uow.tx, {
      id: uow.newId('emv'),
      merchant_id: merchantId,
      card_id: element.cardId,
      action: m.action,
      amount: Math.abs(m.amount),
      amount_prev: change.before,
      amount_after: change.after,
      transaction_id: m.transactionId ?? null,
      store_code: m.store ?? null,
      terminal_code: m.terminal ?? null,
      customer_code: null,
      reason: null,
      promotions: m.promotions ? JSON.stringify(m.promotions) : null,
      occurred_at: m.occurredAt,
      created_at: m.recordedAt,
    });
    return ok({ amount: change.after });
  });
}
