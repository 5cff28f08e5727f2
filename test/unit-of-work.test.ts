import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../src/core/error-catalog.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { RetryableDbError } from '../src/db/errors.js';
import { createHarness, databases, type Harness } from './support/harness.js';

// The outbox is written only through the unit of work: an event exists if and only if the work that caused
// it is committed, and what waits for the commit runs once, after it.
describe.each(databases())('unit of work on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  const outbox = (source: string) =>
    h.deps.db.selectFrom('outbox_messages').selectAll().where('source', '=', source).execute();
  const event = (source: string) => ({
    merchantId: h.merchantId,
    channel: 'email' as const,
    recipients: ['cus_1'],
    subject: 'Bienvenue',
    body: 'Merci',
    source,
  });

  it('keeps the events of committed work and runs its after-commit actions once', async () => {
    const after: string[] = [];
    let attempts = 0;
    const result = await withUnitOfWork(h.deps, async (uow) => {
      attempts++;
      await uow.enqueue(event('uow-ok'));
      uow.onCommit(() => void after.push(`sent ${attempts}`));
      // the first attempt loses a race: the whole unit runs again from its reads
      if (attempts === 1) throw new RetryableDbError(new Error('stale'));
      return ok(42);
    });
    expect(result).toEqual({ ok: true, value: 42 });
    expect(attempts).toBe(2);
    expect(after).toEqual(['sent 2']);
    const rows = await outbox('uow-ok');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', status: 'pending', recipients: '["cus_1"]' });
  });

  it('leaves nothing of work that answered a failure, and runs no after-commit action', async () => {
    const after: string[] = [];
    const result = await withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue(event('uow-failed'));
      uow.onCommit(() => void after.push('sent'));
      return fail('CARD_NOT_FOUND');
    });
    expect(result).toMatchObject({ ok: false, code: 'CARD_NOT_FOUND' });
    expect(await outbox('uow-failed')).toEqual([]);
    expect(after).toEqual([]);
  });
});
