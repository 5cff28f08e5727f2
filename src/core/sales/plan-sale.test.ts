import { describe, expect, it } from 'vitest';
import { lot } from '../ledger/lots.fixture.js';
import type { Lot } from '../ledger/index.js';
import type { SaleLine } from '../rules/index.js';
import { summarizeLots, type CardSummary } from './card-summary.js';
import { planSale, type SaleContext, type SaleRequest } from './plan-sale.js';
import type { SaleVoucher } from './plan-vouchers.js';
import { NO_PROGRAM, type SaleProgram } from './sale-program.js';

const NOW = '2026-03-10T10:00:00.000Z';
const IDS = { earnLot: 'lot_new' };

const PROGRAM: SaleProgram = {
  ...NO_PROGRAM,
  id: 'prg_1',
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
};

function summaryOf(lots: readonly Lot[], over: Partial<CardSummary> = {}): CardSummary {
  return {
    version: 3,
    ...summarizeLots(lots, NOW),
    walletMinor: 0,
    purchases: {
      count: 2,
      amount: 5000,
      first: '2026-01-02T00:00:00.000Z',
      last: '2026-02-02T00:00:00.000Z',
    },
    year: 2026,
    yearFigures: { count: 2, amount: 5000 },
    ...over,
  };
}

const CARD = {
  id: 'card_1',
  number: '9900000000017',
  status: 'active',
  customerId: 'cus_1',
  discountMinor: 0,
};

function context(over: Partial<SaleContext> = {}): SaleContext {
  return {
    program: PROGRAM,
    card: CARD,
    customerId: 'cus_1',
    summary: summaryOf([]),
    lots: null,
    vouchers: new Map(),
    rewardedSteps: [],
    ...over,
  };
}

const line = (amount: number, over: Partial<SaleLine> = {}): SaleLine => ({
  lineNo: 1,
  operation: 'purchase',
  amount,
  quantity: 1,
  discountPercent: 0,
  ...over,
});

const request = (over: Partial<SaleRequest> = {}): SaleRequest => ({
  receipt: 'R1',
  soldAt: NOW,
  lines: [line(12_345)],
  vouchers: [],
  redeemPoints: 0,
  ...over,
});

