/**
 * Many customer records (insert, update, insert-or-update; no element) saved in the caller's unit of work
 * with a handful of statements instead of several per record: one read of the records the batch names, one
 * reservation of references, multi-row inserts of the new customers and of their details, one update per
 * changed customer. Each record is planned in order against what the records before it did (a code inserted
 * earlier in the batch "already exists"), exactly as `saveCustomerProfile` would answer them one by one;
 * refused records write nothing. The writes sit in one savepoint: when one fails (a code taken meanwhile),
 * they are undone together and the error is thrown, for the caller to apply the records one by one.
 */
import { EMPTY_CUSTOMER, searchTextOf, type CustomerData } from '../../core/customer/customer.js';
import { applyCustomerInput } from '../../core/customer/validate-customer.js';
import { localDay } from '../../core/elements/index.js';
import * as details from '../../db/repos/customer-details.repo.js';
import * as customers from '../../db/repos/customers.repo.js';
import { inSavepoint } from '../../db/savepoint.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { nativeInput, type ProfileInput, type ProfileOutcome } from './customer-profiles.js';

export interface ProfileEntry {
  operation: 'insert' | 'update' | 'upsert';
  input: ProfileInput;
}

interface Planned {
  id: string;
  data: CustomerData;
  details: details.CustomerDetails;
  /** The customer existed before the batch (an update), or is new (an insert). */
  existed: boolean;
}

export async function saveCustomerProfiles(
  uow: UnitOfWork,
  merchantId: string,
  entries: readonly ProfileEntry[],
): Promise<ProfileOutcome[]> {
  if (entries.length === 0) return [];
  const zone = await details.merchantTimeZone(uow.tx, merchantId);
  const today = localDay(uow.now, zone).split('-').map(Number) as [number, number, number];
  const asOf = { year: today[0], month: today[1], day: today[2] };
  const codes = [...new Set(entries.map((e) => e.input.code))];
  const byCode = new Map<string, Planned>();
  for (const record of await customers.customersByCodes(uow.tx, merchantId, codes)) {
    const code = record.data.customerCode;
    if (code !== null && !byCode.has(code))
      byCode.set(code, { id: record.id, data: record.data, details: details.NO_DETAILS, existed: true });
  }
  const changed = new Map<string, Planned>(); // by id, in the order first planned
  const outcomes = entries.map((entry): ProfileOutcome => {
    const current = byCode.get(entry.input.code);
    if (entry.operation === 'insert' && current) return { ok: false, reason: 'ALREADY_EXISTS' };
    if (entry.operation === 'update' && !current) return { ok: false, reason: 'NOT_FOUND' };
    const applied = applyCustomerInput(current?.data ?? EMPTY_CUSTOMER, nativeInput(entry.input), asOf);
    if (!applied.ok)
      return { ok: false, reason: 'INVALID', message: applied.details?.[0]?.message ?? applied.message };
    const planned: Planned = {
      id: current?.id ?? uow.newId('cus'),
      data: applied.value,
      details: entry.input.details,
      existed: current?.existed ?? false,
    };
    byCode.set(entry.input.code, planned);
    changed.set(planned.id, planned);
    return { ok: true, effect: current ? 'updated' : 'inserted', element: null };
  });
  if (changed.size > 0)
    await inSavepoint(
      uow.tx,
      () => write(uow, merchantId, [...changed.values()]),
      () => true,
    );
  return outcomes;
}

async function write(uow: UnitOfWork, merchantId: string, planned: Planned[]): Promise<void> {
  const fresh = planned.filter((p) => !p.existed);
  if (fresh.length > 0) {
    const first = await customers.reserveCustomerRefs(uow.tx, merchantId, fresh.length);
    await customers.insertCustomers(
      uow.tx,
      fresh.map((p, i) => ({
        id: p.id,
        merchantId,
        ref: first + i,
        data: p.data,
        searchText: searchTextOf(p.data),
        now: uow.now,
      })),
    );
  }
  for (const p of planned)
    if (p.existed)
      await customers.updateCustomer(uow.tx, merchantId, p.id, p.data, searchTextOf(p.data), uow.now);
  await details.replaceManyCustomerDetails(
    uow.tx,
    merchantId,
    planned.map((p) => ({ customerId: p.id, details: p.details, existed: p.existed })),
  );
}
