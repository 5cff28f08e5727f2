import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRetention } from '../src/app/ops/retention.js';
import { DEFAULT_RETENTION } from '../src/core/retention-settings.js';
import { eventually } from './support/eventually.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const DAY = 86_400_000;

describe.each(databases())('integration log and retention on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.deps.db.deleteFrom('integration_log').execute();
  });

  const anonymousFailure = (address: string, filler: string) =>
    h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      remoteAddress: address,
      payload: { grant_type: 'bogus', filler },
    });

  it('keeps no body of a failed request nobody authenticated: address, status and a digest only', async () => {
    const res = await anonymousFailure('10.7.0.1', 'x'.repeat(60 * 1024));
    expect(res.statusCode).toBe(400);
    const rows = await eventually(async () => {
      const found = await h.deps.db.selectFrom('integration_log').selectAll().execute();
      expect(found).toHaveLength(1);
      return found;
    });
    const row = rows[0]!;
    expect(row).toMatchObject({ merchant_id: null, request_body: null, response_body: null });
    expect(row.address).toBe('10.7.0.1');
    expect(row.body_digest).toMatch(/^sha256:[0-9a-f]{64} bytes:\d+$/);
    const stored = Object.values(row).reduce((n: number, v) => n + String(v ?? '').length, 0);
    expect(stored).toBeLessThan(1024);
  });

  it('logs at most so many errors per address and minute for requests nobody authenticated', async () => {
    for (let i = 0; i < 100; i++) await anonymousFailure('10.7.0.2', 'y');
    await anonymousFailure('10.7.0.3', 'z');
    // entries are written after the response
    await eventually(async () => {
      const rows = await h.deps.db.selectFrom('integration_log').select('address').execute();
      expect(rows.filter((r) => r.address === '10.7.0.2')).toHaveLength(
        h.deps.config.logLimits.anonymousErrorsPerMinute,
      );
      expect(rows.filter((r) => r.address === '10.7.0.3')).toHaveLength(1);
    });
  });

  it('deletes old log entries, expired tokens, old idempotency keys, jetons and login attempts', async () => {
    const now = new Date('2030-06-01T00:00:00.000Z');
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const db = h.deps.db;
    const log = (id: string, merchant: string | null, created: string) => ({
      id,
      merchant_id: merchant,
      principal_id: null,
      kind: 'error',
      request_id: id,
      method: 'GET',
      url: '/',
      status: 400,
      error_code: null,
      error_message: null,
      request_body: null,
      response_body: null,
      duration_ms: 1,
      created_at: created,
      address: null,
      body_digest: null,
    });
    await db
      .insertInto('integration_log')
      .values([
        log('log_old', h.merchantId, at(31 * DAY)),
        log('log_kept', h.merchantId, at(10 * DAY)),
        log('log_anon_old', null, at(8 * DAY)),
        log('log_anon_kept', null, at(6 * DAY)),
      ])
      .execute();
    const token = (hash: string, expires: string) => ({
      token_hash: hash,
      principal_kind: 'client',
      principal_id: 'x',
      merchant_id: h.merchantId,
      provider_id: null,
      role: 'cashier',
      terminal_id: null,
      expires_at: expires,
      created_at: at(DAY),
    });
    await db.deleteFrom('access_tokens').execute();
    await db
      .insertInto('access_tokens')
      .values([token('t_old', at(1000)), token('t_kept', at(-1000))])
      .execute();
    const key = (k: string, created: string) => ({
      scope: 'x',
      key: k,
      method: 'POST',
      path: '/',
      body_hash: 'h',
      status: 201,
      response_body: '{}',
      response_type: 'application/json',
      created_at: created,
    });
    await db
      .insertInto('idempotency_keys')
      .values([key('k_old', at(73 * 3_600_000)), key('k_kept', at(3_600_000))])
      .execute();
    await db
      .insertInto('used_jetons')
      .values([
        { scope: 's', jeton: 'j_old', created_at: at(91 * DAY) },
        { scope: 's', jeton: 'j_kept', created_at: at(DAY) },
      ])
      .execute();
    await db.deleteFrom('login_attempts').execute();
    await db
      .insertInto('login_attempts')
      .values([
        { key: 'a_old', failures: 3, window_started_at: at(16 * 60_000), blocked_until: null },
        { key: 'a_unblocked', failures: 5, window_started_at: at(1000), blocked_until: at(1) },
        { key: 'a_kept', failures: 3, window_started_at: at(60_000), blocked_until: null },
        { key: 'a_blocked', failures: 5, window_started_at: at(20 * 60_000), blocked_until: at(-60_000) },
      ])
      .execute();

    const report = await runRetention(db, now, DEFAULT_RETENTION);
    expect(report).toEqual({ logEntries: 2, tokens: 1, idempotencyKeys: 1, jetons: 1, loginAttempts: 2 });
    const logIds = await db.selectFrom('integration_log').select('id').execute();
    const jetons = await db.selectFrom('used_jetons').select('jeton').execute();
    const attempts = await db.selectFrom('login_attempts').select('key').execute();
    expect(logIds.map((r) => r.id).sort()).toEqual(['log_anon_kept', 'log_kept']);
    expect(jetons.map((r) => r.jeton)).toEqual(['j_kept']);
    expect(attempts.map((r) => r.key).sort()).toEqual(['a_blocked', 'a_kept']);
    const tokens = await db.selectFrom('access_tokens').select('token_hash').execute();
    expect(tokens.map((t) => t.token_hash)).toEqual(['t_kept']);
    const keys = await db.selectFrom('idempotency_keys').select('key').where('scope', '=', 'x').execute();
    expect(keys.map((k) => k.key)).toEqual(['k_kept']);
  });
});
