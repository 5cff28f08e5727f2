import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import {
  balanceOf,
  createCard,
  createProgram,
  credit,
  ledgerCheck,
  purchase,
  receipt,
  sale,
} from './support/loyalty-fixtures.js';

describe.each(databases())('sales on $kind', (target) => {
  let h: Harness;
  let token: string;
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    programId = await createProgram(h, {
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: { points: 1, per: 100 },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
        {
          id: 'cat3',
          kind: 'category_subtotal',
          category: 3,
          rate: { points: 10, per: 100 },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: true,
        },
      ],
    });
  });
  afterAll(() => h.close());

  it('earns by the rules and reports the lines no rule used', async () => {
    const card = await createCard(h, programId);
    const res = await sale(h, token, {
      cardNumber: card.number,
      lines: [
        purchase(1250, { category: 3, itemCode: 'A1' }),
        purchase(899, { category: 1, itemCode: 'B2' }),
        { operation: 'discount', amount: -100, quantity: 1, discountPercent: 0 },
      ],
      payments: [{ method: 'card', amount: 2049 }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // total: floor(2149 / 100) = 21; category 3: floor(1250 × 10 / 100) = 125
    expect(body).toMatchObject({
      pointsEarned: 146,
      pointsRedeemed: 0,
      unusedLines: [{ lineNo: 3, reason: 'Not Use' }],
      stepsReached: [],
      vouchersGenerated: [],
      vouchersUsed: [],
      balance: { active: 146, pending: 0, expired: 0, frozen: 0, nearestExpiry: null },
    });
    expect(res.headers.location).toBe(`/v1/sales/${body.saleId}`);
    const read = await h.request({ method: 'GET', url: `/v1/sales/${body.saleId}`, token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'posted', earnedPoints: 146, totalMinor: 2149 });
    expect(read.json().lines).toHaveLength(3);
  });

  it('leaves discounted lines out of a rule that excludes them', async () => {
    const card = await createCard(h, programId);
    const res = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(1000, { category: 3, discountPercent: 10 })],
    });
    // total: 10; category 3 excludes discounted lines: 0
    expect(res.json().pointsEarned).toBe(10);
  });

  // A till that names its terminal too gets the place and the stored sale in one read (resolvePlace).
  it.each([
    ['its store', {}],
    ['its store and terminal', { terminalCode: '1' }],
  ])(
    'is idempotent on the receipt, naming %s: same content replays, other content is a 409',
    async (_, place) => {
      const card = await createCard(h, programId);
      const body = {
        receipt: receipt('IDEM'),
        date: '2026-03-10T10:00:00Z',
        storeCode: 'PARIS-01',
        ...place,
        cardNumber: card.number,
        lines: [purchase(5000)],
      };
      const first = await h.request({ method: 'POST', url: '/v1/sales', token, payload: body });
      expect(first.statusCode).toBe(201);
      const again = await h.request({ method: 'POST', url: '/v1/sales', token, payload: body });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect((await balanceOf(h, token, card.number)).active).toBe(50);
      const other = await h.request({
        method: 'POST',
        url: '/v1/sales',
        token,
        payload: { ...body, lines: [purchase(6000)] },
      });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe('SALE_ALREADY_SAVED');
      // another store may use the same receipt
      const elsewhere = await h.request({
        method: 'POST',
        url: '/v1/sales',
        token,
        payload: { ...body, storeCode: 'CLF-01', terminalCode: undefined },
      });
      expect(elsewhere.statusCode).toBe(201);
      expect((await balanceOf(h, token, card.number)).active).toBe(100);
      const list = await h.request({ method: 'GET', url: `/v1/sales?cardNumber=${card.number}`, token });
      expect(list.json().data).toHaveLength(2);
    },
  );

  it('spends points in the sale, and an uncovered redemption rolls the whole sale back', async () => {
    const card = await createCard(h, programId);
    await credit(h, card.number, 100);
    const short = await sale(h, token, {
      receipt: 'REDEEM-1',
      cardNumber: card.number,
      lines: [purchase(1000)],
      redeemPoints: 500,
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('INSUFFICIENT_POINTS');
    const list = await h.request({ method: 'GET', url: `/v1/sales?cardNumber=${card.number}`, token });
    expect(list.json().data).toEqual([]);
    expect((await balanceOf(h, token, card.number)).active).toBe(100);

    const okSale = await sale(h, token, {
      receipt: 'REDEEM-1',
      cardNumber: card.number,
      lines: [purchase(1000)],
      redeemPoints: 60,
    });
    expect(okSale.statusCode).toBe(201);
    expect(okSale.json()).toMatchObject({ pointsEarned: 10, pointsRedeemed: 60, balance: { active: 50 } });
  });

  it('refuses purchase lines without an item code when the program requires known items', async () => {
    const strict = await createProgram(h, { requireKnownItems: true });
    const card = await createCard(h, strict);
    const res = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(1000, { itemCode: 'OK' }), purchase(500)],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ITEM_UNKNOWN');
    expect(res.json().error.details[0].field).toBe('lines.1.itemCode');
  });

  it('refuses bad input with a 4xx that names it', async () => {
    const card = await createCard(h, programId);
    const noCard = await sale(h, token, { lines: [purchase(100)] });
    expect(noCard.statusCode).toBe(400);
    const unknownCard = await sale(h, token, { cardNumber: '0000', lines: [purchase(100)] });
    expect(unknownCard.json().error.code).toBe('CARD_NOT_FOUND');
    const negative = await sale(h, token, { cardNumber: card.number, lines: [purchase(-100)] });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().error.code).toBe('INVALID_SALE_LINES');
    const store = await sale(h, token, { cardNumber: card.number, storeCode: 'NOPE', lines: [] });
    expect(store.json().error.code).toBe('STORE_NOT_FOUND');
    const blocked = await createCard(h, programId, { status: 'blocked' });
    const onBlocked = await sale(h, token, { cardNumber: blocked.number, lines: [purchase(100)] });
    expect(onBlocked.json().error.code).toBe('CARD_STATUS_ERROR');
  });

  it("posts a sale by customer id onto the customer's active card", async () => {
    const card = await createCard(h, programId);
    const res = await sale(h, token, { customerId: card.customerId, lines: [purchase(300)] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ cardNumber: card.number, pointsEarned: 3 });
  });

  it('accumulates a discount on discount programs, and points too on bonus+discount ones', async () => {
    const discount = await createProgram(h, { cardType: 'discount', discountBasisPoints: 500 });
    const both = await createProgram(h, { cardType: 'bonus_discount', discountBasisPoints: 250 });
    const a = await createCard(h, discount);
    const b = await createCard(h, both);
    const ra = await sale(h, token, { cardNumber: a.number, lines: [purchase(2000)] });
    expect(ra.json()).toMatchObject({ pointsEarned: 0, discountEarnedMinor: 100 });
    const rb = await sale(h, token, { cardNumber: b.number, lines: [purchase(2000)] });
    expect(rb.json()).toMatchObject({ pointsEarned: 20, discountEarnedMinor: 50 });
    expect((await balanceOf(h, token, a.number)).discountMinor).toBe(100);
    const saleId = ra.json().saleId as string;
    const half = await h.request({
      method: 'POST',
      url: `/v1/sales/${saleId}/returns`,
      token,
      payload: { receipt: 'HALF', amount: 999 },
    });
    expect(half.statusCode).toBe(201);
    expect((await balanceOf(h, token, a.number)).discountMinor).toBe(51); // floor(100 × 999 / 2000) = 49 back
    await h.request({ method: 'POST', url: `/v1/sales/${saleId}/cancel`, token });
    expect((await balanceOf(h, token, a.number)).discountMinor).toBe(0);
  });

  it('takes amount vouchers off the lines before earning (no loyalty on loyalty)', async () => {
    const card = await createCard(h, programId);
    const admin = await h.adminToken();
    const created = await h.request({
      method: 'POST',
      url: '/v1/vouchers',
      token: admin,
      payload: { cardNumber: card.number, kind: 'amount', value: 500 },
    });
    expect(created.statusCode).toBe(201);
    const number = created.json().number as string;
    const res = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(2000)],
      vouchers: [{ number }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      pointsEarned: 15,
      vouchersUsed: [{ number, kind: 'amount', deduction: 500 }],
    });
    const reuse = await sale(h, token, {
      cardNumber: card.number,
      lines: [purchase(2000)],
      vouchers: [{ number }],
    });
    expect(reuse.statusCode).toBe(409);
    expect((await balanceOf(h, token, card.number)).active).toBe(15);
  });

  it('reports the steps a sale crosses and generates forced rewards once', async () => {
    const tiered = await createProgram(h, {
      tiers: {
        type: 'points',
        steps: [
          {
            index: 1,
            threshold: 50,
            forcedUse: true,
            reward: { kind: 'voucher_template', templateId: 'v5' },
            label: 'Bon 5',
          },
          {
            index: 2,
            threshold: 80,
            forcedUse: false,
            reward: { kind: 'voucher_template', templateId: 'v5' },
            label: 'Bon 5 bis',
          },
          {
            index: 3,
            threshold: 1000,
            forcedUse: false,
            reward: { kind: 'voucher_template', templateId: 'v5' },
            label: 'Far',
          },
        ],
      },
      voucherTemplates: [
        {
          id: 'v5',
          kind: 'amount',
          value: 500,
          label: '5 EUR',
          validityDays: 30,
          splittable: false,
          options: [],
        },
      ],
    });
    const card = await createCard(h, tiered);
    const res = await sale(h, token, { cardNumber: card.number, lines: [purchase(9000)] });
    expect(res.statusCode).toBe(201);
    expect(res.json().stepsReached).toEqual([1, 2]);
    expect(res.json().vouchersGenerated).toHaveLength(1);
    const balance = await balanceOf(h, token, card.number);
    expect(balance.tier).toMatchObject({ current: 2, next: 3, availables: [2], value: 90 });
  });

  it('passes the ledger consistency check', async () => {
    const report = await ledgerCheck(h);
    expect(report.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
