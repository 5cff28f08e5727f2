import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/app/ops/check.js';
import { eventually } from './support/eventually.js';
import { createHarness, databases, type Harness } from './support/harness.js';

/** Every stored text (idempotent answers, integration-log entries), lower-cased, for "nothing remains" checks. */
async function storedTexts(h: Harness): Promise<string> {
  const keys = await h.deps.db.selectFrom('idempotency_keys').select(['response_body', 'path']).execute();
  const log = await h.deps.db
    .selectFrom('integration_log')
    .select(['url', 'request_body', 'response_body', 'error_message'])
    .execute();
  return JSON.stringify([keys, log]).toLowerCase();
}

describe.each(databases())('GDPR erasure of stored answers and log entries on $kind', (target) => {
  let h: Harness;
  let token: string;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  const helene = {
    firstName: 'Hélène',
    lastName: 'Quintaval',
    email: 'helene.quintaval@example.fr',
    mobile: '+33612340077',
    birthDay: 2,
    birthMonth: 5,
    birthYear: 1981,
  };

  it('erasure forgets the idempotent answers and log bodies that named the customer', async () => {
    const principals = (await h.request({ method: 'GET', url: '/v1/principals', token: admin })).json().data;
    const pos = principals.find((p: { login: string }) => p.login === 'demo-pos');
    await h.request({
      method: 'PATCH',
      url: `/v1/principals/${pos.id}`,
      token: admin,
      payload: { logFull: true },
    });

    const headers = { 'idempotency-key': 'gdpr-create-1' };
    const created = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: helene,
      headers,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // A failed request carrying her data (logged with its body), and a search by her e-mail.
    const bad = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { ...helene, birthMonth: 13 },
    });
    expect(bad.statusCode).toBe(400);
    await h.request({ method: 'GET', url: `/v1/customers?q=${helene.email}`, token });
    // Someone else's answer stays replayable.
    const other = { lastName: 'Ortolan', firstName: 'Paul', email: 'paul.ortolan@example.fr' };
    const otherHeaders = { 'idempotency-key': 'gdpr-create-2' };
    await h.request({ method: 'POST', url: '/v1/customers', token, payload: other, headers: otherHeaders });
    await eventually(async () => expect(await storedTexts(h)).toContain('quintaval'));
    await eventually(async () => expect(await storedTexts(h)).toContain(helene.email));
    await h.request({
      method: 'PATCH',
      url: `/v1/principals/${pos.id}`,
      token: admin,
      payload: { logFull: false },
    });

    const del = await h.request({ method: 'DELETE', url: `/v1/customers/${id}`, token: admin });
    expect(del.statusCode).toBe(204);

    const texts = await storedTexts(h);
    for (const trace of ['quintaval', 'hélène', helene.email, helene.mobile])
      expect(texts).not.toContain(trace);
    expect(texts).toContain('ortolan');

    const replay = await h.request({ method: 'POST', url: '/v1/customers', token, payload: helene, headers });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('IDEMPOTENT_ANSWER_NOT_KEPT');
    expect(replay.body.toLowerCase()).not.toContain('quintaval');
    const otherReplay = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: other,
      headers: otherHeaders,
    });
    expect(otherReplay.statusCode).toBe(201);
    expect(otherReplay.headers['idempotent-replayed']).toBe('true');
    expect((await runChecks(h.deps)).ok).toBe(true);
  });

  it("tessera check flags a stored answer that still holds an erased customer's personal fields", async () => {
    const created = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { lastName: 'Verbiest', email: 'verbiest@example.fr' },
    });
    const id = created.json().id as string;
    await h.request({ method: 'DELETE', url: `/v1/customers/${id}`, token: admin });
    expect((await runChecks(h.deps)).ok).toBe(true);
    // As the code before the fix left it: the creation's answer kept under its key.
    await h.deps.db
      .insertInto('idempotency_keys')
      .values({
        scope: 'cli_planted',
        key: 'planted',
        method: 'POST',
        path: '/v1/customers',
        body_hash: 'x',
        status: 201,
        response_body: created.body,
        response_type: 'application/json',
        created_at: new Date().toISOString(),
      })
      .execute();
    const report = await runChecks(h.deps);
    expect(report.ok).toBe(false);
    expect(report.lines.join('\n')).toMatch(
      /FAIL stored answers, log entries, messages and webhook events naming an erased customer/,
    );
    await h.deps.db.deleteFrom('idempotency_keys').where('key', '=', 'planted').execute();
  });
});

describe.each(databases())('answers carrying a secret are never stored on $kind', (target) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  async function storedAnswer(key: string) {
    return h.deps.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
  }

  it('POST /v1/clients: the key guards against a second client, the secret is not kept', async () => {
    const headers = { 'idempotency-key': 'client-create-1' };
    const payload = { name: 'Till 9' };
    const first = await h.request({ method: 'POST', url: '/v1/clients', token: admin, payload, headers });
    expect(first.statusCode).toBe(201);
    const secret = first.json().clientSecret as string;
    expect(secret.length).toBeGreaterThan(10);
    const row = await storedAnswer('client-create-1');
    expect(row.status).toBe(201);
    expect(row.response_body).toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret);
    const retry = await h.request({ method: 'POST', url: '/v1/clients', token: admin, payload, headers });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('IDEMPOTENT_ANSWER_NOT_KEPT');
    expect(retry.body).not.toContain(secret);
    const list = (await h.request({ method: 'GET', url: '/v1/clients', token: admin })).json().data;
    expect(list.filter((c: { name: string }) => c.name === 'Till 9')).toHaveLength(1);
  });

  it.each([
    ['/v1/clients/{id}/rotate-secret', (id: string) => `/v1/clients/${id}/rotate-secret`],
    ['/v1/principals/{id}/secret', (id: string) => `/v1/principals/${id}/secret`],
  ])('POST %s keeps no secret and does not rotate twice', async (_route, url) => {
    const created = await h.request({
      method: 'POST',
      url: '/v1/clients',
      token: admin,
      payload: { name: 'R' },
    });
    const id = created.json().id as string;
    const key = `rotate-${url(id)}`;
    const headers = { 'idempotency-key': key };
    const first = await h.request({ method: 'POST', url: url(id), token: admin, headers });
    expect(first.statusCode).toBe(200);
    const secret = first.json().clientSecret as string;
    expect(JSON.stringify(await storedAnswer(key))).not.toContain(secret);
    const retry = await h.request({ method: 'POST', url: url(id), token: admin, headers });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('IDEMPOTENT_ANSWER_NOT_KEPT');
    // The secret of the first answer still works: the retry rotated nothing.
    const login = created.json().clientId as string;
    const token = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: login, client_secret: secret },
    });
    expect(token.statusCode).toBe(200);
  });
});
