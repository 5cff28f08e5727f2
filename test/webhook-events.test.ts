import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import type { WebhookEventType } from '../src/core/messaging/webhook-events.js';
import { runExpiry } from '../src/jobs/expiry.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from './support/smtp-sink.js';

// The events customer.erased, points.expired, coupon.issued, coupon.redeemed and message.failed are written
// in the transaction that causes them (a refused request writes none) and queued for the endpoints that
// follow them.
describe.each(databases())('webhook events on $kind', (target) => {
  let h: Harness;
  let smtp: SmtpSink;
  let clock = Date.parse('2026-11-28T10:00:00.000Z');
  let admin: string;

  const events = async (type: WebhookEventType) => {
    const rows = await h.deps.db
      .selectFrom('webhook_events')
      .select(['id', 'payload'])
      // The demo's other merchants (PROMO's napse issues coupons when it is loaded) have events too.
      .where('merchant_id', '=', h.merchantId)
      .where('type', '=', type)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, data: JSON.parse(r.payload) as Record<string, unknown> }));
  };
  const deliveries = async (type: string) =>
    (
      await h.deps.db
        .selectFrom('outbox_messages')
        .select('event_id')
        .where('merchant_id', '=', h.merchantId)
        .where('channel', '=', 'webhook')
        .where('event_type', '=', type)
        .execute()
    ).length;
  const post = (url: string, payload: Record<string, unknown>) =>
    h.request({ method: 'POST', url, token: admin, payload });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Boutique Demo <fidelite@demo.test>',
        TESSERA_OUTBOUND_CA: TEST_CA,
        TESSERA_PUBLIC_URL: 'https://loyalty.demo.test',
        SMS_GATEWAY_URL: '',
        TESSERA_WEBHOOKS_ALLOW_PRIVATE: '1',
        NODE_ENV: 'development',
      },
    });
    admin = await h.adminToken();
    const hook = await post('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['*'] });
    expect(hook.statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('customer.erased, in the erasure transaction', async () => {
    const res = await post('/v1/customers', {
      lastName: 'Gone',
      firstName: 'Soon',
      email: 'gone@example.com',
    });
    const id = res.json().id as string;
    const erased = await h.request({ method: 'DELETE', url: `/v1/customers/${id}`, token: admin });
    expect(erased.statusCode).toBe(204);
    const found = (await events('customer.erased')).filter((e) => e.data.customerId === id);
    expect(found.length).toBe(1);
    expect(await deliveries('customer.erased')).toBeGreaterThanOrEqual(1);
    const again = await h.request({ method: 'DELETE', url: `/v1/customers/cus_unknown`, token: admin });
    expect(again.statusCode).toBe(404);
    expect((await events('customer.erased')).length).toBe(1);
  });

  it('coupon.issued and coupon.redeemed; a refused issue writes nothing', async () => {
    const type = await post('/v1/coupon-types', {
      code: 'HOOK10',
      name: 'Hook',
      format: 'PRINTED',
      validityDays: 30,
      maxUses: 1,
    });
    expect(type.statusCode).toBe(201);
    const issued = await post('/v1/coupons', { type: 'HOOK10', barcode: '7000000000001' });
    expect(issued.statusCode).toBe(201);
    expect((await events('coupon.issued')).map((e) => e.data.barcode)).toEqual(['7000000000001']);
    const taken = await post('/v1/coupons', { type: 'HOOK10', barcode: '7000000000001' });
    expect(taken.statusCode).toBe(409);
    expect((await events('coupon.issued')).length).toBe(1);
    const redeemed = await post('/v1/coupons/7000000000001/redeem', { storeCode: 'X' });
    expect(redeemed.statusCode).toBe(200);
    const twice = await post('/v1/coupons/7000000000001/redeem', { storeCode: 'X' });
    expect(twice.statusCode).toBe(409);
    expect((await events('coupon.redeemed')).map((e) => e.data.barcode)).toEqual(['7000000000001']);
  });

  it('points.expired, in the expiry transaction', async () => {
    const customer = await post('/v1/customers', { lastName: 'Exp', firstName: 'Ire' });
    const customerId = customer.json().id as string;
    const now = new Date(clock).toISOString();
    const cardId = 'card_expiredevent0000000000';
    await h.deps.db
      .insertInto('cards')
      .values({
        id: cardId,
        merchant_id: h.merchantId,
        number: '99900022233',
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
    await h.deps.db
      .insertInto('movements')
      .values({
        id: 'mov_expiredevent',
        merchant_id: h.merchantId,
        card_id: cardId,
        kind: 'earn',
        points: 40,
        money: 0,
        sale_id: null,
        store_id: null,
        terminal_id: null,
        principal_id: null,
        reason: 'test',
        created_at: now,
      })
      .execute();
    await h.deps.db
      .insertInto('lots')
      .values({
        id: 'lot_expiredevent',
        merchant_id: h.merchantId,
        card_id: cardId,
        movement_id: 'mov_expiredevent',
        sale_id: null,
        amount: 40,
        remaining: 40,
        burnt: 0,
        earned_at: now,
        pending_until: null,
        expires_at: '2026-11-28T11:00:00.000Z',
      })
      .execute();
    clock = Date.parse('2026-11-28T12:00:00.000Z');
    await runExpiry(h.deps, new Date(clock));
    const found = (await events('points.expired')).filter((e) => e.data.cardId === cardId);
    expect(found.map((e) => e.data.points)).toEqual([40]);
    await runExpiry(h.deps, new Date(clock));
    expect((await events('points.expired')).filter((e) => e.data.cardId === cardId).length).toBe(1);
  });

  it('message.failed when a customer message is given up on', async () => {
    await withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue({
        merchantId: h.merchantId,
        channel: 'email',
        recipients: ['nobody@example.com'],
        subject: 'x',
        body: 'x',
        source: 'test:failed',
      });
      return ok(null);
    });
    // The webhook deliveries queued so far go to a closed port: out of the way of this run.
    await h.deps.db.deleteFrom('outbox_messages').where('channel', '=', 'webhook').execute();
    smtp.failNext(1, 550, 'no such user');
    await deliverDue(h.deps);
    const found = await events('message.failed');
    expect(found.length).toBe(1);
    expect(found[0]!.data).toMatchObject({ channel: 'email', source: 'test:failed', attempts: 1 });
    expect(String(found[0]!.data.lastError)).toContain('550');
  });
});
