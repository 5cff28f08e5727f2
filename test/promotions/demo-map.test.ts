import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

/** The README's basket (section "Promotions in five minutes"): one line per promotion of the demo map. */
const LINES = [
  { sku: 'DEMO-SHOE', quantity: 1, unitPrice: 8000 },
  { sku: 'DEMO-SOCK', quantity: 3, unitPrice: 500 },
  { sku: 'DEMO-BAG', quantity: 1, unitPrice: 3000 },
  { sku: 'DEMO-SCARF', quantity: 1, unitPrice: 2500 },
];
const CARD = '13732365477';
const DATE = '2026-11-28T15:00:00+01:00';

describe.each(databases())('the demo promotion map on $kind', (target) => {
  let h: Harness;
  let till: string;
  const post = (url: string, payload: object) => h.request({ method: 'POST', url, payload, token: till });
  const evaluate = (storeCode: string, extra: object = {}) =>
    post('/v1/baskets/evaluate', { storeCode, date: DATE, cardNumber: CARD, lines: LINES, ...extra });
  const sale = (receipt: string, storeCode: string, lines: typeof LINES, extra: object = {}) =>
    post('/v1/sales', {
      receipt,
      date: DATE,
      storeCode,
      cardNumber: CARD,
      lines: lines.map((l) => ({
        operation: 'purchase',
        itemCode: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.quantity * l.unitPrice,
      })),
      ...extra,
    });

  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date('2026-11-28T14:00:00Z') });
    till = await h.clientToken();
  });
  afterAll(() => h.close());

  it('evaluates the README basket at CLF-01: each benefit kind, as documented', async () => {
    const res = await evaluate('CLF-01');
    expect(res.statusCode).toBe(200);
    const e = res.json();
    const got = e.promotions.map((p: { code: string; discount: number; points: number; lines: number[] }) => [
      p.code,
      p.discount,
      p.points,
      p.lines,
    ]);
    expect(got).toEqual([
      ['DEMO-SHOES30', 2400, 0, [0]],
      ['DEMO-SOCKS3X2', 500, 0, [1]],
      ['DEMO-BAG-COUPON', 0, 0, [2]],
      ['DEMO-SCARF-ONCE', 500, 0, [3]],
      // Twice 1 point per euro paid, on what the lines cost after the discounts: 116 € → 232.
      ['DEMO-VIP-X2', 0, 232, [0, 1, 2, 3]],
    ]);
    expect(e).toMatchObject({
      mapVersion: 1,
      totalDiscount: 3400,
      points: 232,
      couponsToIssue: [{ type: 'DEMO-CAP10', quantity: 1 }],
      notApplied: [{ code: 'DEMO-CAP-REDEEM', reason: 'CONDITION_NOT_MET' }],
    });
    expect(e.lines.map((l: { total: number }) => l.total)).toEqual([5600, 1000, 3000, 2000]);
  });

  it('is limited to CLF-01: elsewhere a sale carries no promotions and evaluation says why', async () => {
    const paris = (await evaluate('PARIS-01')).json();
    expect(paris).toMatchObject({ mapVersion: 1, totalDiscount: 0, promotions: [] });
    expect(paris.notApplied).toHaveLength(6);
    expect(new Set(paris.notApplied.map((n: { reason: string }) => n.reason))).toEqual(
      new Set(['MAP_NOT_VALID']),
    );
    const few = (
      await post('/v1/baskets/evaluate?explain=candidates', {
        storeCode: 'PARIS-01',
        date: DATE,
        lines: [LINES[0]],
      })
    ).json();
    expect(few.notApplied.map((n: { code: string }) => n.code)).toEqual(['DEMO-SHOES30']);
    const res = await sale('DEMO-PARIS-1', 'PARIS-01', LINES);
    expect(res.statusCode).toBe(201);
    expect(res.json().promotions).toBeUndefined();
  });

  it('posts the basket as a sale, then redeems the coupon it issued on a cap; the scarf is once per customer', async () => {
    const first = await sale('DEMO-CLF-1', 'CLF-01', LINES);
    expect(first.statusCode).toBe(201);
    const p = first.json().promotions;
    expect(p).toMatchObject({ mapVersion: 1, totalDiscount: 3400, points: 232 });
    const barcode = p.applied.find((a: { code: string }) => a.code === 'DEMO-BAG-COUPON').couponsIssued[0];
    expect(barcode).toEqual(expect.any(String));
    const again = (await evaluate('CLF-01', { lines: [LINES[3]] })).json();
    expect(again.notApplied).toContainEqual(
      expect.objectContaining({ code: 'DEMO-SCARF-ONCE', reason: 'LIMIT_REACHED' }),
    );
    const cap = [{ sku: 'DEMO-CAP', quantity: 1, unitPrice: 2000 }];
    const second = await sale('DEMO-CLF-2', 'CLF-01', cap, { coupons: [barcode] });
    expect(second.statusCode).toBe(201);
    expect(second.json().promotions.applied[0]).toMatchObject({
      code: 'DEMO-CAP-REDEEM',
      discount: 200,
      couponsRedeemed: [barcode],
    });
    const reused = await sale('DEMO-CLF-3', 'CLF-01', cap, { coupons: [barcode] });
    expect(reused.statusCode).toBe(201);
    expect(reused.json().promotions.totalDiscount).toBe(0);
  });
});
