/**
 * GDPR erasure of what imports received: the stored content of a finished import that names the customer
 * (a CatalogCustomer item, a card assignment...) is dropped, as retention would drop it later; the import's
 * record (state, counts, errors) stays. A queued or running import keeps the items of the other customers:
 * each item naming the customer is replaced by a marker (`ERASED_ITEM`), which its loader reports as an error
 * at the item's record number and does not apply; content naming the customer outside any item goes whole
 * (the import then ends rejected: its content is missing). A running import's loader works on what it read
 * when it started; its stored content is redacted all the same.
 */
import { concernsCustomer, erasureTraces } from '../../core/customer/erasure-traces.js';
import type { CustomerData } from '../../core/customer/customer.js';
import {
  dropImportPayload,
  importPayloadsMentioning,
  replaceImportPayload,
} from '../../db/repos/erasure.repo.js';
import type { Tx } from '../../db/transaction.js';

/** What stands in a pending import's content for an item that named an erased customer. */
export const ERASED_ITEM = Object.freeze({ erasedItem: true });

export function isErasedItem(raw: unknown): boolean {
  return (
    !!raw &&
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    (raw as Record<string, unknown>).erasedItem === true &&
    Object.keys(raw).length === 1
  );
}

/** The content with every list element naming the customer replaced by the marker (pure). */
export function withoutItemsNaming(value: unknown, groups: readonly string[][]): unknown {
  if (Array.isArray(value))
    return value.map((element) =>
      concernsCustomer(JSON.stringify(element), groups) && !Array.isArray(element)
        ? ERASED_ITEM
        : withoutItemsNaming(element, groups),
    );
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withoutItemsNaming(v, groups)]),
    );
  return value;
}

export async function eraseImportPayloads(
  tx: Tx,
  merchantId: string,
  customerId: string,
  data: CustomerData,
): Promise<number> {
  const groups = erasureTraces(customerId, data);
  let dropped = 0;
  for (const row of await importPayloadsMentioning(tx, merchantId, groups.flat())) {
    if (!concernsCustomer(row.body, groups)) continue;
    await dropImportPayload(tx, row.import_id);
    dropped++;
  }
  for (const row of await importPayloadsMentioning(tx, merchantId, groups.flat(), 'pending')) {
    if (!concernsCustomer(row.body, groups)) continue;
    const redacted = JSON.stringify(withoutItemsNaming(JSON.parse(row.body) as unknown, groups));
    if (concernsCustomer(redacted, groups)) await dropImportPayload(tx, row.import_id);
    else await replaceImportPayload(tx, row.import_id, redacted);
    dropped++;
  }
  return dropped;
}
