/** Tokens end with their principal: deactivation, a new secret, RFC 7009 revocation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateToken } from '../src/app/auth/issue-token.js';
import { createApiClient } from '../src/app/tenancy/tenancy.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('token revocation on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let n = 0;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  const newClient = async () => {
    n += 1;
    const made = await createApiClient(h.deps, {
      merchantId: h.merchantId,
      name: 'till',
      role: 'cashier',
      clientId: `rev-${target.kind}-${n}`,
      clientSecret: 'first-secret',
    });
    if (!made.ok) throw new Error(made.code);
    return made.value;
  };
  const tokenOf = async (clientId: string, secret: string) =>
    h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
    });
  const use = (token: string) => h.request({ method: 'GET', url: '/v1/programs', token });

  it('refuses a token as soon as its client is deactivated', async () => {
    const client = await newClient();
    const token = (await tokenOf(client.clientId, 'first-secret')).json().access_token;
    expect((await use(token)).statusCode).toBe(200);
    const off = await h.request({
      method: 'PATCH',
      url: `/v1/principals/${client.id}`,
      token: admin,
      payload: { active: false },
    });
    expect(off.json()).toEqual({ id: client.id, active: false });
    const refused = await use(token);
    expect(refused.statusCode).toBe(401);
    expect((await tokenOf(client.clientId, 'first-secret')).statusCode).toBe(401);
  });

  it('refuses a token within seconds when its client is deactivated in the database directly', async () => {
    const client = await newClient();
    const token = (await tokenOf(client.clientId, 'first-secret')).json().access_token;
    expect((await use(token)).statusCode).toBe(200);
    await h.deps.db.updateTable('api_clients').set({ active: 0 }).where('id', '=', client.id).execute();
    await new Promise((r) => setTimeout(r, 2100));
    expect((await use(token)).statusCode).toBe(401);
  });

  it('revokes every token of a client whose secret changes', async () => {
    const client = await newClient();
    const token = (await tokenOf(client.clientId, 'first-secret')).json().access_token;
    const rotated = await h.request({
      method: 'POST',
      url: `/v1/principals/${client.id}/secret`,
      token: admin,
    });
    expect(rotated.statusCode).toBe(200);
    expect((await use(token)).statusCode).toBe(401);
    expect((await tokenOf(client.clientId, 'first-secret')).statusCode).toBe(401);
    expect((await tokenOf(client.clientId, rotated.json().clientSecret)).statusCode).toBe(200);
  });

  it('revokes a token with POST /oauth/revoke, and answers 200 for an unknown one', async () => {
    const client = await newClient();
    const token = (await tokenOf(client.clientId, 'first-secret')).json().access_token;
    const res = await h.app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${encodeURIComponent(token)}&token_type_hint=access_token`,
    });
    expect(res.statusCode).toBe(200);
    expect((await use(token)).statusCode).toBe(401);
    const unknown = await h.app.inject({ method: 'POST', url: '/oauth/revoke', payload: { token: 'nope' } });
    expect(unknown.statusCode).toBe(200);
    const missing = await h.app.inject({ method: 'POST', url: '/oauth/revoke', payload: {} });
    expect(missing.statusCode).toBe(400);
  });

  it('answers a token used lately from memory, and still refuses it once it has expired', async () => {
    const client = await newClient();
    const grant = (await tokenOf(client.clientId, 'first-secret')).json();
    expect((await use(grant.access_token)).statusCode).toBe(200);
    // Read once: now known, the answer needs no wait (no promise on the request's path).
    const known = authenticateToken(h.deps, grant.access_token);
    expect(known).not.toBeInstanceOf(Promise);
    expect(known).toMatchObject({ ok: true, value: { principalId: client.id, role: 'cashier' } });
    const later = { ...h.deps, now: () => new Date(Date.now() + (grant.expires_in + 1) * 1000) };
    expect(await authenticateToken(later, grant.access_token)).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
    });
    // Forgotten once expired: the next use reads the database again, and is refused again.
    const again = authenticateToken(later, grant.access_token);
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
  });
});
