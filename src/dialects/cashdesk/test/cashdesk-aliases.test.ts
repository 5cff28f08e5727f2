/** CashDesk, second pass: the /binto spelling of the seed's text, and card numbers past 2^53 as JSON numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { fixtures, type Fixtures } from './cashdesk-support.js';

const OK = { Status: true, Key: '', Value: '' };

describe.each(databases())('CashDesk aliases and numbers on $kind', (target) => {
  let h: Harness;
  let f: Fixtures;
  beforeAll(async () => {
    h = await createHarness(target);
    f = fixtures(h);
  });
  afterAll(async () => h?.close());

  it('binds through /binto (and /BinTo) as through /bindto', async () => {
    for (const path of ['/binto', '/BinTo']) {
      const card = await f.card('issued');
      const holder = await f.contact();
      const res = await f.call('administrator', {
        method: 'POST',
        url: path,
        payload: { Number: card.number, MobileNumber: holder.mobile },
      });
      expect(res.statusCode, path).toBe(200);
      expect(res.json(), path).toEqual(OK);
      const balance = await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` });
      expect(balance.json(), path).toMatchObject({ Status: true, MobileNumber: holder.mobile });
      // Bound already: the documented error key comes through the alias too.
      const again = await f.call('administrator', {
        method: 'POST',
        url: path,
        payload: { Number: card.number, MobileNumber: (await f.contact()).mobile },
      });
      expect(again.json(), path).toMatchObject({ Status: false, Key: 'CardNumberBindToAnotherContact' });
    }
  });

  it('refuses card numbers and codes sent as JSON numbers past 2^53, never rounded', async () => {
    const card = await f.card('active');
    // 2^53 + 1 reads as 2^53 once parsed: it must not name another card.
    const unsafe = `${card.number.length <= 15 ? '9007199254740993' : card.number}`;
    for (const payload of [
      `{"Number": ${unsafe}, "BlockReasonCode": 0}`,
      `{"Number": 9000000000000000009, "BlockReasonCode": 0}`,
      `{"Number": "${card.number}", "BlockReasonCode": 1e300}`,
    ]) {
      const res = await f.call('administrator', {
        method: 'POST',
        url: '/block',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json(), payload).toMatchObject({ Status: false, Key: 'InvalidRequest' });
    }
    // Safe integers still work, and the card was never blocked by the refused calls.
    const balance = await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` });
    expect(balance.json()).toMatchObject({ StatusCode: 2 });
    const blocked = await f.call('administrator', {
      method: 'POST',
      url: '/block',
      payload: `{"Number": ${Number(card.number)}, "BlockReasonCode": 0}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(blocked.json()).toEqual(OK);
  });
});
