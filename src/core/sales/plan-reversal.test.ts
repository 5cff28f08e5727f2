import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleLine } from '../rules/index.js';
import { planReversal, type ReversibleSale } from './plan-reversal.js';
import { spreadAmount, type ReturnedLines } from './returned-lines.js';
import type { StoredPromotions, StoredSalePlan } from './stored-sale.js';

const line = (lineNo: number, amount: number): SaleLine => ({
  lineNo,
  operation: 'purchase',
  itemCode: `SKU${lineNo}`,
  amount,
  quantity: 1,
  discountPercent: 0,
});

const NOW = '2026-03-10T12:00:00.000Z';

/** Lines 1 (3000, 30 % off: 900), 2 (1000) and 3 (2000); promotions on line 1 and on lines 2+3. */
function promotions(validityAfterVoid = 30): StoredPromotions {
  return {
    mapVersion: 1,
    validityAfterVoid,
    totalDiscount: 900,
    points: 50,
    lineDiscounts: [{ lineNo: 1, discount: 900 }],
    applied: [
      {
        nro: 'a'.repeat(24),
        code: 'P30',
        benefit: 'PercentageDiscount',
        discount: 900,
        points: 0,
        lines: [1],
        couponsRedeemed: ['C-IN'],
        couponsIssued: [],
        messages: [],
        limits: [
          { limitId: 'lim_count', subject: 'cus_1', amount: 1, nextReset: null, type: 'count' },
          { limitId: 'lim_amount', subject: '*', amount: 900, nextReset: null, type: 'amount' },
        ],
      },
      {
        nro: 'b'.repeat(24),
        code: 'PTS',
        benefit: 'LoyaltyBenefit',
        discount: 0,
        points: 50,
        lines: [2, 3],
        couponsRedeemed: [],
        couponsIssued: ['C-OUT'],
        messages: [],
        limits: [{ limitId: 'lim_qty', subject: '*', amount: 3, nextReset: null, type: 'quantity' }],
      },
    ],
  };
}

function sale(over: Partial<ReversibleSale> = {}): ReversibleSale {
  const lines = [line(1, 3000), line(2, 1000), line(3, 2000)];
  const plan = { v: 1, discountEarnedMinor: 60, promotions: promotions() } as unknown as StoredSalePlan;
  return {
    plan,
    lines,
    totalMinor: 6000,
    soldAt: '2026-03-10T10:00:00.000Z',
    cancelled: false,
    hasCard: true,
    earnedPoints: 110, // 60 from the program's rules, 50 from PTS
    reversedPoints: 0,
    returnedMinor: 0,
    returned: {},
    discountEarnedMinor: 60,
    ...over,
  };
}

function after(
  s: ReversibleSale,
  plan: { returnedAfter: ReturnedLines; returnedMinorAfter: number; reversedPointsAfter: number },
): ReversibleSale {
  return {
    ...s,
    returned: plan.returnedAfter,
    returnedMinor: plan.returnedMinorAfter,
    reversedPoints: plan.reversedPointsAfter,
  };
}

