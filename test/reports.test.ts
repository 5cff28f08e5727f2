import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { balanceOf, createCard, createProgram, purchase, sale } from './support/loyalty-fixtures.js';

interface Summary {
  period: { from: string; to: string };
  sales: {
    count: number;
    amountMinor: number;
    returnedMinor: number;
    cancelled: number;
    activeCustomers: number;
  };
  points: { earned: number; burnt: number; expired: number };
  customers: { total: number; active: number };
  liability: { activePoints: number; pendingPoints: number };
  expiring: { days: number; points: number }[];
}
interface Tiers {
  programs: { id: string; basis: string; tiers: { index: number; threshold: number; cards: number }[] }[];
}

describe.each(databases())('reports on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  const get = async <T>(url: string, token = admin): Promise<T> => {
    const res = await h.request({ url, token });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
  });
  afterAll(() => h.close());

  it('counts the sales, points and customers of the period, and what expires by 30, 60 and 90 days', async () => {
    const programId = await createProgram(h, {
      expiry: { kind: 'days', days: 45 },
      tiers: { type: 'points', steps: [] },
    });
    const card = await createCard(h, programId);
    const before = await get<Summary>('/v1/reports/summary');
    const res = await sale(h, cashier, { cardNumber: card.number, lines: [purchase(12_345)] });
    expect(res.statusCode).toBe(201);
    const cancelled = await sale(h, cashier, { cardNumber: card.number, lines: [purchase(1_000)] });
    const cancel = await h.request({
      method: 'POST',
      url: `/v1/sales/${cancelled.json().saleId}/cancel`,
      token: cashier,
    });
    expect(cancel.statusCode).toBe(200);
    const after = await get<Summary>('/v1/reports/summary');

    expect(after.sales.count - before.sales.count).toBe(1);
    expect(after.sales.amountMinor - before.sales.amountMinor).toBe(12_345);
    expect(after.sales.cancelled - before.sales.cancelled).toBe(1);
    expect(after.points.earned - before.points.earned).toBe(123 + 10);
    expect(after.liability.activePoints - before.liability.activePoints).toBe(123);
    const expiring = (s: Summary) => Object.fromEntries(s.expiring.map((e) => [e.days, e.points]));
    expect(expiring(after)[30]! - expiring(before)[30]!).toBe(0);
    expect(expiring(after)[60]! - expiring(before)[60]!).toBe(123);
    expect(expiring(after)[90]! - expiring(before)[90]!).toBe(123);
    expect(after.customers.active).toBeGreaterThanOrEqual(1);
    expect(after.customers.total).toBeGreaterThan(0);

    // the period is a filter: a window before the sale does not see it
    const older = await get<Summary>('/v1/reports/summary?from=2025-01-01&to=2025-02-01');
    expect(older.sales.count).toBe(0);
    expect(older.period).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
  });

  it('agrees with the engine: the liability is the sum of the balances of every card', async () => {
    const summary = await get<Summary>('/v1/reports/summary');
    const cards = await h.deps.db
      .selectFrom('cards')
      .select('number')
      .where('merchant_id', '=', h.merchantId)
      .execute();
    let active = 0;
    let pending = 0;
    for (const { number } of cards) {
      const balance = await balanceOf(h, cashier, number);
      active += balance.active + balance.frozen;
      pending += balance.pending;
    }
    expect(summary.liability).toMatchObject({ activePoints: active, pendingPoints: pending });
  });

  it('buckets the active cards by the tier their balance shows', async () => {
    const programId = await createProgram(h, {
      tiers: {
        type: 'purchaseAmount',
        steps: [
          {
            index: 1,
            threshold: 5_000,
            forcedUse: false,
            reward: { kind: 'gift', giftId: 'none' },
            label: 'Silver',
          },
          {
            index: 2,
            threshold: 20_000,
            forcedUse: false,
            reward: { kind: 'gift', giftId: 'none' },
            label: 'Gold',
          },
        ],
      },
    });
    const amounts = [0, 4_999, 5_000, 19_000, 25_000];
    for (const amount of amounts) {
      const card = await createCard(h, programId);
      if (amount > 0)
        expect(
          (await sale(h, cashier, { cardNumber: card.number, lines: [purchase(amount)] })).statusCode,
        ).toBe(201);
    }
    await createCard(h, programId, { status: 'blocked' });
    const report = await get<Tiers>('/v1/reports/tiers');
    const program = report.programs.find((p) => p.id === programId)!;
    expect(program.basis).toBe('purchaseAmount');
    expect(program.tiers.map((t) => [t.index, t.cards])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
    // and the demo programs agree with each card's balance
    for (const p of report.programs.filter((x) => x.id !== programId)) {
      const cards = await h.deps.db
        .selectFrom('cards')
        .select('number')
        .where('program_id', '=', p.id)
        .where('status', '=', 'active')
        .execute();
      const counts = new Map<number, number>();
      for (const { number } of cards) {
        const tier = (await balanceOf(h, cashier, number)).tier?.current ?? 0;
        counts.set(tier, (counts.get(tier) ?? 0) + 1);
      }
      for (const t of p.tiers)
        expect([p.id, t.index, t.cards]).toEqual([p.id, t.index, counts.get(t.index) ?? 0]);
    }
  });

  it('gives one row per day, zeros included, adding up to the summary', async () => {
    const to = new Date(h.deps.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(h.deps.now().getTime() - 6 * 86_400_000).toISOString().slice(0, 10);
    const daily = await get<{ days: { day: string; sales: number; amountMinor: number; earned: number }[] }>(
      `/v1/reports/daily?from=${from}&to=${to}`,
    );
    expect(daily.days).toHaveLength(7);
    expect(daily.days[0]!.day).toBe(from);
    const summary = await get<Summary>(`/v1/reports/summary?from=${from}&to=${to}`);
    expect(daily.days.reduce((s, d) => s + d.sales, 0)).toBe(summary.sales.count);
    expect(daily.days.reduce((s, d) => s + d.amountMinor, 0)).toBe(
      summary.sales.amountMinor - summary.sales.returnedMinor,
    );
    expect(daily.days.reduce((s, d) => s + d.earned, 0)).toBe(summary.points.earned);
  });

  it('refuses a bad period with 422 and the till with 403', async () => {
    for (const query of ['from=2026-11-02&to=2026-11-01', 'from=2024-01-01&to=2026-01-01', 'from=soon']) {
      const res = await h.request({ url: `/v1/reports/summary?${query}`, token: admin });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('REPORT_PERIOD_INVALID');
    }
    const res = await h.request({ url: '/v1/reports/tiers', token: cashier });
    expect(res.statusCode).toBe(403);
  });
});
