/**
 * Avomark tickets resent across an upgrade. Earlier versions fingerprinted a ticket by the sale input the
 * mapping made of it, and that input changed (lines gained attributes, then lost their category); a ticket
 * posted before the upgrade and resent after it must still replay (200, its first answer), not be taken for
 * other content (103). The stored fingerprints below are written the way the earlier versions wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBody } from '../../../app/sales/body-hash.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';

const B = '/avomark';
let serial = 0;

const ticket = (receipt: string) => ({
  receipt,
  date: '2026-11-20T10:00:00Z',
  purchases: [
    {
      operation: { id: 1 },
      amount: 2290,
      quantity: 2,
      percentageDiscount: 0,
      item: { code: '0021147', label: 'CHAISE' },
      itemType: { code: '8', label: 'JARDIN' },
    },
    { operation: { id: 1 }, amount: 12.5, itemType: { code: 'DECO' } },
    { operation: { id: 0 }, amount: 3 },
  ],
});

/** The sale input the mapping made of `ticket` before lines had attributes (and, with them, after). */
function earlierInput(receipt: string, cardNumber: string, withAttributes: boolean) {
  const attributes = (a: object) => (withAttributes ? { attributes: a } : {});
  return {
    receipt,
    date: '2026-11-20T10:00:00Z',
    cardNumber,
    lines: [
      {
        operation: 'purchase',
        amount: 229000,
        quantity: 2,
        discountPercent: 0,
        category: 8,
        itemCode: '0021147',
        itemLabel: 'CHAISE',
        categoryLabel: 'JARDIN',
        ...attributes({ code: '0021147', type: '8' }),
      },
      {
        operation: 'purchase',
        amount: 1250,
        quantity: 1,
        discountPercent: 0,
        category: null,
        ...attributes({ type: 'DECO' }),
      },
      { operation: 'purchase', amount: 300, quantity: 1, discountPercent: 0, category: null },
    ],
  };
}

describe.each(databases())('Avomark tickets replayed across the upgrade on $kind', (target) => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await createHarness(target);
    const res = await h.app.inject({
      method: 'POST',
      url: `${B}/api/token`,
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    token = res.json().access_token;
  });
  afterAll(async () => h?.close());

  const api = (method: 'POST', url: string, payload: object) =>
    h.request({ method, url: `${B}${url}`, token, payload });
  const newCard = async (): Promise<string> => {
    const res = await api('POST', '/api/v1/customers', {
      lastname: 'Replay',
      firstname: 'Rémi',
      mobile: `+3363${String(Date.now() % 100_000).padStart(5, '0')}${String(serial++).padStart(2, '0')}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().cards[0];
  };
  /** Rewrites the stored fingerprint of a receipt's sale as an earlier version had stored it. */
  const storeEarlierHash = async (receipt: string, hash: string) => {
    const updated = await h.deps.db
      .updateTable('sales')
      .set({ body_hash: hash })
      .where('receipt', '=', receipt)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
  };

  it.each([
    ['before lines had attributes', false],
    ['when lines had attributes and a category', true],
  ])('a ticket stored %s replays with its first answer', async (_name, withAttributes) => {
    const card = await newCard();
    const receipt = `UPG-${target.kind}-${withAttributes ? 'A' : 'C'}`;
    const first = await api('POST', `/api/v1/cards/${card}/sales`, ticket(receipt));
    expect(first.statusCode, first.body).toBe(201);
    await storeEarlierHash(receipt, hashBody(earlierInput(receipt, card, withAttributes)));

    const again = await api('POST', `/api/v1/cards/${card}/sales`, ticket(receipt));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());

    const other = ticket(receipt);
    other.purchases[2]!.amount = 4;
    const changed = await api('POST', `/api/v1/cards/${card}/sales`, other);
    expect(changed.statusCode, changed.body).toBe(409);
    expect(changed.json().code).toBe(103);
  });

  it('a ticket posted now replays by its body as received, whatever the mapping makes of it', async () => {
    const card = await newCard();
    const receipt = `UPG-${target.kind}-N`;
    const first = await api('POST', `/api/v1/cards/${card}/sales`, ticket(receipt));
    expect(first.statusCode, first.body).toBe(201);
    const stored = await h.deps.db
      .selectFrom('sales')
      .select('body_hash')
      .where('receipt', '=', receipt)
      .executeTakeFirstOrThrow();
    expect(stored.body_hash).toBe(hashBody({ avomarkTicket: ticket(receipt), cardNumber: card }));
    const again = await api('POST', `/api/v1/cards/${card}/sales`, ticket(receipt));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
  });
});
