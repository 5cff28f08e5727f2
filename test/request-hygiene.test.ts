/**
 * Issue 10, item 14 (what was accepted though wrong): characters that disguise text in names and other free
 * text; form-encoded bodies on JSON-only routes; cross-site requests on the Basic-auth dialect (CashDesk),
 * whose documented GETs /issue and /active change a card's state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, type Fixtures } from '../src/dialects/cashdesk/test/cashdesk-support.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(databases())('request hygiene on $kind', (target) => {
  let h: Harness;
  let token: string;
  let avomark: string;
  let f: Fixtures;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    const res = await h.app.inject({
      method: 'POST',
      url: '/avomark/api/token',
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    avomark = res.json().access_token;
    f = fixtures(h);
  });
  afterAll(() => h.close());

  // Raw JSON text, so that lone surrogates travel as the escapes a client would send.
  const customer = (body: string) =>
    h.request({ method: 'POST', url: '/v1/customers', token, headers: json, payload: body });

  it.each([
    ['a right-to-left override', '{"lastName":"Smith\\u202Egnp.exe"}', /lastName.*U\+202E/],
    ['a first-strong isolate', '{"lastName":"A","firstName":"\\u2068Bob"}', /firstName.*U\+2068/],
    ['a zero-width space', '{"lastName":"Ad\\u200Bmin"}', /U\+200B/],
    ['a byte-order mark', '{"lastName":"Admin\\uFEFF"}', /U\+FEFF/],
    ['a noncharacter', '{"lastName":"X\\uFFFF"}', /noncharacter U\+FFFF/],
    ['a lone surrogate', '{"lastName":"X\\uD800"}', /lone surrogate/],
    ['a bidi control in an address', '{"lastName":"Y","address":{"city":"\\u202DParis"}}', /city.*U\+202D/],
    ['a bidi control in an attribute key', '{"lastName":"Y","attributes":{"a\\u202E":1}}', /U\+202E/],
  ])('/v1 refuses %s with a 400 naming the field and the character', async (_what, body, message) => {
    const res = await customer(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(message);
  });

  it('/v1 keeps emoji sequences, Persian joiners and right-to-left marks', async () => {
    const res = await customer(
      JSON.stringify({
        lastName: 'می\u200Cخواهم',
        firstName: 'Zoë 👩\u200D👩\u200D👧',
        source: 'שלום\u200F',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lastName).toBe('می\u200Cخواهم');
  });

  it('Avomark refuses a bidi override in a name, in its own error format', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/avomark/api/v1/customers',
      token: avomark,
      headers: json,
      payload: '{"lastname":"Dupont\\u202E","mobile":"+33611119999"}',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('U+202E');
    expect(res.json().error).toBeUndefined();
  });

  it('a form-encoded body on a JSON-only route is a 415, not read as JSON', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      headers: form,
      payload: 'lastName=Formby&firstName=Fred',
    });
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(res.json().error.message).toMatch(/application\/json/);
    const found = await h.request({ method: 'GET', url: '/v1/customers?q=formby', token });
    expect(found.json().data).toEqual([]);
  });

  it('the same in a dialect (Avomark ticket, CashDesk bind), in its format', async () => {
    const ticket = await h.request({
      method: 'POST',
      url: '/avomark/api/v1/cards/3660298205012/sales',
      token: avomark,
      headers: form,
      payload: 'receipt=F1&date=2026-11-20',
    });
    expect(ticket.statusCode, ticket.body).toBe(415);
    const card = await f.card('issued');
    const bind = await f.call('cashier', {
      method: 'POST',
      url: '/bindto',
      headers: form,
      payload: `Number=${card.number}&ContactMobileNumber=%2B33600000000`,
    });
    expect(bind.statusCode, bind.body).toBe(415);
    expect(bind.json()).toMatchObject({ Status: false, Key: 'InvalidRequest' });
  });

  it('the token routes still take form bodies', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: form,
      payload: 'grant_type=client_credentials&client_id=demo-pos&client_secret=demo-secret',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  describe('CashDesk refuses cross-site requests (browsers remember Basic credentials)', () => {
    const status = async (number: string) =>
      (await f.call('cashier', { method: 'GET', url: `/balance/by/${number}` })).json().StatusName;

    it.each([
      ['an Origin of another site', { origin: 'https://evil.example' }],
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
      ['Origin: null (a sandboxed page)', { origin: 'null' }],
    ])('GET /issue with %s: 403 AccessDenied, the card unchanged', async (_what, headers) => {
      const card = await f.card('new');
      const res = await f.call('cashier', { method: 'GET', url: `/issue?Number=${card.number}`, headers });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ Status: false, Key: 'AccessDenied' });
      expect(res.json().Value).toMatch(/Cross-site request refused/);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(await status(card.number)).toBe('New');
    });

    it.each([
      ['no browser header (a till)', {}],
      ['its own origin', { origin: 'http://localhost:80', host: 'localhost:80' }],
      ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
      ['Sec-Fetch-Site: none (typed in the address bar)', { 'sec-fetch-site': 'none' }],
    ])('GET /issue with %s goes through', async (_what, headers) => {
      const card = await f.card('new');
      const res = await f.call('cashier', { method: 'GET', url: `/issue?Number=${card.number}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      expect(await status(card.number)).toBe('Issued');
    });
  });
});
