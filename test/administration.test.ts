import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider, createUser } from '../src/app/tenancy/tenancy.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const json = { 'content-type': 'application/json' };

describe.each(databases())('administration over /v1 on $kind', { timeout: 60_000 }, (target) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  const post = (url: string, payload: object, token = admin) =>
    h.request({ method: 'POST', url, payload, headers: json, token });
  const login = (payload: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: '/oauth/token', payload });
  const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

  it('creates, lists and updates stores, with ISO 4217 currencies and IANA time zones', async () => {
    const created = await post('/v1/stores', {
      code: 'LYON-02',
      name: 'Lyon',
      timeZone: 'Europe/Paris',
      currency: 'chf',
    });
    expect(created.statusCode).toBe(201);
    const store = created.json();
    expect(store).toMatchObject({
      code: 'LYON-02',
      name: 'Lyon',
      region: null,
      timeZone: 'Europe/Paris',
      currency: 'CHF',
    });
    expect(created.headers.location).toBe(`/v1/stores/${store.id}`);
    const defaults = await post('/v1/stores', { code: 'NICE', name: 'Nice' });
    expect(defaults.json()).toMatchObject({ timeZone: 'UTC', currency: 'EUR' });

    const duplicate = await post('/v1/stores', { code: 'LYON-02', name: 'x' });
    expect([duplicate.statusCode, errorCode(duplicate)]).toEqual([409, 'STORE_CODE_TAKEN']);
    const euro = await post('/v1/stores', { code: 'X1', name: 'x', currency: 'EUX' });
    expect([euro.statusCode, errorCode(euro)]).toEqual([422, 'CURRENCY_UNKNOWN']);
    expect(euro.json().error.message).toContain('"EUX" is not an ISO 4217 currency code');
    const zone = await post('/v1/stores', { code: 'X1', name: 'x', timeZone: 'Europe/Atlantis' });
    expect([zone.statusCode, errorCode(zone)]).toEqual([422, 'TIME_ZONE_UNKNOWN']);
    const code = await post('/v1/stores', { code: 'has space', name: 'x' });
    expect([code.statusCode, errorCode(code)]).toEqual([400, 'VALIDATION_FAILED']);

    const patched = await h.request({
      method: 'PATCH',
      url: `/v1/stores/${store.id}`,
      payload: { region: 'Rhône', currency: 'EUR' },
      headers: json,
      token: admin,
    });
    expect(patched.json()).toMatchObject({ code: 'LYON-02', region: 'Rhône', currency: 'EUR' });
    const unknown = await h.request({
      method: 'PATCH',
      url: '/v1/stores/sto_nope',
      payload: { name: 'x' },
      headers: json,
      token: admin,
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'STORE_NOT_FOUND']);

    const list = await h.request({ url: '/v1/stores', token: admin });
    expect(list.json().data.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining(['LYON-02', 'NICE', 'PARIS-01']),
    );
    const cashier = await h.request({ url: '/v1/stores', token: await h.clientToken() });
    expect([cashier.statusCode, errorCode(cashier)]).toEqual([403, 'FORBIDDEN']);
  });

  it('creates terminals in a store; a user logs in on one', async () => {
    const terminal = await post('/v1/terminals', { code: 'LY-1', name: 'Lyon till 1', storeCode: 'LYON-02' });
    expect(terminal.statusCode).toBe(201);
    expect(terminal.json()).toMatchObject({ code: 'LY-1', storeCode: 'LYON-02' });
    const both = await post('/v1/terminals', { code: 'LY-2', name: 'x' });
    expect([both.statusCode, both.json().error.message]).toEqual([
      400,
      'Send exactly one of storeId and storeCode.',
    ]);
    const store = await post('/v1/terminals', { code: 'LY-2', name: 'x', storeCode: 'NOWHERE' });
    expect([store.statusCode, errorCode(store)]).toEqual([404, 'STORE_NOT_FOUND']);
    const taken = await post('/v1/terminals', { code: 'LY-1', name: 'x', storeCode: 'NICE' });
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, 'TERMINAL_CODE_TAKEN']);
    const list = await h.request({ url: '/v1/terminals?storeCode=LYON-02', token: admin });
    expect(list.json().data.map((t: { code: string }) => t.code)).toEqual(['LY-1']);

    const token = await login({
      grant_type: 'password',
      username: 'admin@demo.test',
      password: 'demo-admin',
      terminal: 'LY-1',
    });
    expect(token.statusCode).toBe(200);
    const me = await h.request({ url: '/v1/me', token: token.json().access_token });
    expect(me.json().terminalId).toBe(terminal.json().id);
  });

  it('creates users under the password policy; deactivation and password resets revoke their tokens', async () => {
    const weak = await post('/v1/users', {
      login: 'marie@demo.test',
      password: 'Password1!',
      role: 'director',
    });
    expect([weak.statusCode, errorCode(weak)]).toEqual([422, 'PASSWORD_TOO_WEAK']);
    expect(weak.json().error.details[0]).toMatchObject({ field: 'password' });
    const role = await post('/v1/users', {
      login: 'x@demo.test',
      password: 'blue-ferry-42-dawn',
      role: 'king',
    });
    expect(role.statusCode).toBe(400);

    const created = await post('/v1/users', {
      login: 'Marie@demo.test',
      password: 'blue-ferry-42-dawn',
      role: 'director',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ login: 'marie@demo.test', role: 'director', active: true });
    expect(JSON.stringify(user)).not.toContain('ferry');
    const taken = await post('/v1/users', {
      login: 'marie@demo.test',
      password: 'blue-ferry-42-dawn',
      role: 'cashier',
    });
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, 'LOGIN_TAKEN']);

    const marie = (
      await login({ grant_type: 'password', username: 'marie@demo.test', password: 'blue-ferry-42-dawn' })
    ).json().access_token;
    expect((await h.request({ url: '/v1/stores', token: marie })).statusCode).toBe(200);

    const reset = await post(`/v1/users/${user.id}/password`, { password: 'green-ferry-7-noon' });
    expect(reset.json()).toEqual({ id: user.id, tokensRevoked: 1 });
    expect((await h.request({ url: '/v1/stores', token: marie })).statusCode).toBe(401);
    expect(
      (await login({ grant_type: 'password', username: 'marie@demo.test', password: 'blue-ferry-42-dawn' }))
        .statusCode,
    ).toBe(400);
    const again = (
      await login({ grant_type: 'password', username: 'marie@demo.test', password: 'green-ferry-7-noon' })
    ).json().access_token;

    const off = await h.request({
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      payload: { active: false },
      headers: json,
      token: admin,
    });
    expect(off.json()).toMatchObject({ id: user.id, active: false });
    expect((await h.request({ url: '/v1/stores', token: again })).statusCode).toBe(401);
    expect(
      (await login({ grant_type: 'password', username: 'marie@demo.test', password: 'green-ferry-7-noon' }))
        .statusCode,
    ).toBe(400);

    const me = (await h.request({ url: '/v1/me', token: admin })).json().principalId;
    const self = await h.request({
      method: 'PATCH',
      url: `/v1/users/${me}`,
      payload: { active: false },
      headers: json,
      token: admin,
    });
    expect([self.statusCode, errorCode(self)]).toEqual([409, 'SELF_LOCKOUT']);
    const nobody = await h.request({
      method: 'PATCH',
      url: '/v1/users/usr_nope',
      payload: { active: false },
      headers: json,
      token: admin,
    });
    expect([nobody.statusCode, errorCode(nobody)]).toEqual([404, 'USER_NOT_FOUND']);
    const list = await h.request({ url: '/v1/users', token: admin });
    expect(list.json().data.find((u: { id: string }) => u.id === user.id)).toMatchObject({ active: false });
  });

  it('creates API clients, rotates their secret and deactivates them, revoking their tokens', async () => {
    const created = await post('/v1/clients', { name: 'Lyon tills' });
    expect(created.statusCode).toBe(201);
    const client = created.json();
    expect(client).toMatchObject({ name: 'Lyon tills', role: 'cashier', active: true });
    expect(client.clientSecret).toMatch(/^\S{20,}$/);
    const grant = (secret: string) =>
      login({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret });
    const till = (await grant(client.clientSecret)).json().access_token;
    expect((await h.request({ url: '/v1/programs', token: till })).statusCode).toBe(200);

    const rotated = await post(`/v1/clients/${client.id}/rotate-secret`, {});
    expect(rotated.json()).toMatchObject({ id: client.id, tokensRevoked: 1 });
    expect(rotated.json().clientSecret).not.toBe(client.clientSecret);
    expect((await h.request({ url: '/v1/programs', token: till })).statusCode).toBe(401);
    expect((await grant(client.clientSecret)).statusCode).toBe(401);
    const second = (await grant(rotated.json().clientSecret)).json().access_token;

    const off = await post(`/v1/clients/${client.id}/deactivate`, {});
    expect(off.json()).toMatchObject({ active: false, tokensRevoked: 1 });
    expect((await h.request({ url: '/v1/programs', token: second })).statusCode).toBe(401);
    expect((await grant(rotated.json().clientSecret)).statusCode).toBe(401);
    expect((await post(`/v1/clients/${client.id}/activate`, {})).json()).toMatchObject({ active: true });
    expect((await grant(rotated.json().clientSecret)).statusCode).toBe(200);

    const list = await h.request({ url: '/v1/clients', token: admin });
    expect(JSON.stringify(list.json())).not.toContain(rotated.json().clientSecret);
    const unknown = await post('/v1/clients/cli_nope/deactivate', {});
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'CLIENT_NOT_FOUND']);
  });

  it('lets a provider administrator create and list its merchants, and nobody else', async () => {
    const denied = await post('/v1/merchants', { slug: 'acme', name: 'Acme' });
    expect([denied.statusCode, errorCode(denied)]).toEqual([403, 'PROVIDER_REQUIRED']);
    const provider = await createProvider(h.deps, { code: `PRV-${target.kind}`, name: 'Integrator' });
    await createUser(h.deps, {
      login: `ops@${target.kind}.integrator.test`,
      password: 'blue-ferry-42-dawn',
      role: 'administrator',
      providerId: provider.id,
    });
    const ops = (
      await login({
        grant_type: 'password',
        username: `ops@${target.kind}.integrator.test`,
        password: 'blue-ferry-42-dawn',
      })
    ).json().access_token;

    const weak = await post(
      '/v1/merchants',
      { slug: 'acme', name: 'Acme', administrator: { login: 'a@acme.test', password: 'qwertyuiop' } },
      ops,
    );
    expect([weak.statusCode, errorCode(weak)]).toEqual([422, 'PASSWORD_TOO_WEAK']);
    const created = await post(
      '/v1/merchants',
      {
        slug: 'acme',
        name: 'Acme',
        currency: 'GBP',
        administrator: { login: 'a@acme.test', password: 'blue-ferry-42-dawn' },
      },
      ops,
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      slug: 'acme',
      currency: 'GBP',
      providerId: provider.id,
      administrator: { login: 'a@acme.test' },
    });
    const slug = await post('/v1/merchants', { slug: 'acme', name: 'again' }, ops);
    expect([slug.statusCode, errorCode(slug)]).toEqual([409, 'MERCHANT_SLUG_TAKEN']);
    const taken = await post(
      '/v1/merchants',
      {
        slug: 'acme-2',
        name: 'Acme 2',
        administrator: { login: 'a@acme.test', password: 'blue-ferry-42-dawn' },
      },
      ops,
    );
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, 'LOGIN_TAKEN']);
    const list = await h.request({ url: '/v1/merchants', token: ops });
    expect(list.json().data.map((m: { slug: string }) => m.slug)).toEqual(['acme']);

    const acme = (
      await login({ grant_type: 'password', username: 'a@acme.test', password: 'blue-ferry-42-dawn' })
    ).json().access_token;
    expect((await post('/v1/stores', { code: 'LDN', name: 'London' }, acme)).json()).toMatchObject({
      currency: 'GBP',
    });
    expect((await h.request({ url: '/v1/stores', token: acme })).json().data).toHaveLength(1);
  });

  it('audits every administration change in the integration log, secrets masked', async () => {
    const res = await h.request({ url: '/v1/integration-log?kind=audit&limit=200', token: admin });
    expect(res.statusCode).toBe(200);
    const entries = res.json().data as {
      method: string;
      url: string;
      status: number;
      requestBody: string | null;
      responseBody: string | null;
    }[];
    expect(entries.some((e) => e.method === 'POST' && e.url === '/v1/stores' && e.status === 201)).toBe(true);
    const passwordReset = entries.find((e) => e.url.endsWith('/password'));
    expect(passwordReset?.requestBody).toBe('{"password":"***"}');
    expect(entries.every((e) => e.responseBody === null)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/ferry/);
  });

  it('documents the administration routes in the OpenAPI document', async () => {
    const doc = (await h.request({ url: '/openapi.json' })).json();
    for (const path of [
      '/v1/stores',
      '/v1/terminals',
      '/v1/users',
      '/v1/users/{id}/password',
      '/v1/clients',
      '/v1/clients/{id}/rotate-secret',
      '/v1/merchants',
    ])
      expect(Object.keys(doc.paths), path).toContain(path);
    expect(doc.paths['/v1/stores'].post.security).toEqual([{ bearer: [] }, { oauth2: [] }]);
  });
});
