/**
 * Customer erasure by code. Partial: every personal field becomes "-" (dates and channels emptied), the
 * customer code stays and the customer keeps its elements and history. Total: its loyalty elements are
 * cancelled for good (a CANCEL movement each; movements stay for accounting), then the record is anonymised
 * and loses its code and its details (customer-profiles' removal).
 */
import { eraseCustomer } from '../../core/customer/customer.js';
import * as customers from '../../db/repos/customers.repo.js';
import * as details from '../../db/repos/customer-details.repo.js';
import * as elements from '../../db/repos/elements.repo.js';
import type { Deps } from '../context.js';
import { saveCustomerProfile } from '../elements/customer-profiles.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { eraseImportPayloads } from '../customers/erase-import-payloads.js';
import { ok } from '../../core/error-catalog.js';

const DASH = '-';

export async function eraseCustomerByCode(
  deps: Deps,
  merchantId: string,
  code: string,
  mode: 'partial' | 'total',
): Promise<'erased' | 'NOT_FOUND'> {
  if (mode === 'total') {
    const customerId = await details.findCustomerId(deps.db, merchantId, { code });
    if (!customerId) return 'NOT_FOUND';
    await dropPayloadsNaming(deps, merchantId, customerId);
    await cancelElementsOf(deps, merchantId, customerId, code);
    const outcome = await saveCustomerProfile(
      deps,
      merchantId,
      'remove',
      {
        code,
        name: null,
        lastName: null,
        identificationType: null,
        identifier: null,
        customerType: null,
        address: null,
        active: false,
        details: details.NO_DETAILS,
        attributes: {},
      },
      null,
    );
    return outcome.ok ? 'erased' : 'NOT_FOUND';
  }
  let found = false;
  await withUnitOfWork(deps, async (uow) => {
    const id = await details.findCustomerId(uow.tx, merchantId, { code });
    const current = id ? await customers.findCustomer(uow.tx, merchantId, { id }) : undefined;
    if (!id || !current) return ok(null);
    found = true;
    await eraseImportPayloads(uow.tx, merchantId, id, current.data);
    const erased = eraseCustomer(current.data);
    await customers.updateCustomer(
      uow.tx,
      merchantId,
      id,
      {
        ...erased,
        firstName: DASH,
        lastName: DASH,
        customerCode: current.data.customerCode,
        identificationType: current.data.identificationType === null ? null : DASH,
        identificationNumber: current.data.identificationNumber === null ? null : DASH,
        address: { ...erased.address, line1: DASH },
        active: current.data.active,
        customerType: current.data.customerType,
      },
      code.toLowerCase(),
      uow.now,
    );
    await details.saveCustomerDetails(uow.tx, merchantId, id, {
      ...details.NO_DETAILS,
      gender_code: DASH,
      email: DASH,
      nationality: DASH,
      phone: DASH,
      address_country: DASH,
      address_state: DASH,
      address_city: DASH,
      postal_code: DASH,
    });
    return ok(null);
  });
  return found ? 'erased' : 'NOT_FOUND';
}

/** The stored contents of finished imports naming the customer go (spec §5.3 with GDPR's reach). */
async function dropPayloadsNaming(deps: Deps, merchantId: string, customerId: string) {
  await withUnitOfWork(deps, async (uow) => {
    const current = await customers.findCustomer(uow.tx, merchantId, { id: customerId });
    if (current) await eraseImportPayloads(uow.tx, merchantId, customerId, current.data);
    return ok(null);
  });
}

async function cancelElementsOf(deps: Deps, merchantId: string, customerId: string, code: string) {
  await withUnitOfWork(deps, async (uow) => {
    for (const e of await elements.elementsOfCustomer(uow.tx, merchantId, customerId)) {
      if (e.cancelledAt) continue;
      await elements.setElementState(uow.tx, e.cardId, {
        status: 'blocked',
        cancelledAt: uow.now,
        now: uow.now,
      });
      await elements.insertElementMovement(uow.tx, {
        id: uow.newId('emv'),
        merchant_id: merchantId,
        card_id: e.cardId,
        action: 'CANCEL',
        amount: 0,
        amount_prev: e.amount,
        amount_after: e.amount,
        transaction_id: null,
        store_code: null,
        terminal_code: null,
        customer_code: code,
        reason: 'customer erased',
        promotions: null,
        occurred_at: uow.now,
        created_at: uow.now,
      });
    }
    return ok(null);
  });
}
