import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createMerchant } from '../src/app/tenancy/tenancy.js';
import { eventually } from './support/eventually.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('HTTP conventions on $kind', (target) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
  });
  afterAll(() => h.close());

  describe('tenant isolation', () => {
    it("gives a client of merchant B 404 for merchant A's customer, and hides A's customers from B's lists", async () => {
      const other = await createMerchant(h.deps, { slug: 'other', name: 'Other Shop' });
      const client = await createApiClient(h.deps, {
        name: 'B till',
        role: 'cashier',
        merchantId: other.id,
        clientId: 'b-pos',
        clientSecret: 'b-secret',
      });
      expect(client.ok).toBe(true);
      const tokenB = (
        await h.request({
          method: 'POST',
          url: '/oauth/token',
          payload: { grant_type: 'client_credentials', client_id: 'b-pos', client_secret: 'b-secret' },
        })
      ).json().access_token;
      const a = (
        await h.request({
          method: 'POST',
          url: '/v1/customers',
          token,
          payload: { lastName: 'OnlyInA', customerCode: 'SHARED' },
        })
      ).json();

      const read = await h.request({ method: 'GET', url: `/v1/customers/${a.id}`, token: tokenB });
      expect(read.statusCode).toBe(404);
      const patch = await h.request({
        method: 'PATCH',
        url: `/v1/customers/${a.id}`,
        token: tokenB,
        payload: { firstName: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      const list = await h.request({ method: 'GET', url: '/v1/customers?q=onlyina', token: tokenB });
      expect(list.json().data).toEqual([]);
      const byCard = await h.request({ method: 'GET', url: '/v1/customers?q=3660298205012', token: tokenB });
      expect(byCard.json().data).toEqual([]);
      // customer codes are unique per merchant, not globally
      const sameCode = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token: tokenB,
        payload: { lastName: 'InB', customerCode: 'SHARED' },
      });
      expect(sameCode.statusCode).toBe(201);
    });
  });

  describe('bad input', () => {
    const routes = [
      ['POST', '/v1/customers'],
      ['PATCH', '/v1/customers/cus_x'],
      ['PATCH', '/v1/principals/cli_x'],
    ] as const;

    it.each(routes)('%s %s: malformed JSON is a 400 MALFORMED_BODY', async (method, url) => {
      const res = await h.request({
        method,
        url,
        token,
        headers: { 'content-type': 'application/json' },
        payload: '{"lastName": "x",',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('MALFORMED_BODY');
    });

    it.each(routes)('%s %s: a body that is not an object is a 400', async (method, url) => {
      const res = await h.request({
        method,
        url,
        token,
        headers: { 'content-type': 'application/json' },
        payload: '[1,2]',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    });

    it('wrong types and unknown fields are 400 VALIDATION_FAILED naming the field', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        payload: { lastName: 12, birthDay: '3', colour: 'red' },
      });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      const fields = error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['lastName', 'birthDay', 'colour']));
    });

    it('an oversize body is a 413', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        payload: { lastName: 'x', source: 'y'.repeat(2 * 1024 * 1024) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('an unsupported content type is a 415', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        headers: { 'content-type': 'text/csv' },
        payload: 'a,b',
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('an empty JSON body is a 400', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        headers: { 'content-type': 'application/json' },
        payload: '',
      });
      expect(res.statusCode).toBe(400);
    });

    it('an unknown route is a 404 in the error format', async () => {
      const res = await h.request({ method: 'GET', url: '/v1/nothing-here', token });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    });

    it('a cashier cannot use administrator routes', async () => {
      const res = await h.request({ method: 'GET', url: '/v1/integration-log', token });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the stored response for the same key and body, creating nothing new', async () => {
      const headers = { 'idempotency-key': 'create-idem-1' };
      const payload = { lastName: 'Idem', customerCode: 'IDEM-1' };
      const first = await h.request({ method: 'POST', url: '/v1/customers', token, headers, payload });
      const second = await h.request({ method: 'POST', url: '/v1/customers', token, headers, payload });
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(second.headers['idempotent-replayed']).toBe('true');
      const count = await h.deps.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('last_name', '=', 'Idem')
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('answers 409 for the same key with another body', async () => {
      const headers = { 'idempotency-key': 'create-idem-2' };
      await h.request({ method: 'POST', url: '/v1/customers', token, headers, payload: { lastName: 'One' } });
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        headers,
        payload: { lastName: 'Two' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('lets concurrent retries with one key create exactly one customer', async () => {
      const headers = { 'idempotency-key': 'create-idem-race' };
      const payload = { lastName: 'Racer' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          h.request({ method: 'POST', url: '/v1/customers', token, headers, payload }),
        ),
      );
      for (const r of results) expect([201, 409]).toContain(r.statusCode);
      const count = await h.deps.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('last_name', '=', 'Racer')
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('rejects a malformed key', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        headers: { 'idempotency-key': 'has space' },
        payload: { lastName: 'K' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_IDEMPOTENCY_KEY');
    });
  });

  describe('content negotiation', () => {
    it('answers XML on Accept: application/xml, for data and for errors', async () => {
      const res = await h.request({
        method: 'GET',
        url: '/v1/reference/civilities',
        token,
        headers: { accept: 'application/xml' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.body).toContain('<response><data><item><code>M</code><label>MONSIEUR</label></item>');
      const err = await h.request({
        method: 'GET',
        url: '/v1/customers/cus_nope',
        token,
        headers: { accept: 'application/xml' },
      });
      expect(err.statusCode).toBe(404);
      expect(err.body).toContain('<code>CUSTOMER_NOT_FOUND</code>');
    });

    it('answers JSON by default and when JSON is preferred', async () => {
      const res = await h.request({
        method: 'GET',
        url: '/v1/reference/civilities',
        token,
        headers: { accept: 'application/json, application/xml;q=0.5' },
      });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    });
  });

  describe('operations', () => {
    it('serves /healthz, /readyz and Prometheus /metrics', async () => {
      expect((await h.request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await h.request({ method: 'GET', url: '/readyz' })).json()).toEqual({
        status: 'ready',
        database: target.kind,
      });
      const metrics = await h.request({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('tessera_http_requests_total');
      expect(metrics.body).toContain('process_resident_memory_bytes');
    });

    it('serves the OpenAPI document and the docs page', async () => {
      const doc = (await h.request({ method: 'GET', url: '/openapi.json' })).json();
      expect(doc.openapi).toBe('3.0.3');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/oauth/token',
          '/v1/customers',
          '/v1/customers/{id}',
          '/v1/reference/countries',
        ]),
      );
      expect(doc.paths['/v1/customers'].post.security).toEqual([{ bearer: [] }, { oauth2: [] }]);
      expect(doc.components.schemas.Customer).toBeDefined();
      const docs = await h.request({ method: 'GET', url: '/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger');
    });
  });

  describe('integration log', () => {
    it('records every failed request with its error, readable by an administrator', async () => {
      const bad = await h.request({ method: 'POST', url: '/v1/customers', token, payload: { lastName: '' } });
      const admin = await h.adminToken();
      await eventually(async () => {
        const log = await h.request({ method: 'GET', url: '/v1/integration-log?kind=error', token: admin });
        expect(log.statusCode).toBe(200);
        const entry = log
          .json()
          .data.find((e: { requestId: string }) => e.requestId === bad.json().error.requestId);
        expect(entry).toMatchObject({
          kind: 'error',
          method: 'POST',
          url: '/v1/customers',
          status: 422,
          errorCode: 'LAST_NAME_REQUIRED',
        });
      });
    });

    it('records full exchanges once switched on for a client', async () => {
      const admin = await h.adminToken();
      const principals = (await h.request({ method: 'GET', url: '/v1/principals', token: admin })).json()
        .data;
      const pos = principals.find((p: { login: string }) => p.login === 'demo-pos');
      const on = await h.request({
        method: 'PATCH',
        url: `/v1/principals/${pos.id}`,
        token: admin,
        payload: { logFull: true },
      });
      expect(on.json()).toEqual({ id: pos.id, logFull: true });
      const ok = await h.request({ method: 'GET', url: '/v1/reference/civilities', token });
      await eventually(async () => {
        const log = (
          await h.request({ method: 'GET', url: '/v1/integration-log?kind=full', token: admin })
        ).json();
        const entry = log.data.find((e: { requestId: string }) => e.requestId === ok.headers['x-request-id']);
        expect(entry).toMatchObject({ kind: 'full', status: 200, url: '/v1/reference/civilities' });
        expect(entry.responseBody).toContain('MONSIEUR');
      });
      await h.request({
        method: 'PATCH',
        url: `/v1/principals/${pos.id}`,
        token: admin,
        payload: { logFull: false },
      });
    });
  });
});
