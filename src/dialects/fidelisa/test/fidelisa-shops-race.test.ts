/** Concurrent Fidelisa shops/init for one e-mail make one shop, and every call answers it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { fidelisaCall } from './fidelisa-support.js';

describe.each(databases())('Fidelisa shops/init race on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('creates one merchant for ten concurrent inits of one e-mail', async () => {
    const call = fidelisaCall(h);
    const email = `race-${target.kind}@fidelisa.com`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', '/api/shops/init', { shop: { user_email: email } }, false),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const uuids = new Set(answers.map((a) => JSON.stringify(a.json()).match(/[0-9A-F]{32}/)?.[0]));
    expect(uuids.size).toBe(1);
    const merchants = await h.deps.db
      .selectFrom('merchants')
      .select('id')
      .where('contact_email', '=', email)
      .execute();
    expect(merchants).toHaveLength(1);
  });
});
