import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';

interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { example?: unknown }> };
}

// /oauth/revoke: the holder of a token ends it by sending it (RFC 7009), with no other credential.
const PUBLIC = new Set(['/healthz', '/readyz', '/oauth/token', '/oauth/revoke', '/avomark/api/token']);

describe('the API documentation (/docs, /openapi.json)', () => {
  let h: Harness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, { description?: string; type: string }> };
  };
  let operations: [string, Operation][];
  beforeAll(async () => {
    h = await createHarness({ kind: 'sqlite' });
    doc = (await h.request({ url: '/openapi.json' })).json();
    operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as [string, Operation]),
    );
  });
  afterAll(() => h.close());

  it('gives every route a summary and, unless it is public, its security scheme', () => {
    expect(operations.length).toBeGreaterThan(90);
    for (const [name, op] of operations) {
      expect(op.summary, name).toBeTruthy();
      if (!PUBLIC.has(name.split(' ')[1]!)) expect(op.security, name).toBeDefined();
    }
    const security = (path: string, method = 'get') => doc.paths[path]![method]!.security;
    expect(security('/v1/customers')).toEqual([{ bearer: [] }, { oauth2: [] }]);
    expect(security('/cashdesk/api/card/balance/by/{number}')).toEqual([{ basic: [] }]);
    expect(security('/fidelisa/api/shops')![0]).toEqual({
      fidelisaJeton: [],
      fidelisaProvider: [],
      fidelisaProviderKey: [],
      fidelisaApiUser: [],
      fidelisaApiUserKey: [],
    });
    expect(security('/avomark/api/v1/customers/{id}')).toEqual([{ avomarkBearer: [] }]);
  });

  it('describes each security scheme, with how to compute the Fidelisa signatures and the demo credentials', () => {
    const schemes = doc.components.securitySchemes;
    for (const [name, scheme] of Object.entries(schemes)) expect(scheme.description, name).toBeTruthy();
    expect(schemes.fidelisaProviderKey!.description).toContain('HMAC-SHA1');
    expect(schemes.bearer!.description).toContain('demo-pos / demo-secret');
    expect(schemes.basic!.description).toContain('aladdin / opensesame');
  });

  it('lets the page fetch tokens itself: the OAuth2 client-credentials flow with HTTP Basic, as Swagger UI sends it', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${Buffer.from('demo-pos:demo-secret').toString('base64')}` },
      payload: { grant_type: 'client_credentials' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe('Bearer');
  });

  it('gives the administration routes a description and request examples', () => {
    const admin = operations.filter(([name]) =>
      /\/v1\/(stores|terminals|users|clients|merchants)/.test(name),
    );
    expect(admin.length).toBeGreaterThanOrEqual(12);
    for (const [name, op] of admin) {
      expect(op.description, name).toBeTruthy();
      const body = op.requestBody?.content['application/json'];
      if (body && name.includes('POST /v1/') && !name.includes('{id}'))
        expect(body.example, name).toBeDefined();
    }
  });
});
