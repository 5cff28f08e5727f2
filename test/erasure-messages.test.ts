/**
 * Issue 10 item 6, second pass: GDPR erasure also reaches the outbox (messages to the customer or naming them:
 * recipients, subject, bodies, template variables), what providers answered to their attempts, and the webhook
 * events whose payload names the customer. A message not sent yet is never sent; `tessera check` flags what an
 * erasure would have left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/app/ops/check.js';
import { newId } from '../src/app/ids.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('GDPR erasure of messages and webhook events on $kind', (target) => {
  let h: Harness;
  let token: string;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(target, { env: { TESSERA_WEBHOOKS_ALLOW_PRIVATE: '1' } });
    token = await h.clientToken();
    admin = await h.adminToken();
    const hook = await h.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: admin,
      payload: { url: 'http://127.0.0.1:9/hooks', events: ['customer.created'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(() => h.close());

  const now = () => new Date().toISOString();
  async function message(values: {
    customerId: string | null;
    recipients: string[];
    body: string;
    status: 'pending' | 'sent';
    subject?: string;
    variables?: Record<string, unknown>;
  }) {
    const id = newId('msg');
    await h.deps.db
      .insertInto('outbox_messages')
      .values({
        id,
        merchant_id: h.merchantId,
        channel: 'email',
        recipients: JSON.stringify(values.recipients),
        customer_id: values.customerId,
        subject: values.subject ?? null,
        body: values.body,
        html: `<p>${values.body}</p>`,
        url: null,
        status: values.status,
        source: 'test',
        template: null,
        language: null,
        variables: values.variables ? JSON.stringify(values.variables) : null,
        idempotency_key: null,
        created_at: now(),
        next_attempt_at: values.status === 'pending' ? now() : null,
        sent_at: values.status === 'sent' ? now() : null,
      })
      .execute();
    await h.deps.db
      .insertInto('message_attempts')
      .values({
        id: newId('att'),
        message_id: id,
        merchant_id: h.merchantId,
        attempt: 1,
        channel: 'email',
        attempted_at: now(),
        outcome: values.status === 'sent' ? 'sent' : 'failed',
        answer: `250 2.0.0 OK queued for ${values.recipients.join(', ')}`,
        duration_ms: 3,
      })
      .execute();
    return id;
  }
  const row = (id: string) =>
    h.deps.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('erasure redacts the messages and webhook events naming the customer; pending ones are never sent', async () => {
    const aline = {
      firstName: 'Aline',
      lastName: 'Brossolette',
      email: 'aline.brossolette@example.fr',
      mobile: '+33612340199',
    };
    const created = await h.request({ method: 'POST', url: '/v1/customers', token, payload: aline });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const other = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { lastName: 'Ortolan', email: 'jean.ortolan@example.fr' },
    });
    const otherId = other.json().id as string;

    const sent = await message({
      customerId: id,
      recipients: [id],
      body: 'Bonjour Aline, votre carte vous attend.',
      subject: 'Votre carte',
      variables: { firstName: 'Aline' },
      status: 'sent',
    });
    const pendingSms = await message({
      customerId: null,
      recipients: [aline.mobile],
      body: 'Votre code : 1234',
      status: 'pending',
    });
    const kept = await message({
      customerId: otherId,
      recipients: [otherId],
      body: 'Bonjour Jean Ortolan',
      status: 'pending',
    });
    // The creation's webhook event and its delivery to the endpoint name her.
    const events = await h.deps.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('payload', 'like', `%${id}%`)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toContain('brossolette');
    const delivery = await h.deps.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('event_id', '=', events[0]!.id)
      .executeTakeFirstOrThrow();
    expect(delivery.body).toContain('brossolette');

    const del = await h.request({ method: 'DELETE', url: `/v1/customers/${id}`, token: admin });
    expect(del.statusCode, del.body).toBe(204);

    const texts = JSON.stringify([
      await h.deps.db.selectFrom('outbox_messages').selectAll().where('id', '!=', kept).execute(),
      await h.deps.db.selectFrom('message_attempts').selectAll().where('message_id', '!=', kept).execute(),
      await h.deps.db.selectFrom('webhook_events').selectAll().execute(),
    ]).toLowerCase();
    for (const trace of ['brossolette', 'aline', aline.email, aline.mobile])
      expect(texts).not.toContain(trace);

    expect(await row(sent)).toMatchObject({ status: 'sent', body: '', subject: null, recipients: '[]' });
    expect(await row(pendingSms)).toMatchObject({ status: 'suppressed', body: '', recipients: '[]' });
    const hook = await row(delivery.id);
    expect(hook).toMatchObject({ status: 'suppressed', body: '' });
    expect(JSON.parse(hook.recipients)).toHaveLength(1); // the merchant's endpoint, not personal data
    // Someone else's message is untouched.
    expect(await row(kept)).toMatchObject({ status: 'pending', body: 'Bonjour Jean Ortolan' });
    const event = await h.deps.db
      .selectFrom('webhook_events')
      .select(['type', 'payload'])
      .where('id', '=', events[0]!.id)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('customer.created');
    expect(JSON.parse(event.payload)).toEqual({ redacted: true });
    expect((await runChecks(h.deps)).ok).toBe(true);
  });

  it('tessera check flags a message or a webhook event still naming an erased customer', async () => {
    const created = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { lastName: 'Verbiest', email: 'verbiest.m@example.fr' },
    });
    const id = created.json().id as string;
    await h.request({ method: 'DELETE', url: `/v1/customers/${id}`, token: admin });
    expect((await runChecks(h.deps)).ok).toBe(true);
    const fails = /FAIL stored answers, log entries, messages and webhook events naming an erased customer/;

    // As the code before the fix left them: her message, and an event with her fields.
    const planted = await message({
      customerId: id,
      recipients: ['verbiest.m@example.fr'],
      body: 'Bonjour',
      status: 'sent',
    });
    expect((await runChecks(h.deps)).lines.join('\n')).toMatch(fails);
    await h.deps.db.deleteFrom('message_attempts').where('message_id', '=', planted).execute();
    await h.deps.db.deleteFrom('outbox_messages').where('id', '=', planted).execute();

    const eventId = newId('evt');
    await h.deps.db
      .insertInto('webhook_events')
      .values({
        id: eventId,
        merchant_id: h.merchantId,
        type: 'customer.created',
        payload: JSON.stringify({ customerId: id, lastName: 'Verbiest', email: 'verbiest.m@example.fr' }),
        created_at: now(),
      })
      .execute();
    expect((await runChecks(h.deps)).lines.join('\n')).toMatch(fails);
    await h.deps.db.deleteFrom('webhook_events').where('id', '=', eventId).execute();
    expect((await runChecks(h.deps)).ok).toBe(true);
  });
});
