import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/app/ids.js';
import {
  redeemVouchersForSale,
  restoreVouchersForSale,
  type SaleVoucherUse,
} from '../src/app/sales/sale-vouchers.js';
import { issueStepRewards, loadProgramRewards } from '../src/app/rewards/step-rewards.js';
import type { VoucherTemplate } from '../src/core/loyalty/program.js';
import { forcedRewards, stepsCrossed, type Tier } from '../src/core/rules/tiers.js';
import { inTransaction } from '../src/db/transaction.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { insertCard, insertProgram, type TestCard } from './support/rewards-fixtures.js';

const TEMPLATES: VoucherTemplate[] = [
  {
    id: 'bon25',
    kind: 'choices',
    value: 0,
    label: 'Un bon de 25 € offert ou 1 cadeau',
    validityDays: 90,
    splittable: false,
    options: [
      { type: 'amount', value: 2500, label: 'Bon de 25 €' },
      { type: 'percentage', value: 15 },
    ],
  },
  {
    id: 'bon40',
    kind: 'amount',
    value: 4000,
    label: 'Un bon de 40 € offert',
    validityDays: null,
    splittable: true,
    options: [],
  },
];

describe.each(databases())('vouchers on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  let programId: string;
  let card: TestCard;
  let other: TestCard;
  let giftId: string;

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
    const gift = await h.request({
      method: 'POST',
      url: '/v1/gifts',
      token: admin,
      payload: { title: 'Une nuit offerte', pointsCost: 5000 },
    });
    giftId = gift.json().id;
    const steps: Tier[] = [
      {
        index: 1,
        threshold: 500,
        forcedUse: false,
        reward: { kind: 'voucher_template', templateId: 'bon25' },
        label: 'Un bon de 25 € offert ou 1 cadeau',
      },
      {
        index: 2,
        threshold: 800,
        forcedUse: false,
        reward: { kind: 'voucher_template', templateId: 'bon40' },
        label: 'Un bon de 40 € offert',
      },
      {
        index: 3,
        threshold: 1200,
        forcedUse: true,
        reward: { kind: 'gift', giftId },
        label: 'Une nuit offerte',
      },
    ];
    programId = await insertProgram(h, { steps, voucherTemplates: TEMPLATES });
    card = await insertCard(h, programId, 900);
    other = await insertCard(h, programId, 0);
  });
  afterAll(() => h.close());

  const create = (payload: object, token = admin) =>
    h.request({ method: 'POST', url: '/v1/vouchers', token, payload });
  const read = (number: string) =>
    h.request({ method: 'GET', url: `/v1/vouchers/${number}`, token: cashier });
  const redeem = (uses: SaleVoucherUse[], cardId: string | null = null, saleId = newId('sale')) =>
    inTransaction(h.deps.db, (tx) =>
      redeemVouchersForSale(tx, {
        merchantId: h.merchantId,
        cardId,
        customerId: null,
        saleId,
        now: new Date().toISOString(),
        uses,
      }),
    );
  const codeOf = (result: Awaited<ReturnType<typeof redeem>>) => (result.ok ? 'OK' : result.code);

  describe('create, read, list, cancel', () => {
    it('creates a card voucher with a generated number', async () => {
      const res = await create({ cardNumber: card.number, kind: 'amount', value: 1500, label: 'Bon 15 €' });
      expect(res.statusCode).toBe(201);
      const v = res.json();
      expect(v).toMatchObject({
        kind: 'amount',
        value: 1500,
        remaining: 1500,
        splittable: false,
        status: 'active',
        cardNumber: card.number,
        source: 'manual',
        label: 'Bon 15 €',
      });
      expect(v.number).toMatch(/^\d{10}$/);
      expect(res.headers.location).toBe(`/v1/vouchers/${v.number}`);
      expect((await read(v.number)).json()).toEqual(v);
    });

    it('creates a bearer voucher with a given number and refuses the number twice', async () => {
      const res = await create({ number: '90000001', kind: 'percentage', value: 20 });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ number: '90000001', cardNumber: null, customerId: null, value: 20 });
      const again = await create({ number: '90000001', kind: 'amount', value: 100 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('VOUCHER_NUMBER_TAKEN');
    });

    it('refuses invalid vouchers, unknown cards and customers, and cashiers', async () => {
      const percent = await create({ kind: 'percentage', value: 150 });
      expect(percent.statusCode).toBe(422);
      expect(percent.json().error).toMatchObject({
        code: 'VOUCHER_INVALID',
        details: [{ field: 'percent' }],
      });
      expect((await create({ kind: 'choices' })).json().error.code).toBe('VOUCHER_INVALID');
      expect((await create({ kind: 'gift' })).json().error.code).toBe('VOUCHER_INVALID');
      const window = await create({
        kind: 'amount',
        value: 100,
        validFrom: '2030-01-02T00:00:00Z',
        validUntil: '2030-01-01T00:00:00Z',
      });
      expect(window.json().error.code).toBe('VOUCHER_INVALID');
      expect((await create({ kind: 'amount', value: 100, cardNumber: '404' })).statusCode).toBe(404);
      expect((await create({ kind: 'amount', value: 100, customerId: 'cus_nope' })).json().error.code).toBe(
        'CUSTOMER_NOT_FOUND',
      );
      expect((await create({ kind: 'bogus', value: 1 })).statusCode).toBe(400);
      expect((await create({ kind: 'amount', value: 100 }, cashier)).statusCode).toBe(403);
      expect((await read('00000000')).json().error.code).toBe('VOUCHER_NOT_FOUND');
    });

    it('lists the vouchers of a card and by status, page by page', async () => {
      await create({ cardNumber: other.number, kind: 'amount', value: 100 });
      await create({ cardNumber: other.number, kind: 'percentage', value: 5 });
      const first = await h.request({
        method: 'GET',
        url: `/v1/vouchers?cardNumber=${other.number}&limit=1`,
        token: cashier,
      });
      expect(first.statusCode).toBe(200);
      expect(first.json().data).toHaveLength(1);
      const second = await h.request({
        method: 'GET',
        url: `/v1/vouchers?cardNumber=${other.number}&limit=1&cursor=${first.json().nextCursor}`,
        token: cashier,
      });
      expect(second.json().data[0].kind).toBe('percentage');
      expect(second.json().nextCursor).toBeNull();
      const active = await h.request({ method: 'GET', url: '/v1/vouchers?status=cancelled', token: cashier });
      expect(active.json().data.every((v: { status: string }) => v.status === 'cancelled')).toBe(true);
    });

    it('cancels an active voucher once', async () => {
      const v = (await create({ kind: 'amount', value: 300 })).json();
      const res = await h.request({ method: 'POST', url: `/v1/vouchers/${v.number}/cancel`, token: admin });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('cancelled');
      const again = await h.request({ method: 'POST', url: `/v1/vouchers/${v.number}/cancel`, token: admin });
      expect(again.json().error.code).toBe('VOUCHER_CANCELLED');
      expect(codeOf(await redeem([{ number: v.number }]))).toBe('VOUCHER_CANCELLED');
    });

    it('has the demo bearer vouchers of the seed', async () => {
      expect((await read('11223344')).json()).toMatchObject({
        kind: 'percentage',
        value: 10,
        status: 'active',
      });
      expect((await read('22334455')).json()).toMatchObject({ kind: 'amount', value: 500 });
      expect((await read('66778899')).json()).toMatchObject({ kind: 'amount', value: 500 });
    });
  });

  it('documents the routes in OpenAPI and answers XML on request', async () => {
    const doc = (await h.request({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/vouchers',
        '/v1/vouchers/{number}',
        '/v1/vouchers/{number}/cancel',
        '/v1/cards/{number}/steps/{index}/reward',
        '/v1/gifts',
        '/v1/gifts/{id}/award',
        '/v1/gift-awards/{id}/restore',
      ]),
    );
    const xml = await h.request({
      method: 'GET',
      url: '/v1/vouchers/11223344',
      token: cashier,
      headers: { accept: 'application/xml' },
    });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('<number>11223344</number>');
  });

  describe('redeeming in a sale', () => {
    it('replays the seed case: 10 % + 2 × 5 € deduct 10 € from the lines, then refuses a second use', async () => {
      const uses = [{ number: '11223344' }, { number: '22334455' }, { number: '66778899' }];
      const result = await redeem(uses, card.id);
      expect(result).toEqual({
        ok: true,
        value: {
          amountDeduction: 1000,
          vouchers: [
            { number: '11223344', kind: 'percentage', deduction: 0, remainder: 0 },
            { number: '22334455', kind: 'amount', deduction: 500, remainder: 0 },
            { number: '66778899', kind: 'amount', deduction: 500, remainder: 0 },
          ],
        },
      });
      expect((await read('22334455')).json().status).toBe('used');
      const again = await redeem([{ number: '22334455' }]);
      expect(again).toMatchObject({
        ok: false,
        code: 'VOUCHER_ALREADY_USED',
        details: [{ field: 'vouchers[0]' }],
      });
    });

    it('refuses unknown, expired, not yet valid, foreign and mistyped vouchers', async () => {
      const past = new Date(Date.now() - 86_400_000).toISOString();
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const expired = (await create({ kind: 'amount', value: 100, validUntil: past })).json();
      expect(expired.status).toBe('expired');
      const listed = async (status: string) => {
        const res = await h.request({
          method: 'GET',
          url: `/v1/vouchers?status=${status}&limit=200`,
          token: cashier,
        });
        return res.json().data.map((v: { number: string }) => v.number) as string[];
      };
      expect(await listed('expired')).toContain(expired.number);
      expect(await listed('active')).not.toContain(expired.number);
      const early = (await create({ kind: 'amount', value: 100, validFrom: future })).json();
      const mine = (await create({ kind: 'amount', value: 100, cardNumber: card.number })).json();
      const amount = (await create({ kind: 'amount', value: 100 })).json();
      expect(codeOf(await redeem([{ number: 'nope1234' }]))).toBe('VOUCHER_NOT_FOUND');
      expect(codeOf(await redeem([{ number: expired.number }]))).toBe('VOUCHER_EXPIRED');
      expect(codeOf(await redeem([{ number: early.number }]))).toBe('VOUCHER_NOT_YET_VALID');
      expect(codeOf(await redeem([{ number: mine.number }], other.id))).toBe('VOUCHER_NOT_OWNED');
      expect(codeOf(await redeem([{ number: mine.number }], null))).toBe('VOUCHER_NOT_OWNED');
      expect(codeOf(await redeem([{ number: amount.number, type: 'percentage' }]))).toBe(
        'VOUCHER_CHOICE_TYPE_INVALID',
      );
      expect(codeOf(await redeem([{ number: amount.number, type: 'bogus' }]))).toBe(
        'VOUCHER_CHOICE_TYPE_INVALID',
      );
      expect(codeOf(await redeem([{ number: amount.number, amount: 0 }]))).toBe('VOUCHER_AMOUNT_INVALID');
      expect(codeOf(await redeem([{ number: amount.number, amount: 101 }]))).toBe(
        'VOUCHER_AMOUNT_EXCEEDS_REMAINING',
      );
      expect(codeOf(await redeem([{ number: amount.number }, { number: amount.number }]))).toBe(
        'VOUCHER_ALREADY_USED',
      );
      expect(codeOf(await redeem([{ number: mine.number }], card.id))).toBe('OK');
    });

    it('keeps the remainder of a splittable voucher, and restores a cancelled sale once', async () => {
      const v = (await create({ kind: 'amount', value: 1000, splittable: true })).json();
      const first = await redeem([{ number: v.number, amount: 300 }]);
      expect(first).toMatchObject({
        ok: true,
        value: { amountDeduction: 300, vouchers: [{ remainder: 700 }] },
      });
      expect((await read(v.number)).json()).toMatchObject({ status: 'active', remaining: 700 });
      const saleId = newId('sale');
      const second = await redeem([{ number: v.number }], null, saleId);
      expect(second).toMatchObject({
        ok: true,
        value: { amountDeduction: 700, vouchers: [{ remainder: 0 }] },
      });
      expect((await read(v.number)).json()).toMatchObject({ status: 'used', remaining: 0 });
      const restore = () =>
        inTransaction(h.deps.db, (tx) => restoreVouchersForSale(tx, saleId, new Date().toISOString()));
      await restore();
      await restore();
      expect((await read(v.number)).json()).toMatchObject({ status: 'active', remaining: 700 });
      const use = await h.deps.db
        .selectFrom('voucher_uses')
        .select('restored_at')
        .where('sale_id', '=', saleId)
        .executeTakeFirstOrThrow();
      expect(use.restored_at).not.toBeNull();
    });

    it('uses a non-splittable amount voucher up, whatever part of it the sale took', async () => {
      const v = (await create({ kind: 'amount', value: 1000 })).json();
      const result = await redeem([{ number: v.number, amount: 400 }]);
      expect(result).toMatchObject({
        ok: true,
        value: { amountDeduction: 400, vouchers: [{ remainder: 0 }] },
      });
      expect((await read(v.number)).json()).toMatchObject({ status: 'used', remaining: 0 });
    });

    it('needs the type and value of the option taken on a choices voucher', async () => {
      const v = (
        await create({
          kind: 'choices',
          options: [
            { type: 'amount', value: 2500 },
            { type: 'percentage', value: 10 },
            { type: 'gift', value: giftId, moneyValue: 1200 },
          ],
        })
      ).json();
      expect(codeOf(await redeem([{ number: v.number }]))).toBe('VOUCHER_CHOICE_REQUIRED');
      expect(codeOf(await redeem([{ number: v.number, type: 'amount', value: '2000' }]))).toBe(
        'VOUCHER_CHOICE_VALUE_INVALID',
      );
      const saleId = newId('sale');
      const gift = await redeem([{ number: v.number, type: 'gift', value: giftId }], null, saleId);
      expect(gift).toMatchObject({
        ok: true,
        value: { amountDeduction: 1200, vouchers: [{ kind: 'choices' }] },
      });
      expect(codeOf(await redeem([{ number: v.number, type: 'amount', value: '2500' }]))).toBe(
        'VOUCHER_ALREADY_USED',
      );
      await inTransaction(h.deps.db, (tx) => restoreVouchersForSale(tx, saleId, new Date().toISOString()));
      const amount = await redeem([{ number: v.number, type: 'amount', value: '2500' }]);
      expect(amount).toMatchObject({ ok: true, value: { amountDeduction: 2500 } });
    });

    it('deducts nothing for a gift voucher without money value', async () => {
      const v = (await create({ kind: 'gift', label: 'Chaise' })).json();
      const result = await redeem([{ number: v.number }]);
      expect(result).toMatchObject({ ok: true, value: { amountDeduction: 0, vouchers: [{ kind: 'gift' }] } });
      const priced = (await create({ kind: 'gift', label: 'Chaise', value: 0 })).json();
      expect(await redeem([{ number: priced.number, amount: 700 }])).toMatchObject({
        ok: true,
        value: { amountDeduction: 700 },
      });
    });
  });

  describe('step rewards', () => {
    const claim = (number: string, index: number, token = cashier) =>
      h.request({ method: 'POST', url: `/v1/cards/${number}/steps/${index}/reward`, token });

    it('generates the reward of a reached step on request, once', async () => {
      const res = await claim(card.number, 1);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        stepIndex: 1,
        voucher: {
          kind: 'choices',
          source: 'step',
          stepIndex: 1,
          cardNumber: card.number,
          label: 'Un bon de 25 € offert ou 1 cadeau',
          options: [
            { type: 'amount', value: 2500 },
            { type: 'percentage', value: 15 },
          ],
        },
      });
      expect(res.json().voucher.validUntil).not.toBeNull();
      const step2 = await claim(card.number, 2);
      expect(step2.json().voucher).toMatchObject({ kind: 'amount', value: 4000, splittable: true });
      expect((await claim(card.number, 1)).json().error.code).toBe('STEP_ALREADY_REWARDED');
      expect((await claim(card.number, 3)).json().error.code).toBe('STEP_NOT_REACHED');
      const missing = await claim(card.number, 9);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('STEP_NOT_FOUND');
      expect((await claim('4040404040', 1)).json().error.code).toBe('CARD_NOT_FOUND');
      expect((await claim(other.number, 1)).json().error.code).toBe('STEP_NOT_REACHED');
    });

    it('generates forced rewards when a sale crosses their step, exactly once', async () => {
      const forced = await insertCard(h, programId, 0);
      const ladder = (await loadProgramRewards(h.deps.db, h.merchantId, programId))!.ladder;
      // What a sale's plan asks (core forcedRewards, without the steps it read as rewarded) and its commit does
      const run = async (before: number, after: number) => ({
        stepsReached: stepsCrossed(ladder, before, after),
        vouchers: await inTransaction(h.deps.db, (tx) =>
          issueStepRewards(
            tx,
            {
              merchantId: h.merchantId,
              programId,
              cardId: forced.id,
              customerId: null,
              now: new Date().toISOString(),
            },
            forcedRewards(ladder, before, after),
          ),
        ),
      });
      const first = await run(400, 1300);
      expect(first.stepsReached).toEqual([1, 2, 3]);
      expect(first.vouchers).toHaveLength(1);
      const voucher = (await read(first.vouchers[0]!)).json();
      expect(voucher).toMatchObject({ kind: 'gift', giftId, label: 'Une nuit offerte', stepIndex: 3 });
      expect(await run(1100, 1250)).toEqual({ stepsReached: [3], vouchers: [] });
      expect(await run(1300, 1400)).toEqual({ stepsReached: [], vouchers: [] });
      // steps 1 and 2 are not forced: still available on request
      const list = await h.request({
        method: 'GET',
        url: `/v1/vouchers?cardNumber=${forced.number}`,
        token: cashier,
      });
      expect(list.json().data).toHaveLength(1);
    });
  });
});
