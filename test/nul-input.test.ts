import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';

// A NUL character in input that reaches the database without schema validation (token forms, HTTP Basic
// credentials). PostgreSQL cannot store it in text; SQLite can. Either way the caller gets a 4xx in the
// route's format, never a 500.
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

const cases: { name: string; request: InjectOptions; format: (body: Record<string, unknown>) => boolean }[] =
  [
    {
      name: 'Avomark token form',
      request: {
        method: 'POST',
        url: '/avomark/api/token',
        headers: form,
        payload: 'grant_type=password&username=de%00mo&password=demo&terminal=1',
      },
      format: (b) => typeof b.error === 'string',
    },
    {
      name: 'OAuth client credentials form',
      request: {
        method: 'POST',
        url: '/oauth/token',
        headers: form,
        payload: 'grant_type=client_credentials&client_id=demo%00pos&client_secret=x',
      },
      format: (b) => typeof b.error === 'string',
    },
    {
      name: 'OAuth password grant in JSON',
      request: {
        method: 'POST',
        url: '/oauth/token',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ grant_type: 'password', username: 'a\u0000b', password: 'x' }),
      },
      format: (b) => typeof b.error === 'string',
    },
    {
      name: 'CashDesk Basic credentials',
      request: {
        method: 'GET',
        url: '/cashdesk/balance?number=13732365477',
        headers: { authorization: basic('alad\u0000din', 'opensesame') },
      },
      format: (b) => b.Status === false && typeof b.Key === 'string',
    },
  ];

describe.each(databases())('NUL characters on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it.each(cases)('$name: a 4xx in the route format', async ({ request, format }) => {
    const res = await h.app.inject(request);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(format(res.json())).toBe(true);
  });
});
