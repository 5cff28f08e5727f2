/**
 * Customer enrolment is one unit of work: creating the customer, handing out the program's next card, and
 * issuing, binding and activating it commit together. A refusal at the card step leaves no customer behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProgramId, enrollCustomer } from '../src/app/customers/enroll-customer.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('enrolment as one unit of work on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(async () => h?.close());

  const customersNamed = async (lastName: string) =>
    (
      await h.deps.db
        .selectFrom('customers')
        .select('id')
        .where('merchant_id', '=', h.merchantId)
        .where('last_name', '=', lastName)
        .execute()
    ).length;

  it('hands out a card and activates it in the same transaction as the creation', async () => {
    const enrolled = await enrollCustomer(
      h.deps,
      h.merchantId,
      { lastName: 'Ensemble', firstName: 'Eva', mobile: '+33612340001', email: 'eva@example.com' },
      {},
    );
    expect(enrolled.ok, JSON.stringify(enrolled)).toBe(true);
    if (!enrolled.ok) return;
    expect(enrolled.value.cards).toHaveLength(1);
    const card = await h.deps.db
      .selectFrom('cards')
      .select(['status', 'customer_id'])
      .where('number', '=', enrolled.value.cards[0]!)
      .executeTakeFirstOrThrow();
    expect(card.customer_id).toBe(enrolled.value.id);
  });

  it('leaves no customer behind when no card is left to hand out', async () => {
    const programId = await defaultProgramId(h.deps, h.merchantId);
    expect(programId).not.toBeNull();
    // Every new card of the default program is taken: the card step of the enrolment must fail.
    await h.deps.db
      .updateTable('cards')
      .set({ status: 'blocked' })
      .where('program_id', '=', programId)
      .where('status', '=', 'new')
      .execute();
    const enrolled = await enrollCustomer(
      h.deps,
      h.merchantId,
      { lastName: 'Orphelin', firstName: 'Otto', mobile: '+33612340002' },
      {},
    );
    expect(enrolled.ok).toBe(false);
    if (enrolled.ok) return;
    expect(enrolled.code).toBe('NO_CARD_AVAILABLE');
    expect(await customersNamed('Orphelin')).toBe(0);
  });
});
