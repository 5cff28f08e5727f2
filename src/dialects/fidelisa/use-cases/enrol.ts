/**
 * Fidelisa has no card creation call: a customer created through it gets a card in each active program of
 * the shop (the shop's programs are its loyalty cards). The card is the next new card of the program, or a
 * new virtual one when the program has none in stock. A card is activated when the customer's data meets its
 * program's required fields; otherwise it stays issued and bound (the document has no update call that could
 * complete the data, so a shop whose program requires fields should not require more than creation sends).
 */
import type { CustomerInput } from '../../../core/customer/customer.js';
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import { findCustomer } from '../../../db/repos/customers.repo.js';
import type { Deps } from '../../../app/context.js';
import { createCustomer, type CustomerRecord } from '../../../app/customers/customers.js';
import { giveCard } from '../../../app/customers/enroll-customer.js';
import { createBatch, nextAvailable } from '../../../app/cards/cards-batch.js';
import { allPrograms } from './shops.js';

/** A card of the program for a new customer: one in stock, else a new one. */
async function cardOfProgram(deps: Deps, merchantId: string, programId: string): Promise<Result<string>> {
  const stocked = await nextAvailable(deps, merchantId, programId);
  if (stocked.ok) return ok(stocked.value.card.number);
  if (stocked.code !== 'NO_CARD_AVAILABLE') return stocked;
  const made = await createBatch(deps, merchantId, { programId, count: 1 });
  if (!made.ok) return made;
  return ok(made.value.numbers[0]!);
}

export async function createFidelisaCustomer(
  deps: Deps,
  merchantId: string,
  input: CustomerInput,
): Promise<Result<CustomerRecord>> {
  const created = await createCustomer(deps, merchantId, input);
  if (!created.ok) return created;
  for (const program of (await allPrograms(deps, merchantId)).filter((p) => p.active)) {
    const number = await cardOfProgram(deps, merchantId, program.id);
    if (!number.ok) return number;
    const given = await giveCard(deps, merchantId, created.value.id, number.value);
    if (!given.ok) return given;
  }
  const found = await findCustomer(deps.db, merchantId, { id: created.value.id });
  return found ? ok(found) : fail('CUSTOMER_NOT_FOUND');
}
