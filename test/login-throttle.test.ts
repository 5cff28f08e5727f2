import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../src/core/login-throttle.js';
import { buildApp } from '../src/http/app.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

/** One guess at each login endpoint, from `address`. */
const ENDPOINTS: Record<string, (password: string, address: string) => InjectOptions> = {
  'oauth password grant': (password, address) => ({
    method: 'POST',
    url: '/oauth/token',
    remoteAddress: address,
    payload: { grant_type: 'password', username: 'admin@demo.test', password },
  }),
  'oauth client credentials': (password, address) => ({
    method: 'POST',
    url: '/oauth/token',
    remoteAddress: address,
    payload: { grant_type: 'client_credentials', client_id: 'demo-pos', client_secret: password },
  }),
  'avomark token': (password, address) => ({
    method: 'POST',
    url: '/avomark/api/token',
    remoteAddress: address,
    payload: { username: 'demo', password, terminal: 1 },
  }),
  'cashdesk basic': (password, address) => ({
    method: 'GET',
    url: '/cashdesk/api/card/balance/by/0000',
    remoteAddress: address,
    headers: { authorization: basic('cd-cashier', password) },
  }),
};
const RIGHT: Record<string, string> = {
  'oauth password grant': 'demo-admin',
  'oauth client credentials': 'demo-secret',
  'avomark token': 'demo',
  'cashdesk basic': 'cashier',
};

describe.each(databases())('login throttle on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.deps.config.throttle = { ...DEFAULT_THROTTLE };
    await h.deps.db.deleteFrom('login_attempts').execute();
  });

  it.each(Object.keys(ENDPOINTS))(
    '%s: of 100 concurrent wrong guesses at most the allowance is checked, and the right one is refused',
    async (name) => {
      const guess = ENDPOINTS[name]!;
      const wrong = Array.from({ length: 100 }, (_, i) => h.app.inject(guess(`wrong-${i}`, '10.1.1.1')));
      const right = h.app.inject(guess(RIGHT[name]!, '10.1.1.1'));
      const answers = await Promise.all([...wrong, right]);
      const statuses = answers.map((a) => a.statusCode);
      const refused = statuses.filter((s) => s === 429).length;
      const checked = statuses.length - refused;
      expect(
        statuses.every((s) => s !== 200 && s < 500),
        statuses.join(),
      ).toBe(true);
      expect(checked).toBeLessThanOrEqual(DEFAULT_THROTTLE.pairLimit);
      expect((await answers[100]!).statusCode).toBe(429);
      expect(Number(answers[100]!.headers['retry-after'])).toBeGreaterThan(0);
      // still blocked afterwards, even with the right password
      expect((await h.app.inject(guess(RIGHT[name]!, '10.1.1.1'))).statusCode).toBe(429);
    },
  );

  it('keeps blocking from the time the last failure is written, for the lockout only', async () => {
    const guess = ENDPOINTS['oauth password grant']!;
    for (let i = 0; i < 5; i++) await h.app.inject(guess('wrong', '10.1.1.2'));
    const row = await h.deps.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('key', '=', 'pair:user:admin@demo.test@10.1.1.2')
      .executeTakeFirstOrThrow();
    const until = Date.parse(row.blocked_until!);
    expect(until).toBeGreaterThan(Date.now() + DEFAULT_THROTTLE.lockoutMs - 5000);
    expect(until).toBeLessThanOrEqual(Date.now() + DEFAULT_THROTTLE.lockoutMs);
  });

  it('lets an address without recent failures in with the right password while a login is under attack', async () => {
    h.deps.config.throttle = { ...DEFAULT_THROTTLE, loginLimit: 10 };
    const guess = ENDPOINTS['oauth password grant']!;
    for (let a = 0; a < 4; a++) {
      for (let i = 0; i < 5; i++) await h.app.inject(guess('wrong', `10.2.0.${a}`));
    }
    // the login is over its total: an address that failed before waits, even with the right password
    await h.app.inject(guess('wrong', '10.2.1.1'));
    expect((await h.app.inject(guess('demo-admin', '10.2.1.1'))).statusCode).toBe(429);
    // a till that never failed gets in
    expect((await h.app.inject(guess('demo-admin', '10.2.9.9'))).statusCode).toBe(200);
  });

  it('does not lock every till behind one NAT address when its tills keep failing', async () => {
    h.deps.config.throttle = { ...DEFAULT_THROTTLE, addressLimit: 20 };
    for (let i = 0; i < 25; i++) {
      await h.app.inject({
        method: 'GET',
        url: '/cashdesk/api/card/balance/by/0000',
        remoteAddress: '10.3.0.1',
        headers: { authorization: basic(`till-${i}`, 'wrong') },
      });
    }
    const other = await h.app.inject({
      method: 'GET',
      url: '/cashdesk/api/card/balance/by/0000',
      remoteAddress: '10.3.0.1',
      headers: { authorization: basic('cd-senior', 'senior') },
    });
    expect(other.statusCode).not.toBe(429);
    expect(other.statusCode).not.toBe(401);
  });

  it('believes X-Forwarded-For only when the proxy is trusted', async () => {
    const guess = ENDPOINTS['oauth password grant']!;
    const viaProxy = (password: string, client: string) => {
      const g = guess(password, '10.4.0.1');
      return { ...g, headers: { ...g.headers, 'x-forwarded-for': client } };
    };
    for (let i = 0; i < 5; i++) await h.app.inject(viaProxy('wrong', `10.5.0.${i}`));
    // untrusted: all five came from the proxy's address, which is now blocked
    expect((await h.app.inject(viaProxy('demo-admin', '10.5.1.1'))).statusCode).toBe(429);
    const trusting = await buildApp(
      { ...h.deps, config: { ...h.deps.config, trustProxy: ['10.4.0.1'] } },
      { logger: false },
    );
    try {
      for (let i = 0; i < 5; i++) await trusting.inject(viaProxy('wrong', '10.5.2.1'));
      expect((await trusting.inject(viaProxy('demo-admin', '10.5.2.1'))).statusCode).toBe(429);
      expect((await trusting.inject(viaProxy('demo-admin', '10.5.2.2'))).statusCode).toBe(200);
    } finally {
      await trusting.close();
    }
  });
});
