import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { launchDueCampaigns } from '../src/app/messaging/campaign-launch.js';
import { campaignsJob } from '../src/jobs/campaigns.js';
import { createJobRunner } from '../src/jobs/runner.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from './support/smtp-sink.js';

// Campaigns: audience by segment and filters, counted by a dry run; launched by the job runner once even
// with two runners (and again after a lost lease: the key per campaign × customer adds nothing twice);
// throttled; results counted from the outbox, consent withdrawn counted as unsubscribed.
describe.each(databases())('campaigns on $kind', (target) => {
  let h: Harness;
  let smtp: SmtpSink;
  const clock = Date.parse('2026-11-28T10:00:00.000Z');
  let admin: string;
  const members: string[] = [];

  const post = (url: string, payload?: Record<string, unknown>) =>
    h.request({ method: 'POST', url, token: admin, ...(payload === undefined ? {} : { payload }) });

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
    for (let i = 0; i < 7; i++) {
      const res = await post('/v1/customers', {
        lastName: `Camp${i}`,
        firstName: `Ana${i}`,
        ...(i === 6 ? {} : { email: `ana${i}@example.com` }),
        birthMonth: i < 2 ? 3 : 7,
        consents: { email: i !== 5 },
      });
      expect(res.statusCode).toBe(201);
      members.push(res.json().id);
    }
    const seg = await post('/v1/segments/spring/members', { operation: 'add', customers: members });
    expect(seg.statusCode).toBeLessThan(300);
    const tpl = await h.request({
      method: 'PUT',
      url: '/v1/templates/spring/email/en',
      token: admin,
      payload: { subject: 'Spring, {{ customer.firstName }}', body: 'Hello {{ customer.firstName }}' },
    });
    expect(tpl.statusCode).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('refuses an unknown template, segment or tier, naming it', async () => {
    const noTpl = await post('/v1/campaigns', { name: 'x', channel: 'email', template: 'nope' });
    expect(noTpl.statusCode).toBe(422);
    expect(noTpl.json().error.message).toContain('nope');
    const noSeg = await post('/v1/campaigns', {
      name: 'x',
      channel: 'email',
      template: 'spring',
      audience: { segment: 'winter' },
    });
    expect(noSeg.statusCode).toBe(422);
    expect(noSeg.json().error.message).toContain('winter');
    const tierAlone = await post('/v1/campaigns', {
      name: 'x',
      channel: 'email',
      template: 'spring',
      audience: { minTier: 1 },
    });
    expect(tierAlone.statusCode).toBe(422);
    expect(tierAlone.json().error.message).toContain('program');
  });

  it('counts the audience in a dry run, by segment and birthday month', async () => {
    const all = await post('/v1/campaigns', {
      name: 'Spring',
      channel: 'email',
      template: 'spring',
      audience: { segment: 'spring' },
    });
    expect(all.statusCode).toBe(201);
    expect(all.json().status).toBe('draft');
    const dry = await post(`/v1/campaigns/${all.json().id}/dry-run`);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().audience).toBe(6); // the one without an e-mail address is not in it
    const march = await post('/v1/campaigns', {
      name: 'March',
      channel: 'email',
      template: 'spring',
      audience: { segment: 'spring', birthdayMonth: 3 },
    });
    expect((await post(`/v1/campaigns/${march.json().id}/dry-run`)).json().audience).toBe(2);
    const buyers = await post('/v1/campaigns', {
      name: 'Buyers',
      channel: 'email',
      template: 'spring',
      audience: { segment: 'spring', lastPurchaseAfter: '2026-01-01', minBalance: 1 },
    });
    expect((await post(`/v1/campaigns/${buyers.json().id}/dry-run`)).json().audience).toBe(0);
  });

  it('launches once with two runners, throttled, one message per customer, then counts results', async () => {
    const created = await post('/v1/campaigns', {
      name: 'Spring launch',
      channel: 'email',
      template: 'spring',
      audience: { segment: 'spring' },
      perMinute: 2,
    });
    const id = created.json().id as string;
    const launched = await post(`/v1/campaigns/${id}/launch`);
    expect(launched.json().status).toBe('scheduled');
    expect((await post(`/v1/campaigns/${id}/launch`)).statusCode).toBe(409);

    const a = createJobRunner(h.deps, [campaignsJob], { owner: 'runner-a' });
    const b = createJobRunner(h.deps, [campaignsJob], { owner: 'runner-b' });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const after = (await h.request({ url: `/v1/campaigns/${id}`, token: admin })).json();
    expect(after.status).toBe('launched');
    expect(after.enqueued).toBe(6);

    const rows = await h.deps.db
      .selectFrom('outbox_messages')
      .select(['customer_id', 'next_attempt_at'])
      .where('source', '=', `campaign:${id}`)
      .execute();
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(6);
    // Throttled: two a minute over three minutes.
    const minutes = rows.map((r) => r.next_attempt_at!.slice(0, 16)).sort();
    expect(new Set(minutes).size).toBe(3);

    // A launch taken over after a crash (lease run out, cursor lost) adds nothing twice.
    await h.deps.db
      .updateTable('campaigns')
      .set({ status: 'launching', lease_until: '2000-01-01T00:00:00.000Z', cursor: null })
      .where('id', '=', id)
      .execute();
    expect(await launchDueCampaigns(h.deps)).toMatchObject({ campaigns: 1, messages: 0 });
    const count = await h.deps.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', `campaign:${id}`)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);

    await deliverDue(h.deps); // only the first minute is due
    const results = (await h.request({ url: `/v1/campaigns/${id}`, token: admin })).json().results;
    expect(results.sent + results.unsubscribed).toBe(2);
    expect(results.queued).toBe(4);
    expect(results.delivered).toBeNull();
  });

  it('cancels a draft, not a launched campaign', async () => {
    const c = await post('/v1/campaigns', { name: 'c', channel: 'email', template: 'spring' });
    expect((await post(`/v1/campaigns/${c.json().id}/cancel`)).json().status).toBe('cancelled');
    expect((await post(`/v1/campaigns/${c.json().id}/launch`)).statusCode).toBe(409);
    const list = await h.request({ url: '/v1/campaigns?limit=2', token: admin });
    expect(list.json().data.length).toBe(2);
    expect(list.json().nextCursor).not.toBeNull();
  });
});
