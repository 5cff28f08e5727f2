import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/app/tenancy/tenancy.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { balanceOf, createCard, purchase, sale } from './support/loyalty-fixtures.js';

const program = (overrides: Record<string, unknown> = {}) => ({
  code: 'GOLD',
  name: 'Carte Gold',
  cardType: 'bonus',
  cardCategory: 'plastic',
  numberFormat: { prefix: '2900', length: 13, checkDigit: 'ean13' },
  rules: [{ id: 'total', kind: 'total_amount', rate: { points: 1, per: 100 } }],
  tiers: {
    type: 'points',
    steps: [
      {
        index: 1,
        threshold: 500,
        forcedUse: false,
        reward: { kind: 'voucher_template', templateId: 'B10' },
        label: 'Bon de 10 €',
      },
    ],
  },
  voucherTemplates: [{ id: 'B10', kind: 'amount', value: 1000, label: 'Bon de 10 €' }],
  ...overrides,
});

describe.each(databases())('programs on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
  });
  afterAll(() => h.close());

  const post = (payload: unknown, token = admin) =>
    h.request({ method: 'POST', url: '/v1/programs', token, payload: payload as object });

  it('lists the demo programs', async () => {
    const res = await h.request({ method: 'GET', url: '/v1/programs', token: cashier });
    expect(res.statusCode).toBe(200);
    const codes = res.json().data.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['VIP', 'PRIV']));
    const vip = res.json().data.find((p: { code: string }) => p.code === 'VIP');
    expect(vip).toMatchObject({
      name: 'Carte VIP',
      cardType: 'bonus',
      cardCategory: 'plastic',
      numberFormat: { prefix: '366029', length: 13, checkDigit: 'ean13' },
      expiry: { kind: 'months', months: 12 },
      tiers: { type: 'purchaseAmount' },
    });
    expect(vip.tiers.steps.map((s: { threshold: number }) => s.threshold)).toEqual([50000, 80000, 120000]);
    expect(vip.tiers.steps[2]).toMatchObject({ forcedUse: true, label: 'Une nuit offerte' });
    expect(vip.voucherTemplates[0]).toMatchObject({ kind: 'choices', options: [{ value: 2500 }, {}] });
  });

  it('creates a program with defaults, reads it back, pages', async () => {
    const res = await post(program());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/v1/programs/${created.id}`);
    expect(created).toMatchObject({
      code: 'GOLD',
      active: true,
      currency: 'EUR',
      pointsLabel: 'points',
      pendingDays: 0,
      expiry: { kind: 'none' },
      negativeBalance: 'allow',
      oneCardPerCustomer: true,
      nextSerial: 0,
      rules: [{ id: 'total', rounding: 'floor', minimumAmount: 0, excludeDiscounted: false }],
      voucherTemplates: [{ id: 'B10', splittable: false, validityDays: null, options: [] }],
    });
    const read = await h.request({ method: 'GET', url: `/v1/programs/${created.id}`, token: cashier });
    expect(read.json()).toEqual(created);
    const page = await h.request({ method: 'GET', url: '/v1/programs?limit=1', token: admin });
    expect(page.json().data).toHaveLength(1);
    expect(page.json().nextCursor).toEqual(expect.any(String));
  });

  it('refuses invalid settings with 422 PROGRAM_INVALID and one detail per problem', async () => {
    const res = await post(
      program({
        code: 'BAD',
        tiers: {
          type: 'points',
          steps: [
            {
              index: 1,
              threshold: 500,
              forcedUse: false,
              reward: { kind: 'voucher_template', templateId: 'NOPE' },
              label: 'x',
            },
            {
              index: 2,
              threshold: 400,
              forcedUse: false,
              reward: { kind: 'voucher_template', templateId: 'B10' },
              label: 'y',
            },
          ],
        },
        cardType: 'discount',
      }),
    );
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('PROGRAM_INVALID');
    const fields = error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['tiers', 'tiers.steps.1', 'discountBasisPoints']));
  });

  it('refuses a malformed body with 400 and a duplicate code with 409', async () => {
    const wrongType = await post({ ...program({ code: 'X1' }), pendingDays: '3' });
    expect(wrongType.statusCode).toBe(400);
    const unknown = await post({ ...program({ code: 'X2' }), colour: 'gold' });
    expect(unknown.statusCode).toBe(400);
    const badRule = await post(program({ code: 'X3', rules: [{ id: 'r', kind: 'magic', rate: {} }] }));
    expect(badRule.statusCode).toBe(400);
    const dup = await post(program({ code: 'VIP' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PROGRAM_CODE_TAKEN');
  });

  it('lets only administrators and directors write programs', async () => {
    const res = await post(program({ code: 'CASH' }), cashier);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const user = await createUser(h.deps, {
      login: 'director@demo.test',
      password: 'director-pw',
      role: 'director',
      merchantId: h.merchantId,
    });
    expect(user.ok).toBe(true);
    const token = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'director@demo.test', password: 'director-pw' },
    });
    const created = await post(program({ code: 'DIR' }), token.json().access_token);
    expect(created.statusCode).toBe(201);
  });

  it('updates a program; absent fields are kept; the format is fixed once cards exist', async () => {
    const created = (await post(program({ code: 'UPD' }))).json();
    const patch = (payload: object) =>
      h.request({ method: 'PATCH', url: `/v1/programs/${created.id}`, token: admin, payload });
    const res = await patch({ name: 'Renamed', pendingDays: 14, requiredFields: ['email'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Renamed',
      pendingDays: 14,
      code: 'UPD',
      requiredFields: ['email'],
    });
    expect(res.json().tiers.steps).toHaveLength(1);
    const invalid = await patch({ pendingDays: 400 });
    expect(invalid.statusCode).toBe(400);
    const badLadder = await patch({ voucherTemplates: [] });
    expect(badLadder.statusCode).toBe(422);
    expect(badLadder.json().error.details[0].field).toBe('tiers.steps.1');
    const batch = await h.request({
      method: 'POST',
      url: '/v1/cards/batch',
      token: admin,
      payload: { programId: created.id, count: 1 },
    });
    expect(batch.statusCode).toBe(201);
    const format = await patch({ numberFormat: { prefix: '2901', length: 13, checkDigit: 'ean13' } });
    expect(format.statusCode).toBe(422);
    expect(format.json().error.details[0].field).toBe('numberFormat');
    const missing = await h.request({
      method: 'PATCH',
      url: '/v1/programs/prg_nope',
      token: admin,
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PROGRAM_NOT_FOUND');
  });

  it('a changed program is applied by the very next sale and balance (programs are kept in memory by version)', async () => {
    const created = (await post(program({ code: 'LIVE', tiers: { type: 'points', steps: [] } }))).json();
    const card = await createCard(h, created.id);
    const patch = (payload: object) =>
      h.request({ method: 'PATCH', url: `/v1/programs/${created.id}`, token: admin, payload });
    const earn = async () => {
      const res = await sale(h, cashier, { cardNumber: card.number, lines: [purchase(1000)] });
      expect(res.statusCode).toBe(201);
      return (await balanceOf(h, cashier, card.number)).active;
    };
    expect(await earn()).toBe(10);
    const rule = (points: number) => [{ id: 'total', kind: 'total_amount', rate: { points, per: 100 } }];
    expect((await patch({ rules: rule(3) })).statusCode).toBe(200);
    expect(await earn()).toBe(10 + 30);
    expect((await patch({ rules: rule(2) })).statusCode).toBe(200);
    expect(await earn()).toBe(10 + 30 + 20);
    // A tier ladder added to the program shows on the next balance.
    const ladder = {
      type: 'points',
      steps: [
        {
          index: 1,
          threshold: 100,
          forcedUse: false,
          reward: { kind: 'voucher_template', templateId: 'B10' },
          label: 'Bon de 10 €',
        },
      ],
    };
    const laddered = await patch({ tiers: ladder });
    expect(laddered.statusCode, laddered.body).toBe(200);
    expect((await balanceOf(h, cashier, card.number)).tier).toMatchObject({ value: 60, next: 1 });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await h.request({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/programs', '/v1/programs/{id}', '/v1/cards/{number}/block']),
    );
  });
});
