/**
 * What the tills of every dialect send and the documents allow: bodies in a declared charset (ISO-8859-1,
 * windows-1252), null for unset members, an empty body where none is defined, an Accept header listing JSON
 * and XML equally. Bad bytes and unknown charsets are refused in each dialect's error format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AVOMARK } from '../../src/dialects/avomark/demo/demo-avomark.js';
import { DEMO_CARDS } from '../../src/app/demo/demo-loyalty.js';
import { createHarness, databases, type Harness } from '../support/harness.js';
import { fixtures, type Fixtures } from '../../src/dialects/cashdesk/test/cashdesk-support.js';
import { DEMO_SIGNER, fidelisaHeaders } from '../../src/dialects/fidelisa/test/fidelisa-support.js';

/** RestSharp's default Accept header: JSON and XML types, all at q=1. */
const RESTSHARP_ACCEPT =
  'application/json, text/json, text/x-json, text/javascript, application/xml, text/xml';
const LATIN1 = 'application/json; charset=iso-8859-1';
/** "Cœur" in windows-1252: œ is 0x9C, a byte ISO-8859-1 leaves to a control character. */
const coeurCp1252 = (json: (name: string) => string) =>
  Buffer.concat([
    Buffer.from(json('C').split('C')[0]!, 'latin1'),
    Buffer.from([0x43, 0x9c, 0x75, 0x72]),
    Buffer.from(json('C').split('C')[1]!, 'latin1'),
  ]);