describe('planSale', () => {
  it('earns on the purchases and adds the lot and the purchase to the summary, without reading lots', () => {
    const plan = planSale(context(), request(), NOW, IDS);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.pointsEarned).toBe(123);
    expect(plan.value.points?.earnLot).toMatchObject({ id: 'lot_new', amount: 123, remaining: 123 });
    expect(plan.value.points?.debit).toBeNull();
    expect(plan.value.summary).toMatchObject({
      active: 123,
      purchases: { count: 3, amount: 17_345, last: NOW },
      yearFigures: { count: 3, amount: 17_345 },
    });
  });

  it('spends points nearest expiry first and refuses more than the active balance', () => {
    const lots = [
      lot('a', { remaining: 50, expiresAt: '2026-12-31T00:00:00Z' }),
      lot('b', { remaining: 100, expiresAt: '2026-06-30T00:00:00Z' }),
    ];
    const ctx = context({ summary: summaryOf(lots), lots });
    const plan = planSale(ctx, request({ redeemPoints: 120 }), NOW, IDS);
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.value.points?.debit).toEqual([
      { lotId: 'b', amount: 100 },
      { lotId: 'a', amount: 20 },
    ]);
    expect(plan.value.summary?.active).toBe(150 - 120 + 123);
    const refused = planSale(ctx, request({ redeemPoints: 151 }), NOW, IDS);
    expect(refused).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
  });

  it('settles a debt from the points the sale earns', () => {
    const lots = [lot('debt', { amount: -40, remaining: -40 })];
    const plan = planSale(context({ summary: summaryOf(lots), lots }), request(), NOW, IDS);
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.value.points?.settlement).toEqual({
      taken: [{ lotId: 'lot_new', amount: 40 }],
      paid: [{ lotId: 'debt', amount: 40 }],
    });
    expect(plan.value.points?.earnLot?.remaining).toBe(83);
    expect(plan.value.summary).toMatchObject({ active: 83, inDebt: false });
  });

  it('deducts amount vouchers before earning and refuses a voucher of another card', () => {
    const voucher = (cardId: string | null): SaleVoucher => ({
      id: 'vch_1',
      number: 'V1',
      kind: 'amount',
      cardId,
      customerId: null,
      status: 'active',
      remaining: 2000,
      voucher: {
        kind: 'amount',
        number: 'V1',
        status: 'active',
        validFrom: null,
        validUntil: null,
        value: 2000,
        remaining: 2000,
        splittable: false,
      },
    });
    const uses = [{ number: 'V1' }];
    const mine = planSale(
      context({ vouchers: new Map([['V1', voucher('card_1')]]) }),
      request({ vouchers: uses }),
      NOW,
      IDS,
    );
    if (!mine.ok) throw new Error(mine.code);
    expect(mine.value.eligibleMinor).toBe(10_345);
    expect(mine.value.pointsEarned).toBe(103);
    expect(mine.value.voucherUses[0]).toMatchObject({
      expected: { status: 'active', remaining: 2000 },
      next: { status: 'used', remaining: 0 },
    });
    const theirs = planSale(
      context({ vouchers: new Map([['V1', voucher('card_2')]]) }),
      request({ vouchers: uses }),
      NOW,
      IDS,
    );
    expect(theirs).toMatchObject({ ok: false, code: 'VOUCHER_NOT_OWNED' });
    const missing = planSale(context(), request({ vouchers: uses }), NOW, IDS);
    expect(missing).toMatchObject({ ok: false, code: 'VOUCHER_NOT_FOUND' });
  });

  it('rewards the forcedUse steps crossed that were not rewarded yet', () => {
    const program: SaleProgram = {
      ...PROGRAM,
      tiers: {
        type: 'purchaseAmount',
        steps: [
          {
            index: 1,
            threshold: 10_000,
            label: 'Silver',
            forcedUse: true,
            reward: { kind: 'gift', giftId: 'g1' },
          },
          {
            index: 2,
            threshold: 15_000,
            label: 'Gold',
            forcedUse: true,
            reward: { kind: 'gift', giftId: 'g2' },
          },
        ],
      },
    };
    const plan = planSale(context({ program, rewardedSteps: [1] }), request(), NOW, IDS);
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.value.stepsReached).toEqual([1, 2]);
    expect(plan.value.stepsToReward.map((s) => s.index)).toEqual([2]);
  });

  it.each([
    [
      'wallet without a card',
      { card: null, summary: null },
      request({ lines: [line(500, { operation: 'deposit' })] }),
      'WALLET_NOT_ACTIVATED',
    ],
    [
      'points without a card',
      { card: null, summary: null },
      request({ redeemPoints: 5 }),
      'INSUFFICIENT_POINTS',
    ],
    [
      'a withdrawal past the wallet',
      { program: { ...PROGRAM, walletEnabled: true } },
      request({ lines: [line(500, { operation: 'withdrawal' })] }),
      'WALLET_INSUFFICIENT_FUNDS',
    ],
    [
      'unknown items where the program needs them',
      { program: { ...PROGRAM, requireKnownItems: true } },
      request(),
      'ITEM_UNKNOWN',
    ],
  ] as const)('refuses %s', (_, over, req, code) => {
    expect(planSale(context(over as Partial<SaleContext>), req, NOW, IDS)).toMatchObject({ ok: false, code });
  });

  it('accrues the discount of discount programs and earns no points there', () => {
    const program: SaleProgram = { ...PROGRAM, cardType: 'discount', discountBasisPoints: 500 };
    const plan = planSale(context({ program }), request(), NOW, IDS);
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.value.discountEarnedMinor).toBe(617);
    expect(plan.value.pointsEarned).toBe(0);
    expect(plan.value.points?.earnLot).toBeNull();
  });
});