describe('planReversal', () => {
  it('takes back the discount share of the returned lines, and the proportional limits', () => {
    const r = planReversal(sale(), { kind: 'return', lines: [{ lineNo: 1, amount: 1000 }] }, NOW);
    expect(r.ok && r.value).toMatchObject({
      amount: 1000,
      lines: [{ lineNo: 1, amount: 1000 }],
      accruedDiscount: 10,
      promotions: {
        discount: 300,
        points: 0,
        limits: [{ limitId: 'lim_amount', amount: 300 }],
        couponsRestored: [],
        couponsVoided: [],
      },
    });
    // rules part: floor(60 × 1000 / 6000) = 10; PTS untouched
    expect(r.ok && r.value.points).toBe(10);
  });

  it('gives a count limit and the redeemed coupon back only with the whole benefited quantity', () => {
    const first = planReversal(sale(), { kind: 'return', lines: [{ lineNo: 1, amount: 2999 }] }, NOW);
    if (!first.ok) throw new Error(first.code);
    expect(first.value.promotions!.limits.map((l) => l.limitId)).toEqual(['lim_amount']);
    const rest = planReversal(after(sale(), first.value), { kind: 'return', lines: [{ lineNo: 1 }] }, NOW);
    if (!rest.ok) throw new Error(rest.code);
    expect(rest.value.lines).toEqual([{ lineNo: 1, amount: 1 }]);
    expect(rest.value.promotions).toMatchObject({
      discount: 1,
      limits: [
        { limitId: 'lim_count', amount: 1 },
        { limitId: 'lim_amount', amount: 1 },
      ],
      couponsRestored: ['C-IN'],
    });
  });

  it('voids the issued coupon once a line its promotion used is returned in full', () => {
    const part = planReversal(sale(), { kind: 'return', lines: [{ lineNo: 3, amount: 1000 }] }, NOW);
    expect(part.ok && part.value.promotions!.couponsVoided).toEqual([]);
    // PTS: 50 × 1000 / 3000 = 16 points; rules: 60 × 1000 / 6000 = 10
    expect(part.ok && part.value.points).toBe(26);
    const whole = planReversal(sale(), { kind: 'return', lines: [{ lineNo: 2 }] }, NOW);
    expect(whole.ok && whole.value.promotions!.couponsVoided).toEqual(['C-OUT']);
  });

  it('leaves limits and coupons alone after the validity-after-void, but still takes back the points', () => {
    const late = '2026-05-10T10:00:00.000Z';
    const r = planReversal(sale(), { kind: 'cancel', cancelWindowHours: 24 * 365 }, late);
    expect(r.ok && r.value.promotions).toMatchObject({
      withinValidity: false,
      discount: 900,
      points: 50,
      limits: [],
      couponsVoided: [],
      couponsRestored: [],
    });
    expect(r.ok && r.value.points).toBe(110);
  });

  it('refuses a return beyond what is left of a line or of the sale, and a cancelled sale', () => {
    const s = sale({ returned: { 1: 3000 }, returnedMinor: 3000 });
    const line1 = planReversal(s, { kind: 'return', lines: [{ lineNo: 1, amount: 1 }] }, NOW);
    expect(line1.ok || line1.code).toBe('RETURN_EXCEEDS_SALE');
    const total = planReversal(s, { kind: 'return', amount: 3001 }, NOW);
    expect(total.ok || total.code).toBe('RETURN_EXCEEDS_SALE');
    const both = planReversal(s, { kind: 'return', amount: 1, lines: [{ lineNo: 2 }] }, NOW);
    expect(both.ok || both.code).toBe('VALIDATION_FAILED');
    const gone = planReversal(sale({ cancelled: true }), { kind: 'return', amount: 1 }, NOW);
    expect(gone.ok || gone.code).toBe('SALE_CANCELLED');
    const late = planReversal(sale(), { kind: 'cancel', cancelWindowHours: 1 }, NOW);
    expect(late.ok || late.code).toBe('CANCEL_WINDOW_PASSED');
  });

  it('spreads a return by amount over the lines in proportion, exactly', () => {
    expect(
      spreadAmount(1000, [
        { lineNo: 1, amount: 3000 },
        { lineNo: 2, amount: 1000 },
        { lineNo: 3, amount: 2000 },
      ]),
    ).toEqual([
      { lineNo: 1, amount: 500 },
      { lineNo: 2, amount: 167 },
      { lineNo: 3, amount: 333 },
    ]);
  });

  it('property: any sequence of partial returns takes back exactly what one full return does, never more', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('amount' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({
        kind: fc.constant('line' as const),
        lineNo: fc.integer({ min: 1, max: 3 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), fc.boolean(), (steps, finishByCancel) => {
        let s = sale();
        const total = { points: 0, discount: 0, promoPoints: 0, accrued: 0, amount: 0 };
        const limits = new Map<string, number>();
        const coupons: string[] = [];
        const take = (input: Parameters<typeof planReversal>[1]) => {
          const r = planReversal(s, input, NOW);
          if (!r.ok) throw new Error(`${r.code} ${r.message ?? ''}`);
          const p = r.value;
          total.points += p.points;
          total.amount += p.amount;
          total.accrued += p.accruedDiscount;
          total.discount += p.promotions!.discount;
          total.promoPoints += p.promotions!.points;
          for (const l of p.promotions!.limits)
            limits.set(l.limitId, (limits.get(l.limitId) ?? 0) + l.amount);
          coupons.push(...p.promotions!.couponsVoided, ...p.promotions!.couponsRestored);
          expect(total.points).toBeLessThanOrEqual(110);
          expect(total.discount).toBeLessThanOrEqual(900);
          s = { ...after(s, p), cancelled: input.kind === 'cancel' };
        };
        for (const st of steps) {
          const left = (n: number) => s.lines.find((l) => l.lineNo === n)!.amount - (s.returned[n] ?? 0);
          if (st.kind === 'amount') {
            const remaining = s.totalMinor - s.returnedMinor;
            take({ kind: 'return', amount: Math.floor(remaining * st.share) });
          } else if (left(st.lineNo) > 0) {
            take({
              kind: 'return',
              lines: [{ lineNo: st.lineNo, amount: Math.floor(left(st.lineNo) * st.share) }],
            });
          }
        }
        if (finishByCancel) take({ kind: 'cancel', cancelWindowHours: 24 });
        else if (s.returnedMinor < s.totalMinor)
          take({ kind: 'return', amount: s.totalMinor - s.returnedMinor });

        const full = planReversal(sale(), { kind: 'return', amount: 6000 }, NOW);
        if (!full.ok) throw new Error(full.code);
        expect(total.points).toBe(full.value.points);
        expect(total.points).toBe(110);
        expect(total.discount).toBe(900);
        expect(total.promoPoints).toBe(50);
        expect(total.accrued).toBe(full.value.accruedDiscount);
        expect(Object.fromEntries(limits)).toEqual(
          Object.fromEntries(full.value.promotions!.limits.map((l) => [l.limitId, l.amount])),
        );
        expect(coupons.sort()).toEqual(['C-IN', 'C-OUT']);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
