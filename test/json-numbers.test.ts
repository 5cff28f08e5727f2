/**
 * JSON numbers past 2^53 are rounded by any JSON parser before a route sees them: a CashDesk card number
 * 9000000000000000009 sent as a number became …000 and blocked another customer's card. Such numbers are
 * refused with a 400 in every API; bodies that are not valid UTF-8 too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';

const basic = `Basic ${Buffer.from('cd-cashier:cashier').toString('base64')}`;

describe.each(databases())('numbers past 2^53 and broken UTF-8 on $kind', (target) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  it('CashDesk: refuses a card number sent as an unsafe JSON number instead of blocking a rounded one', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/cashdesk/api/card/block',
      headers: { authorization: basic, 'content-type': 'application/json' },
      payload: '{"Number": 9000000000000000009, "BlockReasonCode": 0}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ Status: false, Key: 'InvalidRequest' });
    expect(res.json().Value).toMatch(/Number.*2\^53/);
  });

  it('/v1 and Avomark refuse unsafe numbers anywhere in a body, with their own error format', async () => {
    const v1 = await h.request({
      method: 'POST',
      url: '/v1/adjustments',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"cardNumber": "1", "points": 18014398509481984, "reason": "x"}',
    });
    expect(v1.statusCode).toBe(400);
    expect(v1.json().error.code).toBe('VALIDATION_FAILED');
    const avomark = await h.request({
      method: 'POST',
      url: '/avomark/api/v1/customers',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"id": 123456789012345678901, "lastName": "X"}',
    });
    expect(avomark.statusCode).toBe(400);
    expect(avomark.statusCode).toBeLessThan(500);
  });

  it('refuses a body that is not valid UTF-8 instead of reading U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"lastName": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'MALFORMED_BODY',
      message: expect.stringMatching(/not valid UTF-8/),
    });
  });
});
