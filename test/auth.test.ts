import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('auth on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('issues a bearer token for client_credentials (form-encoded)', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&client_id=demo-pos&client_secret=demo-secret',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts client credentials in HTTP Basic', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${Buffer.from('demo-pos:demo-secret').toString('base64')}` },
      payload: { grant_type: 'client_credentials' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('issues a token for the password grant, with a terminal', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'admin@demo.test', password: 'demo-admin', terminal: 1 },
    });
    expect(res.statusCode).toBe(200);
    const me = await h.request({ method: 'GET', url: '/v1/me', token: res.json().access_token });
    expect(me.json()).toMatchObject({ role: 'administrator', principalKind: 'user' });
    expect(me.json().terminalId).toMatch(/^trm_/);
  });

  it('rejects an unknown terminal, a wrong secret, a wrong password and a missing grant type', async () => {
    const cases = [
      [
        { grant_type: 'password', username: 'admin@demo.test', password: 'demo-admin', terminal: '99' },
        400,
        'invalid_grant',
      ],
      [
        { grant_type: 'client_credentials', client_id: 'demo-pos', client_secret: 'nope' },
        401,
        'invalid_client',
      ],
      [{ grant_type: 'password', username: 'nobody@demo.test', password: 'x' }, 400, 'invalid_grant'],
      [{ client_id: 'demo-pos' }, 400, 'invalid_request'],
      [{ grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
      [{ grant_type: 'password', username: 'admin@demo.test' }, 400, 'invalid_request'],
    ] as const;
    for (const [payload, status, error] of cases) {
      const res = await h.request({ method: 'POST', url: '/oauth/token', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error).toBe(error);
      expect(res.json().error_description).toEqual(expect.any(String));
    }
  });

  it('answers malformed token requests with a 400', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
  });

  it('answers 401 with WWW-Authenticate for a missing, unknown or expired token', async () => {
    const missing = await h.request({ method: 'GET', url: '/v1/customers' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer realm="tessera"/);
    expect(missing.json().error.code).toBe('UNAUTHENTICATED');

    const unknown = await h.request({ method: 'GET', url: '/v1/customers', token: 'not-a-real-token' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toContain('invalid_token');

    const issued = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: 'demo-pos', client_secret: 'demo-secret' },
    });
    const token = issued.json().access_token as string;
    await h.deps.db.updateTable('access_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const expired = await h.request({ method: 'GET', url: '/v1/customers', token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
    expect(expired.headers['www-authenticate']).toContain('token expired');
  });

  it('stores tokens hashed, never in clear', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: 'demo-pos', client_secret: 'demo-secret' },
    });
    const token = res.json().access_token as string;
    const rows = await h.deps.db.selectFrom('access_tokens').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('slows down repeated failed logins per user, with Retry-After', async () => {
    const attempt = (password: string) =>
      h.request({
        method: 'POST',
        url: '/oauth/token',
        remoteAddress: '10.9.8.7',
        payload: { grant_type: 'password', username: 'admin@demo.test', password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).statusCode).toBe(400);
    const blocked = await attempt('demo-admin');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await h.deps.db.deleteFrom('login_attempts').execute();
    expect((await attempt('demo-admin')).statusCode).toBe(200);
  });
});

describe('token endpoint input', () => {
  it('answers a Basic header with a malformed %-escape with a 400, not a 500', async () => {
    const h = await createHarness(databases()[0]!, { demo: false });
    try {
      const res = await h.request({
        method: 'POST',
        url: '/oauth/token',
        headers: { authorization: `Basic ${Buffer.from('demo-pos:%E0%A4%A').toString('base64')}` },
        payload: { grant_type: 'client_credentials' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_request');
    } finally {
      await h.close();
    }
  });
});
