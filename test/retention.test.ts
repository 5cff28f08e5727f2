import type { Insertable } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRetention } from '../src/app/ops/retention.js';
import { DEFAULT_RETENTION } from '../src/core/retention-settings.js';
import type {
  AccessTokenTable,
  CouponStatus,
  ImportStatus,
  MessageAttemptTable,
  OutboxChannel,
  OutboxStatus,
} from '../src/db/schema/index.js';
import { eventually } from './support/eventually.js';
import { createCard, createProgram } from './support/loyalty-fixtures.js';
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
      kind: 'error' as const,
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
    const token = (hash: string, expires: string): Insertable<AccessTokenTable> => ({
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
    expect(report).toMatchObject({
      logEntries: 2,
      tokens: 1,
      idempotencyKeys: 1,
      jetons: 1,
      loginAttempts: 2,
    });
    expect(Object.keys(report).sort()).toEqual(
      [
        'logEntries',
        'tokens',
        'idempotencyKeys',
        'jetons',
        'loginAttempts',
        'messages',
        'webhookDeliveries',
        'webhookEvents',
        'imports',
        'couponHistory',
        'elementMovements',
      ].sort(),
    );
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

  it('deletes finished messages, webhook deliveries and events, imports, coupon history and element movements', async () => {
    const now = new Date('2030-06-01T00:00:00.000Z');
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const db = h.deps.db;
    await runRetention(db, now, DEFAULT_RETENTION); // what the demo data left that is old by then
    const message = (
      id: string,
      status: OutboxStatus,
      created: string,
      extra: { channel?: OutboxChannel; event?: string } = {},
    ) => ({
      id,
      merchant_id: h.merchantId,
      channel: extra.channel ?? 'email',
      recipients: '["a@example.fr"]',
      subject: null,
      body: 'b',
      url: null,
      status,
      source: 'test',
      created_at: created,
      event_id: extra.event ?? null,
    });
    await db
      .insertInto('outbox_messages')
      .values([
        message('msg_rt_old_sent', 'sent', at(91 * DAY)),
        message('msg_rt_old_pending', 'pending', at(91 * DAY)),
        message('msg_rt_recent_sent', 'sent', at(89 * DAY)),
        message('msg_rt_mid_sent', 'sent', at(31 * DAY)),
        message('msg_rt_old_hook', 'dead', at(31 * DAY), { channel: 'webhook', event: 'evt_rt_old' }),
        message('msg_rt_hook_pending', 'pending', at(31 * DAY), { channel: 'webhook', event: 'evt_rt_busy' }),
      ])
      .execute();
    const attempt = (id: string, messageId: string): Insertable<MessageAttemptTable> => ({
      id,
      message_id: messageId,
      merchant_id: h.merchantId,
      attempt: 1,
      channel: 'email',
      attempted_at: at(91 * DAY),
      outcome: 'sent',
      answer: '250 OK',
      duration_ms: 1,
    });
    await db
      .insertInto('message_attempts')
      .values([attempt('att_rt_1', 'msg_rt_old_sent'), attempt('att_rt_2', 'msg_rt_old_pending')])
      .execute();
    const event = (id: string, created: string) => ({
      id,
      merchant_id: h.merchantId,
      type: 'sale.posted' as const,
      payload: '{}',
      created_at: created,
    });
    await db
      .insertInto('webhook_events')
      .values([
        event('evt_rt_old', at(31 * DAY)),
        event('evt_rt_busy', at(31 * DAY)),
        event('evt_rt_recent', at(29 * DAY)),
      ])
      .execute();
    const anImport = (id: string, status: ImportStatus, received: string) => ({
      id,
      merchant_id: h.merchantId,
      kind: 'vehicles.clients-invoices' as const,
      store_id: null,
      file_name: 'f.csv',
      sha256: null,
      status,
      counts: '{}',
      error_count: 1,
      errors: '[{"line":2,"message":"bad"}]',
      created_by: null,
      received_at: received,
      finished_at: received,
    });
    await db
      .insertInto('imports')
      .values([
        anImport('imp_rt_old', 'accepted', at(91 * DAY)),
        anImport('imp_rt_running', 'running', at(91 * DAY)),
        anImport('imp_rt_locked', 'rejected', at(91 * DAY)),
        anImport('imp_rt_recent', 'accepted', at(89 * DAY)),
        anImport('imp_rt_queued', 'queued', at(91 * DAY)),
      ])
      .execute();
    // What an asynchronous import received goes with its record; a queued import keeps it.
    await db
      .insertInto('import_payloads')
      .values([
        { import_id: 'imp_rt_old', merchant_id: h.merchantId, body: '{"items":[]}' },
        { import_id: 'imp_rt_queued', merchant_id: h.merchantId, body: '{"items":[]}' },
      ])
      .execute();
    await db
      .insertInto('import_locks')
      .values({ merchant_id: h.merchantId, kind: 'rt-test', import_id: 'imp_rt_locked', locked_at: at(DAY) })
      .execute();
    const coupon = (id: string, status: CouponStatus, validTo: string | null) => ({
      id,
      merchant_id: h.merchantId,
      barcode: id,
      coupon_type: 'RT',
      format: 'code128',
      status,
      used_times: 0,
      max_uses: 1,
      valid_from: at(800 * DAY),
      valid_to: validTo,
      customer_id: null,
      amount: null,
      emit_promotion: null,
      sale_id: null,
      created_at: at(800 * DAY),
      updated_at: at(800 * DAY),
    });
    await db
      .insertInto('coupons')
      .values([
        coupon('cpn_rt_void', 'voided', null),
        coupon('cpn_rt_live', 'active', null),
        coupon('cpn_rt_expired', 'active', at(740 * DAY)),
      ])
      .execute();
    const history = (id: string, couponId: string, when: string) => ({
      id,
      coupon_id: couponId,
      merchant_id: h.merchantId,
      action: 'CREATE',
      at: when,
      sale_id: null,
      store_code: null,
      terminal_code: null,
    });
    await db
      .insertInto('coupon_history')
      .values([
        history('cph_rt_void_old', 'cpn_rt_void', at(731 * DAY)),
        history('cph_rt_void_recent', 'cpn_rt_void', at(729 * DAY)),
        history('cph_rt_live_old', 'cpn_rt_live', at(731 * DAY)),
        history('cph_rt_expired_old', 'cpn_rt_expired', at(731 * DAY)),
      ])
      .execute();
    const program = await createProgram(h, {});
    const element = async (cancelled: string | null) => {
      const { cardId } = await createCard(h, program, { withCustomer: false });
      await db
        .insertInto('elements')
        .values({
          card_id: cardId,
          merchant_id: h.merchantId,
          amount: 0,
          amount_prev: 0,
          version: 1,
          valid_from: null,
          valid_to: null,
          cvv: null,
          agreement_id: null,
          origin_transaction: null,
          origin_store: null,
          origin_terminal: null,
          consumed: 0,
          cancelled_at: cancelled,
          last_movement_at: null,
          created_at: at(3700 * DAY),
        })
        .execute();
      return cardId;
    };
    const over = await element(at(3660 * DAY));
    const live = await element(null);
    let movements = 0;
    const movement = (cardId: string, created: string) => ({
      id: `emv_rt_${++movements}`,
      merchant_id: h.merchantId,
      card_id: cardId,
      action: 'CHARGE',
      amount: 100,
      amount_prev: 0,
      amount_after: 100,
      transaction_id: null,
      store_code: null,
      terminal_code: null,
      customer_code: null,
      reason: null,
      promotions: null,
      occurred_at: created,
      created_at: created,
    });
    await db
      .insertInto('element_movements')
      .values([
        movement(over, at(3651 * DAY)),
        movement(over, at(3649 * DAY)),
        movement(live, at(3651 * DAY)),
      ])
      .execute();

    const report = await runRetention(db, now, DEFAULT_RETENTION);
    expect(report).toMatchObject({
      messages: 1,
      webhookDeliveries: 1,
      webhookEvents: 1,
      imports: 1,
      couponHistory: 2,
      elementMovements: 1,
    });
    const ids = async (
      table: 'outbox_messages' | 'webhook_events' | 'imports' | 'coupon_history',
      like: string,
    ) =>
      (await db.selectFrom(table).select('id').where('id', 'like', like).execute()).map((r) => r.id).sort();
    expect(await ids('outbox_messages', 'msg_rt_%')).toEqual([
      'msg_rt_hook_pending',
      'msg_rt_mid_sent',
      'msg_rt_old_pending',
      'msg_rt_recent_sent',
    ]);
    const attempts = await db
      .selectFrom('message_attempts')
      .select('id')
      .where('id', 'like', 'att_rt_%')
      .execute();
    expect(attempts.map((a) => a.id)).toEqual(['att_rt_2']);
    expect(await ids('webhook_events', 'evt_rt_%')).toEqual(['evt_rt_busy', 'evt_rt_recent']);
    expect(await ids('imports', 'imp_rt_%')).toEqual([
      'imp_rt_locked',
      'imp_rt_queued',
      'imp_rt_recent',
      'imp_rt_running',
    ]);
    const payloads = await db
      .selectFrom('import_payloads')
      .select('import_id')
      .where('import_id', 'like', 'imp_rt_%')
      .execute();
    expect(payloads.map((p) => p.import_id)).toEqual(['imp_rt_queued']);
    expect(await ids('coupon_history', 'cph_rt_%')).toEqual(['cph_rt_live_old', 'cph_rt_void_recent']);
    const left = await db
      .selectFrom('element_movements')
      .select('card_id')
      .where('card_id', 'in', [over, live])
      .execute();
    expect(left.map((m) => m.card_id).sort()).toEqual([over, live].sort());
  });
});
