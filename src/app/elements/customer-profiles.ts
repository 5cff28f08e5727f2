/**
 * Customers as integrating systems keep them: the native record plus the details it has no column for
 * (codes of gender, nationality, state and city, day dates, the phone and e-mail as sent, segments), and the
 * customer's loyalty elements. Created, updated and removed record by record; `autoCard` gives a new
 * customer an element of a type, numbered from the type's prefix and the customer's document number.
 */
import {
  EMPTY_CUSTOMER,
  eraseCustomer,
  searchTextOf,
  type CustomerInput,
} from '../../core/customer/customer.js';
import { applyCustomerInput } from '../../core/customer/validate-customer.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { addDays, customerElementNumber, localDay } from '../../core/elements/index.js';
import { DuplicateError, translateDbError } from '../../db/errors.js';
import { insertCards } from '../../db/repos/cards.repo.js';
import * as details from '../../db/repos/customer-details.repo.js';
import * as customers from '../../db/repos/customers.repo.js';
import * as elements from '../../db/repos/elements.repo.js';
import { findElementType } from '../../db/repos/element-types.repo.js';
import type { Deps } from '../context.js';
import { eraseImportPayloads } from '../customers/erase-import-payloads.js';
import { withUnitOfWork, type UnitOfWork } from '../unit-of-work.js';

export type CustomerDetails = details.CustomerDetails;

export interface CustomerProfile {
  record: customers.CustomerRecord;
  details: CustomerDetails;
  elements: elements.ElementRecord[];
}

export async function findCustomerProfile(
  deps: Deps,
  merchantId: string,
  by: { code: string } | { identificationType: string; identifier: string },
): Promise<CustomerProfile | undefined> {
  const id = await details.findCustomerId(deps.db, merchantId, by);
  if (!id) return undefined;
  const record = await customers.findCustomer(deps.db, merchantId, { id });
  if (!record) return undefined;
  return {
    record,
    details: (await details.findCustomerDetails(deps.db, id)) ?? details.NO_DETAILS,
    elements: await elements.elementsOfCustomer(deps.db, merchantId, id),
  };
}

export interface ProfileInput {
  code: string;
  name: string | null;
  lastName: string | null;
  identificationType: string | null;
  identifier: string | null;
  customerType: string | null;
  address: string | null;
  active: boolean;
  details: CustomerDetails;
  attributes: Record<string, string>;
}

export type ProfileOperation = 'insert' | 'update' | 'upsert' | 'remove';

export type ProfileOutcome =
  | { ok: true; effect: 'inserted' | 'updated' | 'removed'; element: string | null }
  | {
      ok: false;
      reason:
        | 'NOT_FOUND'
        | 'ALREADY_EXISTS'
        | 'INVALID'
        | 'TYPE_NOT_FOUND'
        | 'ELEMENT_NUMBER_TAKEN'
        | 'ELEMENT_NUMBER_INVALID';
      message?: string;
    };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function nativeInput(p: ProfileInput): CustomerInput {
  const birth = p.details.birth_date?.split('-').map(Number);
  const gender = (p.details.gender_code ?? '').toLowerCase();
  return {
    firstName: p.name,
    lastName: p.lastName,
    gender: ['m', 'h', 'hom', 'male'].includes(gender)
      ? 'male'
      : ['f', 'mujer', 'female'].includes(gender)
        ? 'female'
        : null,
    birthYear: birth?.[0] ?? null,
    birthMonth: birth?.[1] ?? null,
    birthDay: birth?.[2] ?? null,
    email: p.details.email && EMAIL.test(p.details.email) ? p.details.email : null,
    customerType: p.customerType,
    identificationType: p.identificationType,
    identificationNumber: p.identifier,
    customerCode: p.code,
    active: p.active,
    address: { line1: p.address ? p.address.slice(0, 40) : null },
    attributes: p.attributes,
  };
}

