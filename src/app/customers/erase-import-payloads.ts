/**
 * GDPR erasure of what imports received: the stored content of a finished import that names the customer
 * (a CatalogCustomer item, a card assignment...) is dropped, as retention would drop it later; the import's
 * record (state, counts, errors) stays. A queued or running import keeps its content until it is processed.
 */
import { concernsCustomer, erasureTraces } from '../../core/customer/erasure-traces.js';
import type { CustomerData } from '../../core/customer/customer.js';
import { dropImportPayload, importPayloadsMentioning } from '../../db/repos/erasure.repo.js';
import type { Tx } from '../../db/transaction.js';

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
  return dropped;
}
