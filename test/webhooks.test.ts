import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/app/demo/load-demo.js';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { checkWebhookUrl } from '../src/app/messaging/webhook-url.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { createCard, createProgram, purchase, sale } from './support/loyalty-fixtures.js';
import { startReceiver, type Delivery, type Receiver } from './support/webhook-receiver.js';

/** The check a receiver would write from the Standard Webhooks spec, independently of ours. */
function verifyByHand(secret: string, d: Delivery): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${d.headers['webhook-id']}.${d.headers['webhook-timestamp']}.${d.body}`;
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return d.headers['webhook-signature']!.split(' ').includes(`v1,${expected}`);
}

async function freshAdminToken(h: Harness): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: { grant_type: 'password', username: DEMO.admin.login, password: DEMO.admin.password },
  });
  return res.json().access_token;
}

describe('webhook URLs', () => {
  it.each([
    ['http://example.com/hook', 'https'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://[::1]/hook', 'loopback'],
    ['https://localhost/hook', 'loopback'],
    ['ftp://example.com/hook', 'https'],
    ['https://user:pw@example.com/hook', 'password'],
    ['not a url', 'absolute URL'],
  ])('refuses %s outside development', async (url, word) => {
    const result = await checkWebhookUrl(url, false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('WEBHOOK_URL_INVALID');
      expect(result.message).toContain(word);
    }
  });

  it('accepts loopback http when private addresses are allowed (development, tests)', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:9/hook', true)).toMatchObject({ ok: true });
  });
});

// Events are written to the outbox in the transaction that caused them, signed per Standard Webhooks,
// retried with backoff, and an endpoint failing for days is disabled; events can be replayed.
describe.each(databases())('webhooks on $kind', (target) => {
  let h: Harness;
  let receiver: Receiver;
  let admin: string;
  let cashier: string;
  let programId: string;
  let endpoint: { id: string; secret: string };
  // Real time: the standardwebhooks library refuses timestamps five minutes away from its clock.
  let clock = Date.now();
  let subscribedAt: string;
  const deliver = () => deliverDue(h.deps);

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: { TESSERA_WEBHOOKS_ALLOW_PRIVATE: '1' },
    });
    admin = await h.adminToken();
    cashier = await h.clientToken();
    programId = await createProgram(h, {
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: { points: 1, per: 100 },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
    });
    await deliver(); // nothing subscribed yet: the setup's events go nowhere
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  it('registers an endpoint, showing its secret once; refuses unknown events and non-administrators', async () => {
    clock += 1_000; // after the demo data's events
    subscribedAt = new Date(clock).toISOString();
    const res = await h.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: admin,
      payload: {
        url: receiver.url,
        events: ['sale.posted', 'points.earned', 'customer.created', 'sale.cancelled'],
      },
    });
    expect(res.statusCode).toBe(201);
    endpoint = res.json();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const read = await h.request({ url: `/v1/webhooks/${endpoint.id}`, token: admin });
    expect(read.json()).toMatchObject({ id: endpoint.id, url: receiver.url, enabled: true });
    expect(read.json().secret).toBeUndefined();
    const list = await h.request({ url: '/v1/webhooks', token: admin });
    expect(list.json().data.map((w: { id: string }) => w.id)).toContain(endpoint.id);

    const unknown = await h.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: admin,
      payload: { url: receiver.url, events: ['sale.exploded'] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'WEBHOOK_EVENT_UNKNOWN' });
    expect(unknown.json().error.message).toContain('sale.exploded');
    const forbidden = await h.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: cashier,
      payload: { url: receiver.url, events: ['*'] },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('delivers the events of a committed sale, signed (checked by the standardwebhooks library and by hand)', async () => {
    const card = await createCard(h, programId);
    const posted = await sale(h, cashier, { cardNumber: card.number, lines: [purchase(2500)] });
    expect(posted.statusCode).toBe(201);
    const report = await deliver();
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    const types = receiver.received.map((d) => d.json.type).sort();
    expect(types).toEqual(['customer.created', 'points.earned', 'sale.posted']);
    const wh = new Webhook(endpoint.secret);
    for (const d of receiver.received) {
      expect(() => wh.verify(d.body, d.headers)).not.toThrow();
      expect(verifyByHand(endpoint.secret, d)).toBe(true);
      expect(d.headers['webhook-id']).toMatch(/^evt_/);
      expect(Number(d.headers['webhook-timestamp'])).toBe(Math.floor(clock / 1000));
    }
    const salePosted = receiver.received.find((d) => d.json.type === 'sale.posted')!;
    expect(salePosted.json.data).toMatchObject({
      saleId: posted.json().saleId,
      cardNumber: card.number,
      pointsEarned: 25,
    });
    const earned = receiver.received.find((d) => d.json.type === 'points.earned')!;
    expect(earned.json.data).toMatchObject({ points: 25, saleId: posted.json().saleId });
    // a tampered body fails the independent check
    expect(() => wh.verify(salePosted.body.replace('25', '26'), salePosted.headers)).toThrow();
  });

  it('sends nothing for a sale that was refused (rolled back)', async () => {
    const before = receiver.received.length;
    const refused = await sale(h, cashier, { cardNumber: 'NO-SUCH-CARD', lines: [purchase(1000)] });
    expect(refused.statusCode).toBe(404);
    const card = await createCard(h, programId, { withCustomer: false });
    const overdrawn = await sale(h, cashier, {
      cardNumber: card.number,
      lines: [purchase(1000)],
      redeemPoints: 5000,
    });
    expect(overdrawn.statusCode).toBe(409);
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(receiver.received).toHaveLength(before);
  });

  it('retries a failed delivery with backoff, with the same webhook-id, and logs every attempt', async () => {
    const card = await createCard(h, programId, { withCustomer: false });
    const posted = await sale(h, cashier, { cardNumber: card.number, lines: [purchase(300)] });
    expect(posted.statusCode).toBe(201);
    receiver.answer(503, 2);
    expect(await deliver()).toMatchObject({ failed: 2, sent: 0 }); // sale.posted and points.earned
    const log = await h.request({ url: `/v1/webhooks/${endpoint.id}/deliveries?limit=2`, token: admin });
    expect(log.statusCode).toBe(200);
    for (const d of log.json().data) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1, channel: 'webhook' });
      expect(d.history[0]).toMatchObject({ outcome: 'failed', answer: '503 down' });
      expect(Date.parse(d.nextAttemptAt) - clock).toBeGreaterThanOrEqual(5_000);
    }
    expect(
      (await h.request({ url: `/v1/webhooks/${endpoint.id}`, token: admin })).json().failingSince,
    ).not.toBeNull();
    clock += 6_000;
    expect(await deliver()).toMatchObject({ sent: 2 });
    const delivered = receiver.received.find(
      (d) => d.json.data.saleId === posted.json().saleId && d.json.type === 'sale.posted',
    )!;
    const again = (
      await h.request({ url: `/v1/webhooks/${endpoint.id}/deliveries?limit=2`, token: admin })
    ).json().data;
    const sameEvent = again.find((d: { event: { type: string } }) => d.event.type === 'sale.posted');
    expect(sameEvent.event.id).toBe(delivered.headers['webhook-id']);
    expect(sameEvent.history.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'sent']);
    expect(
      (await h.request({ url: `/v1/webhooks/${endpoint.id}`, token: admin })).json().failingSince,
    ).toBeNull();
  });

  it('replays one event, and a time range, with the original event ids', async () => {
    const first = receiver.received[0]!;
    const one = await h.request({
      method: 'POST',
      url: `/v1/webhooks/${endpoint.id}/replay`,
      token: admin,
      payload: { eventId: first.headers['webhook-id'] },
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ queued: 1 });
    const before = receiver.received.length;
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(receiver.received[before]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(receiver.received[before]!.body).toBe(first.body);

    const range = await h.request({
      method: 'POST',
      url: `/v1/webhooks/${endpoint.id}/replay`,
      token: admin,
      payload: { from: subscribedAt, to: new Date(clock + 1).toISOString() },
    });
    expect(range.json().queued).toBe(5); // the followed events: 1 customer, 2 + 2 of the sales
    expect((await deliver()).sent).toBe(5);
    const missing = await h.request({
      method: 'POST',
      url: `/v1/webhooks/${endpoint.id}/replay`,
      token: admin,
      payload: { eventId: 'evt_00000000000000000000000000' },
    });
    expect(missing.statusCode).toBe(404);
    const both = await h.request({
      method: 'POST',
      url: `/v1/webhooks/${endpoint.id}/replay`,
      token: admin,
      payload: {},
    });
    expect(both.statusCode).toBe(400);
  });

  it('disables an endpoint that keeps failing for days, and an administrator re-enables it', async () => {
    receiver.answer(500);
    const card = await createCard(h, programId, { withCustomer: false });
    expect((await sale(h, cashier, { cardNumber: card.number, lines: [purchase(100)] })).statusCode).toBe(
      201,
    );
    await deliver();
    for (const hours of [1, 3, 6, 12, 24, 48, 72, 121]) {
      clock += hours * 3_600_000;
      await deliver();
    }
    admin = await freshAdminToken(h); // days went by: the first token expired
    const state = (await h.request({ url: `/v1/webhooks/${endpoint.id}`, token: admin })).json();
    expect(state.enabled).toBe(false);
    expect(state.disabledReason).toContain('failing since');
    const dead = await h.request({ url: '/v1/messages?channel=webhook&status=dead', token: admin });
    expect(dead.json().data.length).toBeGreaterThan(0);
    receiver.answer(200);
    const patched = await h.request({
      method: 'PATCH',
      url: `/v1/webhooks/${endpoint.id}`,
      token: admin,
      payload: { enabled: true, events: ['*'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      enabled: true,
      disabledReason: null,
      failingSince: null,
      events: ['*'],
    });
  });

  it('deletes an endpoint', async () => {
    const del = await h.request({ method: 'DELETE', url: `/v1/webhooks/${endpoint.id}`, token: admin });
    expect(del.statusCode).toBe(200);
    expect((await h.request({ url: `/v1/webhooks/${endpoint.id}`, token: admin })).statusCode).toBe(404);
  });
});