async function giveElement(
  uow: UnitOfWork,
  merchantId: string,
  customerId: string,
  identifier: string | null,
  typeCode: string,
  zone: string | null,
): Promise<Result<string | null>> {
  const type = await findElementType(uow.tx, merchantId, typeCode);
  if (!type) return fail('PROGRAM_NOT_FOUND');
  const held = await elements.elementsOfCustomer(uow.tx, merchantId, customerId);
  if (held.some((e) => e.typeCode === typeCode)) return ok(null);
  const range = type.ranges.find((r) => r.suggested) ?? type.ranges[0];
  const numbered = customerElementNumber(
    range ? String(range.start) : '',
    identifier ?? '',
    type.numberLength,
  );
  if (!numbered.ok) return fail('CARD_NUMBER_INVALID');
  const taken = await elements.findElement(uow.tx, merchantId, numbered.number);
  if (taken) return fail('CARD_NUMBER_TAKEN');
  const cardId = uow.newId('card');
  await insertCards(uow.tx, [
    {
      id: cardId,
      merchantId,
      programId: type.programId,
      number: numbered.number,
      status: 'active',
      customerId,
      issuedAt: uow.now,
      activatedAt: uow.now,
      now: uow.now,
    },
  ]);
  const today = localDay(uow.now, zone);
  await elements.insertElement(uow.tx, {
    card_id: cardId,
    merchant_id: merchantId,
    amount: type.initialAmount,
    amount_prev: 0,
    version: 2,
    valid_from: type.validityDays !== null ? today : null,
    valid_to: type.validityDays !== null ? addDays(today, type.validityDays) : null,
    cvv: null,
    agreement_id: null,
    origin_transaction: null,
    origin_store: null,
    origin_terminal: null,
    consumed: 0,
    cancelled_at: null,
    last_movement_at: null,
    created_at: uow.now,
  });
  await elements.insertElementMovement(uow.tx, {
    id: uow.newId('emv'),
    merchant_id: merchantId,
    card_id: cardId,
    action: 'ACTIVATION',
    amount: type.initialAmount,
    amount_prev: null,
    amount_after: type.initialAmount,
    transaction_id: null,
    store_code: null,
    terminal_code: null,
    customer_code: null,
    reason: null,
    promotions: null,
    occurred_at: uow.now,
    created_at: uow.now,
  });
  return ok(numbered.number);
}

/** Applies one customer record (insert, update, insert-or-update, remove), with its element when asked. */
export async function saveCustomerProfile(
  deps: Deps,
  merchantId: string,
  operation: ProfileOperation,
  input: ProfileInput,
  autoCard: string | null,
): Promise<ProfileOutcome> {
  const zone = await details.merchantTimeZone(deps.db, merchantId);
  let outcome: ProfileOutcome | null = null;
  const refuse = (o: ProfileOutcome) => {
    outcome = o;
    return fail('VALIDATION_FAILED');
  };
  try {
    await withUnitOfWork(deps, async (uow) => {
      outcome = null;
      const existingId = await details.findCustomerId(uow.tx, merchantId, { code: input.code });
      const current = existingId
        ? await customers.findCustomer(uow.tx, merchantId, { id: existingId })
        : undefined;
      if (operation === 'remove') {
        if (!current) return refuse({ ok: false, reason: 'NOT_FOUND' });
        // What imports received about the customer goes too (finished: dropped; pending: its items redacted).
        await eraseImportPayloads(uow.tx, merchantId, current.id, current.data);
        const erased = eraseCustomer(current.data);
        await customers.updateCustomer(uow.tx, merchantId, current.id, erased, '', uow.now, uow.now);
        await details.deleteCustomerDetails(uow.tx, current.id);
        await uow.enqueue({
          merchantId,
          channel: 'webhook',
          event: 'customer.erased',
          data: { customerId: current.id, erasedAt: uow.now },
        });
        outcome = { ok: true, effect: 'removed', element: null };
        return ok(null);
      }
      if (operation === 'insert' && current) return refuse({ ok: false, reason: 'ALREADY_EXISTS' });
      if (operation === 'update' && !current) return refuse({ ok: false, reason: 'NOT_FOUND' });
      const today = localDay(uow.now, zone).split('-').map(Number) as [number, number, number];
      const applied = applyCustomerInput(current?.data ?? EMPTY_CUSTOMER, nativeInput(input), {
        year: today[0],
        month: today[1],
        day: today[2],
      });
      if (!applied.ok)
        return refuse({
          ok: false,
          reason: 'INVALID',
          message: applied.details?.[0]?.message ?? applied.message,
        });
      const data = applied.value;
      let customerId: string;
      if (current) {
        customerId = current.id;
        await customers.updateCustomer(uow.tx, merchantId, customerId, data, searchTextOf(data), uow.now);
      } else {
        customerId = uow.newId('cus');
        const ref = await customers.nextCustomerRef(uow.tx, merchantId);
        await customers.insertCustomer(uow.tx, {
          id: customerId,
          merchantId,
          ref,
          data,
          searchText: searchTextOf(data),
          now: uow.now,
        });
      }
      await details.saveCustomerDetails(uow.tx, merchantId, customerId, input.details);
      let element: string | null = null;
      if (autoCard) {
        const given = await giveElement(uow, merchantId, customerId, input.identifier, autoCard, zone);
        if (!given.ok) {
          const reason =
            given.code === 'PROGRAM_NOT_FOUND'
              ? 'TYPE_NOT_FOUND'
              : given.code === 'CARD_NUMBER_TAKEN'
                ? 'ELEMENT_NUMBER_TAKEN'
                : 'ELEMENT_NUMBER_INVALID';
          return refuse({ ok: false, reason });
        }
        element = given.value;
      }
      outcome = { ok: true, effect: current ? 'updated' : 'inserted', element };
      return ok(null);
    });
  } catch (error) {
    // Joined to a caller's transaction (an import's batch), the driver's error comes untranslated.
    if (translateDbError(error) instanceof DuplicateError) return { ok: false, reason: 'ALREADY_EXISTS' };
    throw error;
  }
  return outcome ?? { ok: false, reason: 'INVALID' };
}
