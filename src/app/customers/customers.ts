import {
  EMPTY_CUSTOMER,
  eraseCustomer,
  searchTextOf,
  type CustomerInput,
} from '../../core/customer/customer.js';
import { applyCustomerInput, type Today } from '../../core/customer/validate-customer.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { DuplicateError } from '../../db/errors.js';
import * as repo from '../../db/repos/customers.repo.js';
import { listPrograms } from '../../db/repos/programs.repo.js';
import { inTransaction, type Tx } from '../../db/transaction.js';
import { enqueueOutbox } from '../messaging/enqueue.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { eraseStoredTraces } from './erase-traces.js';

export type { CustomerRecord } from '../../db/repos/customers.repo.js';
type CustomerRecord = repo.CustomerRecord;

function today(deps: Deps): Today {
  const d = deps.now();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const activePrograms = async (tx: Tx, merchantId: string) =>
  (await listPrograms(tx, merchantId, { limit: 100 })).filter((p) => p.active);

/** Whether the merchant's default program (its first active one) lets customers share a mobile number. */
async function mobilesShared(tx: Tx, merchantId: string): Promise<boolean> {
  return (await activePrograms(tx, merchantId))[0]?.sharedMobiles ?? false;
}

async function checkGodfather(
  tx: Tx,
  merchantId: string,
  customerId: string | null,
  previous: string | null,
  next: string | null,
): Promise<Result<null>> {
  if (next === previous || next === null) return ok(null);
  if (!(await activePrograms(tx, merchantId)).some((p) => p.sponsorship !== null)) {
    return fail('SPONSORSHIP_NOT_ACTIVATED');
  }
  if (previous !== null) return fail('GODFATHER_ALREADY_SET');
  if (next === customerId) return fail('GODFATHER_SELF');
  const godfather = await repo.findCustomer(tx, merchantId, { id: next });
  return godfather ? ok(null) : fail('GODFATHER_NOT_FOUND');
}

function duplicateToFailure(error: unknown): Result<never> {
  if (error instanceof DuplicateError) return fail('CUSTOMER_CODE_TAKEN');
  throw error;
}

/**
 * Creates a customer. With `uniqueMobile`, a mobile another customer of the merchant has is refused
 * (MOBILE_TAKEN) unless the merchant's default program allows shared numbers (sharedMobiles); the check runs after the merchant row is locked by the reference counter, so two
 * concurrent creations with one mobile cannot both pass.
 */
export async function createCustomer(
  deps: Deps,
  merchantId: string,
  input: CustomerInput,
  options: { ref?: number; uniqueMobile?: boolean } = {},
): Promise<Result<CustomerRecord>> {
  const applied = applyCustomerInput(EMPTY_CUSTOMER, input, today(deps));
  if (!applied.ok) return applied;
  const data = applied.value;
  const id = newId('cus');
  try {
    return await inTransaction(deps.db, async (tx) => {
      const sponsor = await checkGodfather(tx, merchantId, id, null, data.godfatherId);
      if (!sponsor.ok) return sponsor;
      const ref = await repo.nextCustomerRef(tx, merchantId, options.ref);
      if (options.uniqueMobile && data.mobile !== null && !(await mobilesShared(tx, merchantId))) {
        const holder = await repo.findCustomer(tx, merchantId, { mobile: data.mobile });
        if (holder) {
          return fail('MOBILE_TAKEN', `Customer ${holder.ref} already has the mobile number ${data.mobile}.`);
        }
      }
      const now = deps.now().toISOString();
      await repo.insertCustomer(tx, { id, merchantId, ref, data, searchText: searchTextOf(data), now });
      const created = await repo.findCustomer(tx, merchantId, { id });
      if (created)
        await enqueueOutbox(tx, now, {
          merchantId,
          channel: 'webhook',
          event: 'customer.created',
          data: {
            customerId: id,
            ref,
            email: data.email,
            mobile: data.mobile,
            firstName: data.firstName,
            lastName: data.lastName,
          },
        });
      return created ? ok(created) : fail('INTERNAL');
    });
  } catch (error) {
    return duplicateToFailure(error);
  }
}

export async function getCustomer(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<CustomerRecord>> {
  const found = await repo.findCustomer(deps.db, merchantId, { id });
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND');
}

export async function findCustomerBy(
  deps: Deps,
  merchantId: string,
  by: Parameters<typeof repo.findCustomer>[2],
): Promise<Result<CustomerRecord>> {
  const found = await repo.findCustomer(deps.db, merchantId, by);
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND');
}

export async function updateCustomer(
  deps: Deps,
  merchantId: string,
  id: string,
  input: CustomerInput,
): Promise<Result<CustomerRecord>> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      const current = await repo.findCustomer(tx, merchantId, { id });
      if (!current) return fail('CUSTOMER_NOT_FOUND');
      const applied = applyCustomerInput(current.data, input, today(deps));
      if (!applied.ok) return applied;
      const data = applied.value;
      const sponsor = await checkGodfather(tx, merchantId, id, current.data.godfatherId, data.godfatherId);
      if (!sponsor.ok) return sponsor;
      await repo.updateCustomer(tx, merchantId, id, data, searchTextOf(data), deps.now().toISOString());
      const updated = await repo.findCustomer(tx, merchantId, { id });
      return updated ? ok(updated) : fail('CUSTOMER_NOT_FOUND');
    });
  } catch (error) {
    return duplicateToFailure(error);
  }
}

/**
 * GDPR erasure: personal data is anonymised, in the row and in the stored answers and log entries that named the
 * customer; the row, its ledger and its sales stay for accounting.
 */
export async function eraseCustomerById(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ id: string }>> {
  return inTransaction(deps.db, async (tx) => {
    const current = await repo.findCustomer(tx, merchantId, { id });
    if (!current) return fail('CUSTOMER_NOT_FOUND');
    const now = deps.now().toISOString();
    await repo.updateCustomer(tx, merchantId, id, eraseCustomer(current.data), '', now, now);
    await eraseStoredTraces(tx, merchantId, id, current.data);
    await enqueueOutbox(tx, now, {
      merchantId,
      channel: 'webhook',
      event: 'customer.erased',
      data: { customerId: id, erasedAt: now },
    });
    return ok({ id });
  });
}

export interface CustomerPage {
  data: CustomerRecord[];
  nextCursor: string | null;
}

export async function listCustomers(
  deps: Deps,
  merchantId: string,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined },
): Promise<Result<CustomerPage>> {
  const q = query.q?.trim();
  if (q !== undefined && q.length < 3) return fail('SEARCH_TOO_SHORT');
  let after: string | undefined;
  if (query.cursor) {
    const decoded = decodeCursor(query.cursor);
    if (decoded === undefined) return fail('INVALID_CURSOR');
    after = decoded;
  }
  const rows = await repo.listCustomers(deps.db, merchantId, {
    limit: query.limit + 1,
    after,
    q,
    dbKind: deps.dbKind,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return ok({ data: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null });
}
