/**
 * An Idempotency-Key claimed by a process that was killed before it answered (what kill -9 leaves: a claim
 * row without a response) is a lease: retries within it are told to wait, a retry after it does the work.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('Idempotency-Key lease on $kind', (target) => {
  let h: Harness;
  let token: string;
  let scope: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.adminToken();
    scope = (await h.request({ method: 'GET', url: '/v1/me', token })).json().principalId;
  });
  afterAll(() => h.close());

  /** The claim a killed process leaves behind, made `ageMs` ago. */
  const orphanClaim = async (key: string, body: unknown, ageMs: number) => {
    const hash = createHash('sha256')
      .update(`POST /v1/customers\n${JSON.stringify(body)}`)
      .digest('hex');
    await h.deps.db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key,
        method: 'POST',
        path: '/v1/customers',
        body_hash: hash,
        status: null,
        response_body: null,
        response_type: null,
        created_at: new Date(Date.now() - ageMs).toISOString(),
      })
      .execute();
  };
  const create = (key: string, body: unknown) =>
    h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      headers: { 'idempotency-key': key },
      payload: body as Record<string, unknown>,
    });

  it('tells a retry to wait while the lease runs, then lets it do the work once', async () => {
    const body = { lastName: 'Lease', firstName: 'Lou' };
    await orphanClaim(`lease-${target.kind}`, body, 10_000);
    const early = await create(`lease-${target.kind}`, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);

    await h.deps.db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - 61_000).toISOString() })
      .where('key', '=', `lease-${target.kind}`)
      .execute();
    const [a, b] = await Promise.all([
      create(`lease-${target.kind}`, body),
      create(`lease-${target.kind}`, body),
    ]);
    // two retries racing for the expired lease: one takes it, the other waits or replays its answer
    const done = [a, b].filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] !== 'true');
    expect(done).toHaveLength(1);
    expect([a, b].every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const made = await h.deps.db
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', h.merchantId)
      .where('last_name', 'in', ['Lease', 'LEASE'])
      .execute();
    expect(made).toHaveLength(1);
    const replay = await create(`lease-${target.kind}`, body);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('never hands an expired claim to another request body', async () => {
    await orphanClaim(`lease-other-${target.kind}`, { lastName: 'First' }, 120_000);
    const res = await create(`lease-other-${target.kind}`, { lastName: 'Second' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
