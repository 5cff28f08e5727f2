import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('next available card under concurrency on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
  });
  afterAll(() => h.close());

  it('hands out each of 10 new cards exactly once to 30 concurrent requests', async () => {
    const program = await h.request({
      method: 'POST',
      url: '/v1/programs',
      token: admin,
      payload: {
        code: `RACE`,
        name: 'Race',
        cardType: 'bonus',
        cardCategory: 'virtual',
        numberFormat: { prefix: '77', length: 10, checkDigit: 'luhn' },
      },
    });
    expect(program.statusCode).toBe(201);
    const programId = program.json().id as string;
    const batch = await h.request({
      method: 'POST',
      url: '/v1/cards/batch',
      token: admin,
      payload: { programId, count: 10 },
    });
    const numbers = batch.json().numbers as string[];
    expect(numbers).toHaveLength(10);

    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        h.request({
          method: 'POST',
          url: '/v1/cards/next-available',
          token: cashier,
          payload: { programId },
        }),
      ),
    );
    const won = answers.filter((r) => r.statusCode === 200).map((r) => r.json().number as string);
    const lost = answers.filter((r) => r.statusCode !== 200);
    expect(new Set(won).size).toBe(10);
    expect([...won].sort()).toEqual([...numbers].sort());
    expect(lost).toHaveLength(20);
    for (const r of lost) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('NO_CARD_AVAILABLE');
    }
    const rows = await h.deps.db
      .selectFrom('cards')
      .select(['status', 'issued_at'])
      .where('program_id', '=', programId)
      .execute();
    expect(rows.every((r) => r.status === 'issued' && r.issued_at !== null)).toBe(true);
  });

  it('gives five concurrent batches disjoint numbers', async () => {
    const programs = (await h.request({ method: 'GET', url: '/v1/programs', token: admin })).json().data;
    const vip = programs.find((p: { code: string }) => p.code === 'VIP').id as string;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.request({
          method: 'POST',
          url: '/v1/cards/batch',
          token: admin,
          payload: { programId: vip, count: 50 },
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const all = answers.flatMap((r) => r.json().numbers as string[]);
    expect(new Set(all).size).toBe(250);
  });
  it('binds at most one card of a program to a customer when 10 binds race', async () => {
    const programs = (await h.request({ method: 'GET', url: '/v1/programs', token: admin })).json().data;
    const vip = programs.find((p: { code: string }) => p.code === 'VIP').id as string;
    const batch = await h.request({
      method: 'POST',
      url: '/v1/cards/batch',
      token: admin,
      payload: { programId: vip, count: 10 },
    });
    const numbers = batch.json().numbers as string[];
    for (const n of numbers) {
      expect(
        (await h.request({ method: 'POST', url: `/v1/cards/${n}/issue`, token: cashier })).statusCode,
      ).toBe(200);
    }
    const customer = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token: cashier,
      payload: { lastName: 'Course', firstName: 'Ada', mobile: '+33611335577' },
    });
    const customerId = customer.json().id as string;
    const answers = await Promise.all(
      numbers.map((n) =>
        h.request({ method: 'POST', url: `/v1/cards/${n}/bind`, token: cashier, payload: { customerId } }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of answers.filter((a) => a.statusCode !== 200)) {
      expect(r.json().error.code).toBe('CUSTOMER_HAS_ANOTHER_CARD');
    }
  });
});
