import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { claimDueMessages } from '../src/db/repos/outbox.repo.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { startReceiver, type Receiver } from './support/webhook-receiver.js';

// A worker that dies holding messages loses none: its leases run out and another worker sends them (again,
// if the first had sent them: at least once, with the same webhook-id for the receiver). Workers running at
// once take disjoint messages: each is sent once.
describe.each(databases())('outbox leases on $kind', (target) => {
  let h: Harness;
  let receiver: Receiver;
  let clock = Date.now();
  let admin: string;
  const customers = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token: admin,
        payload: { lastName: `Lease${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: { TESSERA_WEBHOOKS_ALLOW_PRIVATE: '1' },
    });
    admin = await h.adminToken();
    await deliverDue(h.deps); // nothing subscribed yet
    const res = await h.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: admin,
      payload: { url: receiver.url, events: ['customer.created'] },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  it('sends the messages of a worker that died holding them once its lease has run out', async () => {
    await customers(3);
    const now = new Date(clock).toISOString();
    const stolen = await claimDueMessages(h.deps.db, h.deps.dbKind, {
      owner: 'dead-worker',
      now,
      leaseUntil: new Date(clock + 60_000).toISOString(),
      channels: ['webhook'],
      limit: 10,
    });
    expect(stolen).toHaveLength(3);
    clock += 30_000;
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 0 });
    clock += 31_000;
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 3 });
    expect(new Set(receiver.received.map((d) => d.headers['webhook-id'])).size).toBe(3);
    const log = (await h.request({ url: '/v1/messages?channel=webhook&limit=3', token: admin })).json().data;
    for (const m of log) expect(m).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('lets workers running at once send each message exactly once', async () => {
    const before = receiver.received.length;
    await customers(40);
    const reports = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        deliverDue(h.deps, { owner: `worker-${i}`, batch: 5, concurrency: 2 }),
      ),
    );
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(40);
    const ids = receiver.received.slice(before).map((d) => d.headers['webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