describe.each(databases())('dialect bodies on $kind', (target) => {
  let h: Harness;
  let token: string;
  let f: Fixtures;
  let serial = 0;
  const mobile = () => `+3361${String(Date.now() % 1_000_000).padStart(6, '0')}${serial++ % 10}`;

  beforeAll(async () => {
    h = await createHarness(target);
    f = fixtures(h);
    const res = await h.app.inject({
      method: 'POST',
      url: '/avomark/api/token',
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    token = res.json().access_token;
  });
  afterAll(async () => h?.close());

  const avomark = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = {}) =>
    h.request({
      method,
      url: `/avomark${url}`,
      token,
      headers,
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const fidelisa = (method: 'GET' | 'POST', url: string, payload?: unknown, headers = {}) =>
    h.request({
      method,
      url: `/fidelisa${url}`,
      headers: { ...fidelisaHeaders(DEMO_SIGNER, true), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  describe('character sets', () => {
    it('Avomark: decodes ISO-8859-1 and windows-1252 bodies as declared', async () => {
      const latin1 = Buffer.from(JSON.stringify({ lastname: 'Hélène', noFidelity: true }), 'latin1');
      const res = await avomark('POST', '/api/v1/customers', latin1, { 'content-type': LATIN1 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().lastname).toBe('Hélène');
      const cp1252 = coeurCp1252((n) => JSON.stringify({ lastname: n, noFidelity: true }));
      const res2 = await avomark('POST', '/api/v1/customers', cp1252, {
        'content-type': 'application/json; charset=windows-1252',
      });
      expect(res2.statusCode, res2.body).toBe(201);
      expect(res2.json().lastname).toBe('Cœur');
      // Declared as ISO-8859-1 (WHATWG reads it as its superset windows-1252): the same.
      const res3 = await avomark('POST', '/api/v1/customers', cp1252, { 'content-type': LATIN1 });
      expect(res3.json().lastname).toBe('Cœur');
    });

    it('refuses invalid UTF-8 without a charset, and unknown charsets, in each format', async () => {
      const bad = Buffer.from(JSON.stringify({ lastname: 'Hélène', noFidelity: true }), 'latin1');
      const a = await avomark('POST', '/api/v1/customers', bad, { 'content-type': 'application/json' });
      expect(a.statusCode).toBe(400);
      expect(a.json()).toMatchObject({ code: 0, message: expect.stringMatching(/UTF-8/) });
      const unknown = await avomark('POST', '/api/v1/customers', bad, {
        'content-type': 'application/json; charset=x-klingon',
      });
      expect(unknown.statusCode).toBe(415);
      expect(unknown.json()).toMatchObject({ code: 0, message: expect.stringMatching(/x-klingon/) });

      const fBody = Buffer.from(JSON.stringify({ customer: { last_name: 'Hélène' } }), 'latin1');
      const fid = await fidelisa('POST', '/api/customers', fBody, { 'content-type': 'application/json' });
      expect(fid.statusCode).toBe(422);
      expect(fid.json()).toMatchObject({ code: 'MALFORMED_BODY', message: expect.stringMatching(/UTF-8/) });
      const fidOk = await fidelisa('POST', '/api/customers', fBody, { 'content-type': LATIN1 });
      expect(fidOk.statusCode, fidOk.body).toBe(201);
      expect(fidOk.json().last_name).toBe('Hélène');

      const card = await f.card('active');
      const cBody = Buffer.from(
        JSON.stringify({ Number: card.number, BlockReasonName: 'Perdue é' }),
        'latin1',
      );
      const cd = await f.call('administrator', {
        method: 'POST',
        url: '/block',
        payload: cBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(cd.statusCode).toBe(400);
      expect(cd.json()).toMatchObject({ Status: false, Key: 'InvalidRequest' });
    });

    it('keeps UTF-8 as it is, with or without a declared charset', async () => {
      for (const type of ['application/json', 'application/json; charset=UTF-8']) {
        const res = await avomark(
          'POST',
          '/api/v1/customers',
          Buffer.from(JSON.stringify({ lastname: 'Zoë', noFidelity: true }), 'utf8'),
          { 'content-type': type },
        );
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().lastname).toBe('Zoë');
      }
    });
  });

  describe('null for optional members', () => {
    it('Avomark: a ticket with voucherUsed, quantity, percentageDiscount, item null', async () => {
      const res = await avomark('POST', `/api/v1/cards/${DEMO_CARDS.withPoints}/sales`, {
        receipt: `NULLS-${target.kind}`,
        date: '2026-11-20T10:00:00Z',
        purchases: [
          {
            operation: { id: 1 },
            amount: 25,
            quantity: null,
            percentageDiscount: null,
            item: null,
            itemType: { code: null, label: null },
          },
        ],
        voucherUsed: null,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().pointsEarned).toBeGreaterThan(0);
    });

    it('Avomark: a customer with cards and criteria null (or "leave empty") gets a card', async () => {
      for (const cards of [null, '', [''], []]) {
        const res = await avomark('POST', '/api/v1/customers', {
          noFidelity: false,
          lastname: 'Nullable',
          firstname: 'Nina',
          mobile: mobile(),
          cards,
          criteria: null,
          address: { address1: null, city: null },
        });
        expect(res.statusCode, `${JSON.stringify(cards)} ${res.body}`).toBe(201);
        expect(res.json().cards).toHaveLength(1);
        expect(res.json().criteria).toEqual([]);
      }
    });

    it('Avomark: null on a PUT clears the field (full-object update), absent keeps it', async () => {
      const created = await avomark('POST', '/api/v1/customers', {
        lastname: 'Clear',
        email: 'clear@example.com',
        noFidelity: true,
      });
      const id = created.json().id;
      const kept = await avomark('PUT', `/api/v1/customers/${id}`, { firstname: 'Kim' });
      expect(kept.json().email).toBe('clear@example.com');
      const cleared = await avomark('PUT', `/api/v1/customers/${id}`, { email: null, cards: null });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(cleared.json().email).toBe('');
    });

    it('CashDesk: null reason names, a null starred parameter and a null body', async () => {
      const card = await f.card('active');
      const blocked = await f.call('cc_operator', {
        method: 'POST',
        url: '/block',
        payload: {
          Number: card.number,
          ContactMobileNumber: null,
          BlockReasonCode: 0,
          BlockReasonName: null,
        },
      });
      expect(blocked.json()).toEqual({ Status: true, Key: '', Value: '' });
      const unblocked = await f.call('cc_operator', {
        method: 'POST',
        url: `/unblock?Number=${card.number}&UnBlockReasonCode=0`,
        payload: 'null',
        headers: { 'content-type': 'application/json' },
      });
      expect(unblocked.statusCode, unblocked.body).toBe(200);
      expect(unblocked.json()).toEqual({ Status: true, Key: '', Value: '' });
    });

    it('CashDesk: a body that is not an object is the documented 400 InvalidRequest', async () => {
      for (const payload of ['[]', '"3660290000226"', '42', 'true']) {
        const res = await f.call('cc_operator', {
          method: 'POST',
          url: '/block',
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, payload).toBe(400);
        expect(res.json(), payload).toMatchObject({ Status: false, Key: 'InvalidRequest' });
      }
    });

    it('Fidelisa: null members are absent (correction card_id null)', async () => {
      const res = await fidelisa('POST', '/api/corrections', {
        correction: { points: 1, customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263', card_id: null },
      });
      expect(res.statusCode, res.body).toBe(201);
    });
  });

  describe('content negotiation', () => {
    it('Fidelisa answers JSON to an Accept listing JSON and XML equally, and to XML alone', async () => {
      for (const accept of [RESTSHARP_ACCEPT, 'application/xml']) {
        const res = await fidelisa('GET', '/api/shops/programs', undefined, { accept });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toHaveProperty('programs');
      }
      const missing = await fidelisa('GET', '/api/customers/NOPE', undefined, { accept: 'application/xml' });
      expect(missing.headers['content-type']).toMatch(/^application\/json/);
    });

    it('Avomark: JSON wins a tie, XML when preferred', async () => {
      const url = `/api/v1/cards/${DEMO_CARDS.withPoints}/balance`;
      const tie = await avomark('GET', url, undefined, { accept: RESTSHARP_ACCEPT });
      expect(tie.headers['content-type']).toMatch(/^application\/json/);
      const xml = await avomark('GET', url, undefined, { accept: 'application/xml, application/json;q=0.9' });
      expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    });

    it('Avomark: a POST with Content-Type JSON and an empty body where none is defined (step reward)', async () => {
      const res = await avomark('POST', `/api/v1/cards/${DEMO_AVOMARK.stepCard}/balances/0/1`, '', {
        'content-type': 'application/json',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toHaveProperty('voucher.number');
    });
  });
});
