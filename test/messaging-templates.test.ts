import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import { DEMO } from '../src/app/demo/load-demo.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from './support/smtp-sink.js';

// Templates per merchant, channel and language: validated when saved (unknown variable → 422 naming it),
// previewed for a customer with HTML escaping; messaging settings (quiet hours, send rate) read and set
// through the API and honoured by the delivery job: a message in quiet hours waits, it is not dropped.
describe.each(databases())('templates and messaging settings on $kind', (target) => {
  let h: Harness;
  let smtp: SmtpSink;
  let clock = Date.parse('2026-11-28T10:00:00.000Z');
  let admin: string;
  let customerId: string;

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
      },
    });
    admin = await h.adminToken();
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token: admin,
      payload: {
        lastName: 'Martin',
        firstName: '<b>Zoé</b> & co',
        email: 'zoe.tpl@example.com',
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

  /** A token valid at the test clock (the harness caches the first one). */
  const freshAdmin = async () => {
    const res = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: DEMO.admin.login, password: DEMO.admin.password },
    });
    return res.json().access_token as string;
  };
  const put = (path: string, payload: Record<string, unknown>) =>
    h.request({ method: 'PUT', url: `/v1/templates/${path}`, token: admin, payload });

  it('refuses an unknown variable, naming it, and an unclosed placeholder', async () => {
    const res = await put('welcome/email/fr', { subject: 'Salut', body: 'Bonjour {{ customer.nickname }}' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TEMPLATE_INVALID');
    expect(res.json().error.message).toContain('customer.nickname');
    const open = await put('welcome/email/fr', { body: 'Bonjour {{ customer.firstName' });
    expect(open.statusCode).toBe(422);
    expect(open.json().error.message).toContain('unclosed');
    const lang = await put('welcome/email/de', { body: 'Hallo' });
    expect(lang.statusCode).toBe(400);
  });

  it('saves, lists, reads and previews a template, escaping values in HTML only', async () => {
    const saved = await put('welcome/email/fr', {
      subject: 'Bienvenue {{ customer.firstName }}',
      body: 'Bonjour {{ customer.firstName }}, carte {{ card.number }}, {{ balance.points }} points. {{ voucher.number }}',
      html: '<p>Bonjour {{ customer.firstName }}</p>',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'welcome', channel: 'email', language: 'fr' });
    const list = await h.request({ url: '/v1/templates', token: admin });
    expect(list.json().data.map((t: { name: string }) => t.name)).toContain('welcome');
    const read = await h.request({ url: '/v1/templates/welcome/email/fr', token: admin });
    expect(read.json().subject).toBe('Bienvenue {{ customer.firstName }}');

    const preview = await h.request({
      method: 'POST',
      url: '/v1/templates/welcome/email/fr/preview',
      token: admin,
      payload: { customerId, variables: { 'voucher.number': 'V-42' } },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.subject).toBe('Bienvenue <b>Zoé</b> & co');
    expect(p.text).toContain('points. V-42');
    expect(p.html).toBe('<p>Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; co</p>');

    const unknownVar = await h.request({
      method: 'POST',
      url: '/v1/templates/welcome/email/fr/preview',
      token: admin,
      payload: { customerId, variables: { 'voucher.colour': 'red' } },
    });
    expect(unknownVar.statusCode).toBe(422);
    expect(unknownVar.json().error.message).toContain('voucher.colour');
    const nobody = await h.request({
      method: 'POST',
      url: '/v1/templates/welcome/email/fr/preview',
      token: admin,
      payload: { customerId: 'cus_nobody' },
    });
    expect(nobody.statusCode).toBe(404);
    const missing = await h.request({ url: '/v1/templates/nothing/email/fr', token: admin });
    expect(missing.statusCode).toBe(404);
  });

  it('counts SMS segments in a preview and deletes a template', async () => {
    expect((await put('hello/sms/en', { body: 'Hi {{ customer.lastName }}' })).statusCode).toBe(200);
    const preview = await h.request({
      method: 'POST',
      url: '/v1/templates/hello/sms/en/preview',
      token: admin,
      payload: { customerId },
    });
    expect(preview.json()).toMatchObject({ text: 'Hi Martin', sms: { encoding: 'GSM-7', segments: 1 } });
    const html = await put('hello/sms/en', { body: 'x', html: '<p>x</p>' });
    expect(html.statusCode).toBe(422);
    const del = await h.request({ method: 'DELETE', url: '/v1/templates/hello/sms/en', token: admin });
    expect(del.statusCode).toBe(200);
    const again = await h.request({ method: 'DELETE', url: '/v1/templates/hello/sms/en', token: admin });
    expect(again.statusCode).toBe(404);
  });

  it('reads and validates messaging settings', async () => {
    const empty = await h.request({ url: '/v1/messaging-settings', token: admin });
    expect(empty.json()).toEqual({ quietStart: null, quietEnd: null, timeZone: null, perMinute: null });
    const set = (payload: Record<string, unknown>) =>
      h.request({ method: 'PUT', url: '/v1/messaging-settings', token: admin, payload });
    const half = await set({ quietStart: '21:00', quietEnd: null, timeZone: null, perMinute: null });
    expect(half.statusCode).toBe(422);
    const zone = await set({
      quietStart: '21:00',
      quietEnd: '08:00',
      timeZone: 'Mars/Olympus',
      perMinute: null,
    });
    expect(zone.statusCode).toBe(422);
    expect(zone.json().error.message).toContain('Mars/Olympus');
    const bad = await set({ quietStart: '25:00', quietEnd: '08:00', timeZone: null, perMinute: null });
    expect(bad.statusCode).toBe(400);
  });

  it('defers a message due in quiet hours until they end, then sends it', async () => {
    const set = await h.request({
      method: 'PUT',
      url: '/v1/messaging-settings',
      token: admin,
      payload: { quietStart: '21:00', quietEnd: '08:00', timeZone: 'Europe/Paris', perMinute: null },
    });
    expect(set.statusCode).toBe(200);
    clock = Date.parse('2026-11-28T22:30:00.000Z'); // 23:30 in Paris
    await withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue({
        merchantId: h.merchantId,
        channel: 'email',
        recipients: [customerId],
        template: 'welcome',
        language: 'fr',
        body: '',
        source: 'test:quiet',
      });
      return ok(null);
    });
    const before = smtp.received.length;
    const report = await deliverDue(h.deps);
    expect(report).toMatchObject({ sent: 0, deferred: 1 });
    admin = await freshAdmin();
    const listed = await h.request({ url: '/v1/messages?source=test:quiet', token: admin });
    const held = listed.json().data[0];
    expect(held.status).toBe('pending');
    expect(held.waitingBecause).toContain('Quiet hours');
    expect(held.nextAttemptAt).toBe('2026-11-29T07:00:00.000Z'); // 08:00 in Paris
    clock = Date.parse('2026-11-29T07:00:30.000Z');
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 1 });
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.mail.subject).toBe('Bienvenue <b>Zoé</b> & co');
  });

  it('caps the send rate per minute; the rest waits for the next minute', async () => {
    clock = Date.parse('2026-11-29T12:00:00.000Z');
    admin = await freshAdmin();
    await h.request({
      method: 'PUT',
      url: '/v1/messaging-settings',
      token: admin,
      payload: { quietStart: null, quietEnd: null, timeZone: null, perMinute: 2 },
    });
    await withUnitOfWork(h.deps, async (uow) => {
      for (let i = 0; i < 3; i++)
        await uow.enqueue({
          merchantId: h.merchantId,
          channel: 'email',
          recipients: [customerId],
          subject: `rate ${i}`,
          body: 'x',
          source: 'test:rate',
        });
      return ok(null);
    });
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 2, deferred: 1 });
    clock += 61_000;
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 1, deferred: 0 });
  });
});
