import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from './support/smtp-sink.js';

// E-mail leaves the outbox over real SMTP (STARTTLS, AUTH, pooled) to a server started by the test; what
// arrived is parsed and checked. Every attempt is recorded; failures are retried, then dead-lettered, and
// an administrator can retry a dead letter. The unsubscribe link withdraws consent, checked at send time.
describe.each(databases())('e-mail delivery on $kind', (target) => {
  let h: Harness;
  let smtp: SmtpSink;
  let clock = Date.parse('2026-11-28T10:00:00.000Z');
  let admin: string;
  let customerId: string;

  const enqueue = (fields: {
    subject?: string;
    body?: string;
    html?: string;
    channel?: 'email' | 'sms';
    to?: string;
  }) =>
    withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue({
        merchantId: h.merchantId,
        channel: fields.channel ?? 'email',
        recipients: [fields.to ?? customerId],
        subject: fields.subject ?? 'Vos points',
        body: fields.body ?? 'Bonjour {{ customer.firstName }}, merci.',
        html: fields.html ?? null,
        source: 'test',
      });
      return ok(null);
    });
  const latest = async () => {
    const res = await h.request({ url: '/v1/messages?limit=1', token: admin });
    expect(res.statusCode).toBe(200);
    return res.json().data[0];
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Boutique Demo <fidelite@demo.test>',
        SMTP_REQUIRE_TLS: '1',
        TESSERA_OUTBOUND_CA: TEST_CA,
        TESSERA_PUBLIC_URL: 'https://loyalty.demo.test',
        TESSERA_MESSAGE_MAX_ATTEMPTS: '2',
        SMS_GATEWAY_URL: '',
      },
    });
    admin = await h.adminToken();
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token: admin,
      payload: {
        lastName: 'Martin',
        firstName: 'Zoé',
        email: 'zoe.martin@example.com',
        consents: { email: true },
      },
    });
    expect(res.statusCode).toBe(201);
    customerId = res.json().id;
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('sends an e-mail over STARTTLS with AUTH, text and HTML bodies and List-Unsubscribe', async () => {
    await enqueue({ html: '<p>Bonjour {{ customer.firstName }}</p>' });
    const report = await deliverDue(h.deps);
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.secure).toBe(true);
    expect(got.user).toBe('tessera');
    expect(got.envelopeTo).toEqual(['zoe.martin@example.com']);
    expect(got.envelopeFrom).toBe('fidelite@demo.test');
    expect(got.mail.subject).toBe('Vos points');
    expect(got.mail.text).toContain('Bonjour Zoé, merci.');
    expect(got.mail.html).toContain('<p>Bonjour Zoé</p>');
    const message = await latest();
    const link = `https://loyalty.demo.test/unsubscribe/${message.id}`;
    const header = got.mail.headerLines.find((l) => l.key === 'list-unsubscribe')?.line;
    expect(header?.replace(/\r?\n\s+/g, ' ')).toBe(`List-Unsubscribe: <${link}>`);
    expect(got.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(got.mail.messageId).toBe(`<${message.id}@tessera>`);
    expect(got.mail.text).toContain(link);
    expect(message).toMatchObject({ status: 'sent', channel: 'email', attempts: 1, waitingBecause: null });
    expect(message.history).toEqual([
      expect.objectContaining({
        attempt: 1,
        channel: 'email',
        outcome: 'sent',
        answer: expect.stringMatching(/^250 /),
      }),
    ]);
  });

  it('retries a refused delivery with backoff, dead-letters it after the last try, and retries it on demand', async () => {
    smtp.failNext(2, 451, 'Mailbox busy, try later');
    await enqueue({ subject: 'Relance' });
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 0, failed: 1 });
    let message = await latest();
    expect(message).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('451'),
    });
    expect(Date.parse(message.nextAttemptAt) - clock).toBeGreaterThanOrEqual(30_000);
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 0, failed: 0 }); // not due yet
    clock += 40_000;
    expect(await deliverDue(h.deps)).toMatchObject({ dead: 1 });
    message = await latest();
    expect(message).toMatchObject({ status: 'dead', attempts: 2 });
    expect(message.history.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'failed']);

    const cashier = await h.clientToken();
    const refused = await h.request({
      method: 'POST',
      url: `/v1/messages/${message.id}/retry`,
      token: cashier,
    });
    expect(refused.statusCode).toBe(403);
    const retried = await h.request({
      method: 'POST',
      url: `/v1/messages/${message.id}/retry`,
      token: admin,
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await h.request({ method: 'POST', url: `/v1/messages/${message.id}/retry`, token: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MESSAGE_NOT_DEAD');
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 1 });
    expect(smtp.received.at(-1)!.mail.subject).toBe('Relance');
    expect((await latest()).history).toHaveLength(3);
  });

  it('keeps SMS queued with the reason while no gateway is configured', async () => {
    await enqueue({ channel: 'sms', body: 'Hello' });
    await deliverDue(h.deps);
    const message = await latest();
    expect(message).toMatchObject({ status: 'pending', channel: 'sms', attempts: 0 });
    expect(message.waitingBecause).toContain('SMS_GATEWAY_URL');
    const filtered = await h.request({ url: '/v1/messages?status=pending&channel=sms', token: admin });
    expect(filtered.json().data.map((m: { id: string }) => m.id)).toEqual([message.id]);
  });

  it('withdraws e-mail consent through the one-click unsubscribe link, and checks consent at send time', async () => {
    const first = (
      await h.request({ url: '/v1/messages?status=sent&channel=email&limit=1', token: admin })
    ).json().data[0];
    await enqueue({ subject: 'Queued before the withdrawal' });
    const page = await h.request({ url: `/unsubscribe/${first.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    const done = await h.request({
      method: 'POST',
      url: `/unsubscribe/${first.id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Unsubscribed');
    const customer = await h.request({ url: `/v1/customers/${customerId}`, token: admin });
    expect(customer.json().consents.email).toBe(false);
    const before = smtp.received.length;
    expect(await deliverDue(h.deps)).toMatchObject({ suppressed: 1, sent: 0 });
    expect(smtp.received).toHaveLength(before);
    const message = await latest();
    expect(message).toMatchObject({ status: 'suppressed' });
    expect(message.history[0].answer).toContain('consent');
    expect((await h.request({ url: '/unsubscribe/msg_00000000000000000000000000' })).statusCode).toBe(404);
  });

  it('answers 404 for an unknown message and 400 for a bad cursor', async () => {
    expect(
      (await h.request({ url: '/v1/messages/msg_00000000000000000000000000', token: admin })).statusCode,
    ).toBe(404);
    expect((await h.request({ url: '/v1/messages?cursor=zz', token: admin })).statusCode).toBe(400);
  });
});
