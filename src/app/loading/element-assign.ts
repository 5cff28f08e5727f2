/**
 * Assignment of an existing loyalty element to a customer and an agreement, with its amount set
 * (no sign: replaces), raised ("+") or lowered ("-"), in one unit of work. The element keeps its customer
 * if it has the same one; another customer is refused.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { AmountSign } from '../../core/elements/index.js';
import * as elements from '../../db/repos/elements.repo.js';
import { findCustomerId } from '../../db/repos/customer-details.repo.js';
import * as repo from '../../db/repos/loading.repo.js';
import type { Deps } from '../context.js';
import { withUnitOfWork } from '../unit-of-work.js';

export interface ElementAssignment {
  number: string;
  typeCode: string;
  agreementId: string;
  customerCode: string;
  amount: { minor: number; sign: AmountSign };
  transactionId: string;
}

export type AssignRefusal =
  | 'ELEMENT_NOT_FOUND'
  | 'TYPE_MISMATCH'
  | 'ELEMENT_CANCELLED'
  | 'OTHER_CUSTOMER'
  | 'CUSTOMER_NOT_FOUND'
  | 'INSUFFICIENT_AMOUNT';

/** Whether the element exists, is of the type and has no other customer (checked before a customer is made). */
export async function checkAssignable(
  deps: Deps,
  merchantId: string,
  a: Pick<ElementAssignment, 'number' | 'typeCode' | 'customerCode'>,
): Promise<AssignRefusal | null> {
  const element = await elements.findElement(deps.db, merchantId, a.number);
  if (!element) return 'ELEMENT_NOT_FOUND';
  if (element.typeCode !== a.typeCode) return 'TYPE_MISMATCH';
  if (element.cancelledAt) return 'ELEMENT_CANCELLED';
  if (element.customerCode && element.customerCode !== a.customerCode) return 'OTHER_CUSTOMER';
  return null;
}

export async function assignElement(
  deps: Deps,
  merchantId: string,
  a: ElementAssignment,
): Promise<Result<{ amount: number; changed: boolean }>> {
  return withUnitOfWork(deps, async (uow) => {
    const element = await elements.findElement(uow.tx, merchantId, a.number);
    if (!element) return fail('VALIDATION_FAILED', 'ELEMENT_NOT_FOUND');
    if (element.typeCode !== a.typeCode) return fail('VALIDATION_FAILED', 'TYPE_MISMATCH');
    if (element.cancelledAt) return fail('VALIDATION_FAILED', 'ELEMENT_CANCELLED');
    if (element.customerCode && element.customerCode !== a.customerCode)
      return fail('VALIDATION_FAILED', 'OTHER_CUSTOMER');
    const customerId = await findCustomerId(uow.tx, merchantId, { code: a.customerCode });
    if (!customerId) return fail('VALIDATION_FAILED', 'CUSTOMER_NOT_FOUND');
    let changed = false;
    if (!element.customerId) {
      if (!(await repo.setElementCustomer(uow.tx, element.cardId, customerId, uow.now)))
        return fail('VALIDATION_FAILED', 'OTHER_CUSTOMER');
      changed = true;
    }
    if (element.agreementId !== a.agreementId) {
      await repo.setElementAgreement(uow.tx, element.cardId, a.agreementId);
      changed = true;
    }
    const delta =
      a.amount.sign === '+'
        ? a.amount.minor
        : a.amount.sign === '-'
          ? -a.amount.minor
          : a.amount.minor - element.amount;
    let after = element.amount;
    if (delta !== 0) {
      const change =
        delta > 0
          ? await elements.creditElement(uow.tx, element.cardId, delta, uow.now)
          : await elements.debitElement(uow.tx, element.cardId, -delta, uow.now);
      if (!change) return fail('VALIDATION_FAILED', 'INSUFFICIENT_AMOUNT');
      after = change.after;
      await elements.insertElementMovement(uow.tx, {
        id: uow.newId('emv'),
        merchant_id: merchantId,
        card_id: element.cardId,
        action: 'AMOUNT_UPDATE',
        amount: Math.abs(delta),
        amount_prev: change.before,
        amount_after: change.after,
        transaction_id: a.transactionId,
        store_code: null,
        terminal_code: null,
        customer_code: a.customerCode,
        reason: null,
        promotions: null,
        occurred_at: uow.now,
        created_at: uow.now,
      });
      changed = true;
    }
    return ok({ amount: after, changed });
  });
}
