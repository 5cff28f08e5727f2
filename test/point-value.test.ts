import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { createCard, createProgram, purchase, sale } from './support/loyalty-fixtures.js';

interface Value {
  currency: string;
  points: number;
  amount: number;
}

describe.each(databases())('the money value of points (pointValuePer100) on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  const patch = (id: string, body: Record<string, unknown>) =>
    h.request({ method: 'PATCH', url: `/v1/programs/${id}`, token: admin, payload: body });
  const valued = async (): Promise<Value[]> =>
    (await h.request({ url: '/v1/reports/summary', token: admin })).json().liability.value;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
  });
  afterAll(() => h.close());

  it('is an optional program setting, checked when written', async () => {
    const id = await createProgram(h);
    expect((await h.request({ url: `/v1/programs/${id}`, token: admin })).json().pointValuePer100).toBeNull();
    for (const bad of [0, -5, 1.5, '50', 2_000_000_000]) {
      const res = await patch(id, { pointValuePer100: bad });
      expect(res.statusCode, String(bad)).toBe(400);
    }
    const set = await patch(id, { pointValuePer100: 50 });
    expect(set.statusCode).toBe(200);
    expect(set.json().pointValuePer100).toBe(50);
    const cleared = await patch(id, { pointValuePer100: null });
    expect(cleared.json().pointValuePer100).toBeNull();
  });

  it('values the active points of the programs that set it, in SQL, rounded down', async () => {
    expect(await valued()).toEqual([]); // the demo's programs give their points no value
    const id = await createProgram(h);
    const card = await createCard(h, id);
    expect((await sale(h, cashier, { cardNumber: card.number, lines: [purchase(12_345)] })).statusCode).toBe(
      201,
    );
    expect(await valued()).toEqual([]);
    const empty = await createProgram(h);
    await patch(empty, { pointValuePer100: 10 });
    expect(await valued()).toEqual([{ currency: 'EUR', points: 0, amount: 0 }]);
    await patch(id, { pointValuePer100: 37 });
    // 123 points × 0.37 per 100 points = 45.51 cents → 45
    expect(await valued()).toEqual([{ currency: 'EUR', points: 123, amount: 45 }]);
    const other = await createCard(h, id);
    await sale(h, cashier, { cardNumber: other.number, lines: [purchase(100_000)] });
    expect(await valued()).toEqual([{ currency: 'EUR', points: 1123, amount: 415 }]);
  });
});
