import { describe, expect, it } from 'vitest';
import type { MapVersion } from '../promotions/model.js';
import { parsePromotion } from '../promotions/parse-promotion.js';
import type { SaleLine } from '../rules/index.js';
import { NO_PROGRAM } from './sale-program.js';
import { netOfPromotions, planPromotions, type SalePromotionContext } from './plan-promotions.js';
import { planSale } from './plan-sale.js';

const NOW = '2026-03-10T10:00:00.000Z';

const line = (lineNo: number, itemCode: string, amount: number): SaleLine => ({
  lineNo,
  operation: 'purchase',
  itemCode,
  amount,
  quantity: 1,
  discountPercent: 0,
});

function thirtyOffTarts(): SalePromotionContext {
  const p = parsePromotion(
    {
      name: 'Tarts',
      code: 'TART30',
      sets: { set: { name: 'tart', type: 'item', attribute: 'code', value: 'TART' } },
      condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'tart' } },
      benefits: {
        benefit: {
          instance: 'PercentageDiscount',
          parameter: [{ key: 'percent', value: '30' }],
          'applied-elements': { 'use-set': [{ name: 'tart' }] },
        },
      },
    },
    { currencyDigits: 2, newNro: () => '0'.repeat(23) + '1' },
  );
  if (!p.ok) throw new Error(JSON.stringify(p));
  const map: MapVersion = {
    version: 1,
    startDate: '2026-01-01T00:00:00.000Z',
    endDate: null,
    stores: [],
    promotions: [p.value],
    algorithm: [],
    limits: [],
    exclusions: new Set(),
  };
  return {
    header: {
      storeCode: 'S1',
      terminalCode: null,
      region: null,
      date: NOW,
      customerId: 'cus_1',
      customerType: null,
      segments: [],
      contract: null,
      coupons: [],
      payments: [],
      minorPerUnit: 100,
    },
    map,
    limitState: new Map(),
    validityAfterVoid: 30,
  };
}

describe('the discount basis: points are earned on the lines net of the promotions', () => {
  const lines = [line(1, 'TART', 1000), line(2, 'BREAD', 500)];

  it('takes each line discount off its line', () => {
    const promotions = planPromotions(thirtyOffTarts(), lines, NOW);
    expect(promotions?.evaluation.totalDiscount).toBe(300);
    expect(netOfPromotions(lines, promotions).map((l) => l.amount)).toEqual([700, 500]);
    expect(netOfPromotions(lines, null)).toEqual(lines);
  });

  it('planSale earns on 1200, not 1500, and accrues its discount on it', () => {
    const plan = planSale(
      {
        program: {
          ...NO_PROGRAM,
          id: 'prg_1',
          cardType: 'bonus_discount',
          discountBasisPoints: 1000,
          rules: [
            {
              id: 'total',
              kind: 'total_amount',
              rate: { points: 1, per: 100 },
              rounding: 'floor',
              minimumAmount: 0,
              excludeDiscounted: false,
            },
          ],
        },
        card: { id: 'card_1', number: '1', status: 'active', customerId: 'cus_1', discountMinor: 0 },
        customerId: 'cus_1',
        summary: null,
        lots: null,
        vouchers: new Map(),
        rewardedSteps: [],
        promotions: thirtyOffTarts(),
      },
      { receipt: 'R1', soldAt: NOW, lines, vouchers: [], redeemPoints: 0 },
      NOW,
      { earnLot: 'lot_1' },
    );
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.value).toMatchObject({ purchasesMinor: 1500, eligibleMinor: 1200, pointsEarned: 12 });
  });
});
