import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import { automationsJob } from '../src/jobs/automations.js';
import { createJobRunner } from '../src/jobs/runner.js';
import { createHarness, databases, type Harness } from './support/harness.js';

// Automations run in the job runner exactly once per customer and occasion, also with two runners ticking
// at once: the occasion is the outbox key. A birthday voucher is issued with its message, once.
describe.each(databases())('automations on $kind', (target) => {
  let h: Harness;
  let clock = Date.parse('2026-11-28T09:00:00.000Z');
  let admin: string;
  let runs = 0;

  const post = (url: string, payload: Record<string, unknown>) =>
    h.request({ method: 'POST', url, token: admin, payload });
  const put = (url: string, payload: Record<string, unknown>) =>
    h.request({ method: 'PUT', url, token: admin, payload });
  /** Two runners (two "processes") tick together; the job row is made due again for each round. */
  const tickTwice = async () => {
    runs += 1;
    const a = createJobRunner(h.deps, [automationsJob], { owner: `a${runs}` });
    const b = createJobRunner(h.deps, [automationsJob], { owner: `b${runs}` });
    await h.deps.db.updateTable('jobs').set({ next_run_at: '2000-01-01T00:00:00.000Z' }).execute();
    await Promise.all([a.tick(), b.tick()]);
    await h.deps.db
      .updateTable('jobs')
      .set({ next_run_at: '2000-01-01T00:00:00.000Z', lease_until: null })
      .execute();
    await Promise.all([a.tick(), b.tick()]);
  };
  const messagesOf = (source: string) =>
    h.deps.db
      .selectFrom('outbox_messages')
      .select(['customer_id', 'idempotency_key', 'variables'])
      .where('source', '=', source)
      .execute();

  beforeAll(async () => {
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: { SMTP_URL: '', SMS_GATEWAY_URL: '' },
    });
    admin = await h.adminToken();
    for (const name of ['welcome', 'birthday', 'expiring', 'tier'])
      expect(
        (
          await put(`/v1/templates/${name}/email/en`, {
            subject: name,
            body: 'Hi {{ customer.firstName }} {{ voucher.number }} {{ expiring.points }} {{ expiring.date }} {{ tier.name }}',
          })
        ).statusCode,
      ).toBe(200);
  });
  afterAll(() => h?.close());

  it('refuses a missing template or a field that does not fit the kind', async () => {
    const none = await put('/v1/automations/welcome', { enabled: true, channel: 'email', template: 'nope' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('nope');
    const days = await put('/v1/automations/points_expiring', {
      enabled: true,
      channel: 'email',
      template: 'expiring',
    });
    expect(days.statusCode).toBe(422);
    expect(days.json().error.message).toContain('daysBefore');
    const kind = await put('/v1/automations/anniversary', {
      enabled: true,
      channel: 'email',
      template: 'welcome',
    });
    expect(kind.statusCode).toBe(400);
  });

  it('welcomes each customer enrolled after it was set, once with two runners', async () => {
    clock += 1000; // the demo customers were enrolled before
    const set = await put('/v1/automations/welcome', {
      enabled: true,
      channel: 'email',
      template: 'welcome',
    });
    expect(set.statusCode).toBe(200);
    clock += 1000;
    const ids: string[] = [];
    for (const n of ['Léa', 'Tom']) {
      const res = await post('/v1/customers', { lastName: 'New', firstName: n, email: `${n}@example.com` });
      ids.push(res.json().id);
    }
    await tickTwice();
    await tickTwice();
    const rows = await messagesOf('automation:welcome');
    expect(rows.map((r) => r.customer_id).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(
      ids.map((id) => `automation:welcome:${id}`).sort(),
    );
  });

  it('sends a birthday message with a voucher, once', async () => {
    const set = await put('/v1/automations/birthday', {
      enabled: true,
      channel: 'email',
      template: 'birthday',
      voucher: { kind: 'amount', value: 500, validDays: 30 },
    });
    expect(set.statusCode).toBe(200);
    const res = await post('/v1/customers', {
      lastName: 'Born',
      firstName: 'Today',
      email: 'today@example.com',
      birthDay: 28,
      birthMonth: 11,
    });
    const id = res.json().id as string;
    await tickTwice();
    await tickTwice();
    const rows = (await messagesOf('automation:birthday')).filter((r) => r.customer_id === id);
    expect(rows.length).toBe(1);
    expect(rows[0]!.idempotency_key).toBe(`automation:birthday:2026:${id}`);
    const vouchers = await h.deps.db
      .selectFrom('vouchers')
      .select(['number', 'value'])
      .where('customer_id', '=', id)
      .where('source', '=', 'birthday')
      .execute();
    expect(vouchers.length).toBe(1);
    expect(JSON.parse(rows[0]!.variables!)['voucher.number']).toBe(vouchers[0]!.number);
  });

  it('warns of points expiring daysBefore days ahead, once per card and day', async () => {
    const set = await put('/v1/automations/points_expiring', {
      enabled: true,
      channel: 'email',
      template: 'expiring',
      daysBefore: 30,
    });
    expect(set.statusCode).toBe(200);
    const res = await post('/v1/customers', {
      lastName: 'Points',
      firstName: 'Max',
      email: 'max@example.com',
    });
    const customerId = res.json().id as string;
    const now = new Date(clock).toISOString();
    await h.deps.db
      .insertInto('cards')
      .values({
        id: 'card_expiringtest000000000000',
        merchant_id: h.merchantId,
        number: '99900011122',
        customer_id: customerId,
        status: 'active',
        program_id: null,
        block_reason: null,
        blocked_by_role: null,
        expires_at: null,
        replaced_by: null,
        issued_at: now,
        activated_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const lot = (id: string, amount: number, expiresAt: string) => ({
      id,
      merchant_id: h.merchantId,
      card_id: 'card_expiringtest000000000000',
      movement_id: `mov_${id}`,
      sale_id: null,
      amount,
      remaining: amount,
      burnt: 0,
      earned_at: now,
      pending_until: null,
      expires_at: expiresAt,
    });
    await h.deps.db
      .insertInto('movements')
      .values(
        ['lot_a', 'lot_b', 'lot_c'].map((id) => ({
          id: `mov_${id}`,
          merchant_id: h.merchantId,
          card_id: 'card_expiringtest000000000000',
          kind: 'earn',
          points: 1,
          money: 0,
          sale_id: null,
          store_id: null,
          terminal_id: null,
          principal_id: null,
          reason: 'test',
          created_at: now,
        })),
      )
      .execute();
    await h.deps.db
      .insertInto('lots')
      .values([
        lot('lot_a', 120, '2026-12-20T00:00:00.000Z'),
        lot('lot_b', 30, '2026-12-20T00:00:00.000Z'),
        lot('lot_c', 999, '2027-06-01T00:00:00.000Z'), // beyond 30 days
      ])
      .execute();
    await tickTwice();
    await tickTwice();
    const rows = (await messagesOf('automation:points_expiring')).filter((r) => r.customer_id === customerId);
    expect(rows.length).toBe(1);
    expect(JSON.parse(rows[0]!.variables!)).toMatchObject({
      'expiring.points': 150,
      'expiring.date': '2026-12-20',
    });
  });

  it('congratulates on a tier reached, once per event', async () => {
    const set = await put('/v1/automations/tier_reached', {
      enabled: true,
      channel: 'email',
      template: 'tier',
    });
    expect(set.statusCode).toBe(200);
    clock += 1000;
    const res = await post('/v1/customers', {
      lastName: 'Tier',
      firstName: 'Gold',
      email: 'gold@example.com',
    });
    const customerId = res.json().id as string;
    await withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue({
        merchantId: h.merchantId,
        channel: 'webhook',
        event: 'tier.reached',
        data: { customerId, cardNumber: '1', step: { index: 2, label: 'Gold' } },
      });
      return ok(null);
    });
    await tickTwice();
    await tickTwice();
    const rows = (await messagesOf('automation:tier_reached')).filter((r) => r.customer_id === customerId);
    expect(rows.length).toBe(1);
    expect(JSON.parse(rows[0]!.variables!)['tier.name']).toBe('Gold');
    const list = await h.request({ url: '/v1/automations', token: admin });
    expect(list.json().data.map((a: { kind: string }) => a.kind)).toEqual([
      'birthday',
      'points_expiring',
      'tier_reached',
      'welcome',
    ]);
  });
});
