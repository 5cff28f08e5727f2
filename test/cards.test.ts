import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/app/context.js';
import { DEMO_CARDS } from '../src/app/demo/demo-loyalty.js';
import { newId } from '../src/app/ids.js';
import { createApiClient, createMerchant, createUser } from '../src/app/tenancy/tenancy.js';
import { validateCardNumber } from '../src/core/cards/index.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('cards on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let cashier: string;
  let vipId: string;
  let privId: string;
  const tokens = new Map<Role, string>();

  const tokenOf = async (role: Role): Promise<string> => {
    if (role === 'administrator') return admin;
    if (role === 'cashier') return cashier;
    const cached = tokens.get(role);
    if (cached) return cached;
    const login = `${role}@demo.test`;
    const user = await createUser(h.deps, { login, password: 'secret-pw', role, merchantId: h.merchantId });
    if (!user.ok) throw new Error(user.code);
    const res = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: login, password: 'secret-pw' },
    });
    const token = res.json().access_token as string;
    tokens.set(role, token);
    return token;
  };

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    cashier = await h.clientToken();
    const programs = (await h.request({ method: 'GET', url: '/v1/programs', token: admin })).json().data;
    vipId = programs.find((p: { code: string }) => p.code === 'VIP').id;
    privId = programs.find((p: { code: string }) => p.code === 'PRIV').id;
  });
  afterAll(() => h.close());

  const act = (number: string, action: string, payload: object = {}, token = admin) =>
    h.request({ method: 'POST', url: `/v1/cards/${number}/${action}`, token, payload });
  const read = (number: string, token = cashier) =>
    h.request({ method: 'GET', url: `/v1/cards/${number}`, token });
  const batch = async (count: number, programId = vipId): Promise<string[]> => {
    const res = await h.request({
      method: 'POST',
      url: '/v1/cards/batch',
      token: admin,
      payload: { programId, count },
    });
    expect(res.statusCode).toBe(201);
    return res.json().numbers;
  };
  const newCustomer = async (body: object) => {
    const res = await h.request({ method: 'POST', url: '/v1/customers', token: cashier, payload: body });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const expectError = (
    res: { statusCode: number; json(): { error: { code: string } } },
    status: number,
    code: string,
  ) => {
    expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code });
  };
  const pointsOf = async (number: string) => {
    const card = await h.deps.db
      .selectFrom('cards')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const rows = await h.deps.db
      .selectFrom('movements')
      .select('points')
      .where('card_id', '=', card.id)
      .execute();
    return { movements: rows.length, points: rows.reduce((sum, r) => sum + Number(r.points), 0) };
  };

  describe('demo cards', () => {
    it('reads a seed card with its program and customer', async () => {
      const res = await read(DEMO_CARDS.catherineVip);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        number: '3660298205012',
        status: 'active',
        program: { code: 'VIP', name: 'Carte VIP', cardType: 'bonus', cardCategory: 'plastic' },
        customer: { number: 634509, firstName: 'CATHERINE', lastName: 'SOUPE' },
        block: null,
        expiresAt: null,
      });
      expect((await read(DEMO_CARDS.catherinePriv)).json().program.code).toBe('PRIV');
      expect(await pointsOf(DEMO_CARDS.withPoints)).toEqual({ movements: 1, points: 130 });
    });

    it('has one card in each CashDesk status', async () => {
      const statuses = await Promise.all(
        [DEMO_CARDS.newVip, DEMO_CARDS.issuedVip, DEMO_CARDS.activeVip, DEMO_CARDS.blockedVip].map(
          async (n) => (await read(n)).json(),
        ),
      );
      expect(statuses.map((c) => c.status)).toEqual(['new', 'issued', 'active', 'blocked']);
      expect(statuses[3].block).toEqual({
        reasonCode: 0,
        reasonName: 'Loss of the card',
        blockedByRole: 'cc_operator',
      });
      const unknown = await read('999');
      expectError(unknown, 404, 'CARD_NOT_FOUND');
    });
  });

  describe('batches', () => {
    it('creates consecutive valid numbers and continues where the last batch ended', async () => {
      const first = await batch(3);
      const second = await batch(2);
      for (const n of [...first, ...second]) {
        expect(validateCardNumber(n, { prefix: '366029', length: 13, checkDigit: 'ean13' }).ok).toBe(true);
      }
      expect(Number(second[0]!.slice(6, 12))).toBe(Number(first[2]!.slice(6, 12)) + 1);
      expect((await read(first[0]!)).json()).toMatchObject({
        status: 'new',
        customer: null,
        program: { code: 'VIP' },
      });
      const luhn = await batch(1, privId);
      expect(validateCardNumber(luhn[0]!, { prefix: '1387', length: 11, checkDigit: 'luhn' }).ok).toBe(true);
    });

    it('refuses overlaps, overflow, bad counts, unknown programs and cashiers', async () => {
      const post = (payload: object, token = admin) =>
        h.request({ method: 'POST', url: '/v1/cards/batch', token, payload });
      expectError(await post({ programId: vipId, count: 2, firstSerial: 0 }), 409, 'CARD_NUMBER_TAKEN');
      expectError(
        await post({ programId: vipId, count: 2, firstSerial: 999_999 }),
        422,
        'CARD_SERIAL_OUT_OF_RANGE',
      );
      expectError(await post({ programId: vipId, count: 0 }), 400, 'VALIDATION_FAILED');
      expectError(await post({ programId: vipId, count: 10_001 }), 400, 'VALIDATION_FAILED');
      expectError(await post({ programId: 'prg_unknown', count: 1 }), 404, 'PROGRAM_NOT_FOUND');
      expectError(await post({ programId: vipId, count: 1 }, cashier), 403, 'FORBIDDEN');
      // The refused batches left nothing behind: the next batch starts where the last good one ended.
      const next = await batch(1);
      expect(next[0]).toBeDefined();
    });

    it('hands out the next available card as issued', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/v1/cards/next-available',
        token: cashier,
        payload: { programId: vipId },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'issued', customer: null, issuedAt: expect.any(String) });
      const again = await h.request({
        method: 'POST',
        url: '/v1/cards/next-available',
        token: cashier,
        payload: { programId: vipId },
      });
      expect(again.json().number).not.toBe(res.json().number);
      const unknown = await h.request({
        method: 'POST',
        url: '/v1/cards/next-available',
        token: cashier,
        payload: { programId: 'prg_unknown' },
      });
      expectError(unknown, 404, 'PROGRAM_NOT_FOUND');
    });
  });

  describe('lifecycle', () => {
    it('walks new → issued → bound → active, refusing every wrong step', async () => {
      const [number] = await batch(1);
      const n = number!;
      expectError(await act(n, 'activate'), 409, 'CARD_STATUS_ERROR');
      expectError(await act(n, 'bind', { customerId: 'cus_x' }), 404, 'CUSTOMER_NOT_FOUND');
      const customer = await newCustomer({ lastName: 'Sans-Prénom', mobile: '+33611220001' });
      expectError(await act(n, 'bind', { customerId: customer }), 409, 'CARD_STATUS_ERROR');
      expectError(await act(n, 'block', { reasonCode: 0 }), 409, 'CARD_STATUS_ERROR');

      const issued = await act(n, 'issue', {}, cashier);
      expect(issued.statusCode).toBe(200);
      expect(issued.json()).toMatchObject({ status: 'issued', issuedAt: expect.any(String) });
      expect((await act(n, 'issue', {}, cashier)).json().status).toBe('issued');
      expectError(await act(n, 'activate'), 409, 'CARD_NOT_BOUND');
      expectError(await act(n, 'block', { reasonCode: 0 }), 409, 'CARD_NOT_BOUND');

      const bound = await act(n, 'bind', { mobile: '+33 6 11 22 00 01' }, cashier);
      expect(bound.statusCode).toBe(200);
      expect(bound.json()).toMatchObject({
        status: 'issued',
        customer: { id: customer, lastName: 'Sans-Prénom' },
      });
      expectError(await act(n, 'bind', { mobile: '0611220001' }), 422, 'PHONE_COUNTRY_CODE_REQUIRED');
      expectError(await act(n, 'bind', { mobile: '+33611229999' }), 404, 'CUSTOMER_NOT_FOUND');

      const insufficient = await act(n, 'activate', {}, cashier);
      expectError(insufficient, 409, 'CUSTOMER_DATA_INSUFFICIENT');
      expect(insufficient.json().error.details).toEqual([
        expect.objectContaining({ field: 'firstName', code: 'CUSTOMER_DATA_INSUFFICIENT' }),
      ]);
      const patched = await h.request({
        method: 'PATCH',
        url: `/v1/customers/${customer}`,
        token: cashier,
        payload: { firstName: 'Enfin' },
      });
      expect(patched.statusCode).toBe(200);
      const active = await act(n, 'activate', {}, cashier);
      expect(active.json()).toMatchObject({ status: 'active', activatedAt: expect.any(String) });
      expectError(await act(n, 'issue'), 409, 'CARD_STATUS_ERROR');

      const other = await newCustomer({ lastName: 'Autre', firstName: 'A', mobile: '+33611220002' });
      expectError(await act(n, 'bind', { customerId: other }), 409, 'CARD_BOUND_TO_ANOTHER_CUSTOMER');

      // One card per customer and program: a second VIP card cannot be bound to the same customer.
      const [second] = await batch(1);
      await act(second!, 'issue');
      expectError(await act(second!, 'bind', { customerId: customer }), 409, 'CUSTOMER_HAS_ANOTHER_CARD');
      // Another program is fine.
      const [priv] = await batch(1, privId);
      await act(priv!, 'issue');
      expect((await act(priv!, 'bind', { customerId: customer })).statusCode).toBe(200);
    });

    it('refuses malformed bodies', async () => {
      expectError(await act(DEMO_CARDS.activeVip, 'block', { reasonCode: 7 }), 400, 'VALIDATION_FAILED');
      expectError(await act(DEMO_CARDS.activeVip, 'block', {}), 400, 'VALIDATION_FAILED');
      expectError(
        await act(DEMO_CARDS.activeVip, 'bind', { customerId: 'a', mobile: 'b' }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('block and unblock by role', () => {
    /** An active card of a fresh customer with every field the VIP program requires. */
    const activeCard = async (): Promise<string> => {
      const [n] = await batch(1);
      const suffix = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
      const customer = await newCustomer({ lastName: 'Bloc', firstName: 'Kim', mobile: `+33612${suffix}` });
      await act(n!, 'issue');
      await act(n!, 'bind', { customerId: customer });
      expect((await act(n!, 'activate')).json().status).toBe('active');
      return n!;
    };

    it('lets a cashier block for loss only, and lift a loss', async () => {
      const n = await activeCard();
      const refused = await act(n, 'block', { reasonCode: 1 }, cashier);
      expectError(refused, 403, 'BLOCK_REASON_NOT_ALLOWED');
      expect(refused.json().error.message).toContain('cashier');
      const blocked = await act(n, 'block', { reasonCode: 0, reasonName: 'Perdue' }, cashier);
      expect(blocked.json()).toMatchObject({
        status: 'blocked',
        block: { reasonCode: 0, blockedByRole: 'cashier' },
      });
      expectError(await act(n, 'block', { reasonCode: 0 }, cashier), 409, 'CARD_STATUS_ERROR');
      expectError(await act(n, 'unblock', { reasonCode: 1 }, cashier), 403, 'UNBLOCK_REASON_NOT_ALLOWED');
      const back = await act(n, 'unblock', { reasonCode: 0 }, cashier);
      expect(back.json()).toMatchObject({ status: 'active', block: null });
      expectError(await act(n, 'unblock', { reasonCode: 0 }, cashier), 409, 'CARD_STATUS_ERROR');
    });

    it.each([
      ['senior_employee', 1, 'director', 1, 200, null],
      ['director', 2, 'senior_employee', 2, 403, 'UNBLOCK_REASON_NOT_ALLOWED'],
      ['marketer', 3, 'cc_operator', 3, 200, null],
      ['marketer', 3, 'senior_employee', 0, 403, 'UNBLOCK_REASON_NOT_ALLOWED'],
      ['cc_operator', 4, 'director', 0, 403, 'UNBLOCK_REASON_NOT_ALLOWED'],
      ['cc_operator', 4, 'administrator', 0, 200, null],
      ['administrator', 0, 'cc_operator', 0, 403, 'CARD_BLOCKED_BY_ADMINISTRATOR'],
      ['cc_operator', 0, 'cashier', 0, 200, null],
      // the customer-facing client is tied to no card: refused at the gate (item 2 of issue 10)
      ['cc_operator', 0, 'client', 0, 403, 'FORBIDDEN'],
    ] as const)(
      '%s blocks for %i, %s unblocks with %i → %i',
      async (blocker, blockReason, unblocker, unblockReason, status, code) => {
        const n = await activeCard();
        const blocked = await act(n, 'block', { reasonCode: blockReason }, await tokenOf(blocker));
        expect(blocked.statusCode).toBe(200);
        const res = await act(n, 'unblock', { reasonCode: unblockReason }, await tokenOf(unblocker));
        if (code === null) expect(res.json()).toMatchObject({ status: 'active' });
        else expectError(res, status, code);
      },
    );

    it.each([
      ['cashier', 1],
      ['cc_operator', 2],
      ['senior_employee', 3],
      ['director', 3],
    ] as const)('refuses %s blocking for %i', async (role, reason) => {
      const n = await activeCard();
      expectError(
        await act(n, 'block', { reasonCode: reason }, await tokenOf(role)),
        403,
        'BLOCK_REASON_NOT_ALLOWED',
      );
    });

    it('unblocks to issued when the customer no longer has the required data', async () => {
      const n = await activeCard();
      const card = (await read(n)).json();
      await act(n, 'block', { reasonCode: 0 });
      await h.request({
        method: 'PATCH',
        url: `/v1/customers/${card.customer.id}`,
        token: admin,
        payload: { firstName: null },
      });
      expect((await act(n, 'unblock', { reasonCode: 0 })).json()).toMatchObject({
        status: 'issued',
        block: null,
      });
    });
  });

  describe('replace', () => {
    it('moves balance and history to the new card; the old card ends replaced', async () => {
      const [successor] = await batch(1);
      const old = DEMO_CARDS.withPoints;
      const oldCard = await h.deps.db
        .selectFrom('cards')
        .selectAll()
        .where('number', '=', old)
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await h.deps.db
        .insertInto('vouchers')
        .values({
          id: newId('vch'),
          merchant_id: h.merchantId,
          number: `RPL-${target.kind}`,
          card_id: oldCard.id,
          customer_id: oldCard.customer_id,
          kind: 'amount',
          value: 500,
          remaining: 500,
          splittable: 0,
          options: '[]',
          label: null,
          status: 'active',
          valid_from: null,
          valid_until: null,
          source: 'manual',
          step_index: null,
          gift_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();

      const store = await h.deps.db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
      const saleId = newId('sale');
      await h.deps.db
        .insertInto('sales')
        .values({
          id: saleId,
          merchant_id: h.merchantId,
          store_id: store.id,
          terminal_id: null,
          seller: null,
          receipt: `RPL-${target.kind}`,
          card_id: oldCard.id,
          customer_id: oldCard.customer_id,
          sold_at: now,
          total_minor: 13000,
          eligible_minor: 13000,
          body_hash: 'x',
          lines: '[]',
          payments: '[]',
          result: '{}',
          status: 'posted',
          earned_points: 0,
          redeemed_points: 0,
          reversed_points: 0,
          returned_minor: 0,
          created_at: now,
        })
        .execute();

      expectError(await act(old, 'replace', { newNumber: successor! }, cashier), 409, 'REPLACE_NOT_ALLOWED');
      expectError(
        await act(old, 'replace', { newNumber: DEMO_CARDS.activeVip }),
        409,
        'SUCCESSOR_NOT_AVAILABLE',
      );
      const [priv] = await batch(1, privId);
      expectError(await act(old, 'replace', { newNumber: priv! }), 409, 'PROGRAM_MISMATCH');
      expectError(await act(old, 'replace', { newNumber: '42' }), 404, 'CARD_NOT_FOUND');

      const res = await act(old, 'replace', { newNumber: successor! }, await tokenOf('cc_operator'));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        number: successor,
        status: 'active',
        customer: { id: oldCard.customer_id },
        program: { code: 'VIP' },
      });
      expect((await read(old)).json()).toMatchObject({ status: 'replaced', replacedBy: successor });
      expect(await pointsOf(successor!)).toEqual({ movements: 1, points: 130 });
      expect(await pointsOf(old)).toEqual({ movements: 0, points: 0 });
      const lots = await h.deps.db
        .selectFrom('lots')
        .select('card_id')
        .where('card_id', '=', oldCard.id)
        .execute();
      expect(lots).toHaveLength(0);
      const voucher = await h.deps.db
        .selectFrom('vouchers')
        .select('card_id')
        .where('number', '=', `RPL-${target.kind}`)
        .executeTakeFirstOrThrow();
      expect(voucher.card_id).toBe(res.json().id);
      const sale = await h.deps.db
        .selectFrom('sales')
        .select('card_id')
        .where('id', '=', saleId)
        .executeTakeFirstOrThrow();
      expect(sale.card_id).toBe(res.json().id);
      expectError(await act(old, 'replace', { newNumber: successor! }), 409, 'CARD_STATUS_ERROR');
      expectError(await act(old, 'activate'), 409, 'CARD_STATUS_ERROR');
    });

    it('replaces a card blocked for loss', async () => {
      const [lost, successor] = await batch(2);
      const customer = await newCustomer({ lastName: 'Perte', firstName: 'Léa', mobile: '+33611220077' });
      await act(lost!, 'issue');
      await act(lost!, 'bind', { customerId: customer });
      await act(lost!, 'activate');
      await act(lost!, 'block', { reasonCode: 0 }, cashier);
      const res = await act(lost!, 'replace', { newNumber: successor! });
      expect(res.json()).toMatchObject({ status: 'active', customer: { id: customer } });
    });
  });

  describe('expiry', () => {
    it('sets the expiry date and resets the points with an adjust movement', async () => {
      const [n] = await batch(1);
      const customer = await newCustomer({ lastName: 'Expire', firstName: 'Max', mobile: '+33611220088' });
      await act(n!, 'issue');
      await act(n!, 'bind', { customerId: customer });
      await act(n!, 'activate');
      // Give the card points through the ledger writer, as a sale would.
      const { inTransaction } = await import('../src/db/transaction.js');
      const { lockCard } = await import('../src/db/repos/ledger.repo.js');
      const { creditPoints } = await import('../src/app/ledger/ledger-writer.js');
      const card = await h.deps.db
        .selectFrom('cards')
        .select('id')
        .where('number', '=', n!)
        .executeTakeFirstOrThrow();
      await inTransaction(h.deps.db, async (tx) => {
        const now = new Date().toISOString();
        await lockCard(tx, card.id);
        await creditPoints(tx, { merchantId: h.merchantId, cardId: card.id, now }, 75, {
          pendingDays: 0,
          expiry: { kind: 'none' },
        });
      });

      const moved = await act(n!, 'expiry', { expiresAt: '2027-12-31T23:59:59Z' });
      expect(moved.json()).toMatchObject({ expiresAt: '2027-12-31T23:59:59.000Z', pointsReset: 0 });
      expect(await pointsOf(n!)).toEqual({ movements: 1, points: 75 });
      const reset = await act(n!, 'expiry', { expiresAt: '2028-06-30T00:00:00+02:00', resetPoints: true });
      expect(reset.json()).toMatchObject({ expiresAt: '2028-06-29T22:00:00.000Z', pointsReset: 75 });
      expect(await pointsOf(n!)).toEqual({ movements: 2, points: 0 });
      const adjust = await h.deps.db
        .selectFrom('movements')
        .select(['kind', 'points'])
        .where('card_id', '=', card.id)
        .where('kind', '=', 'adjust')
        .execute();
      expect(adjust).toEqual([{ kind: 'adjust', points: -75 }]);

      expectError(await act(n!, 'expiry', { expiresAt: null }, cashier), 403, 'FORBIDDEN');
      expectError(await act(n!, 'expiry', { expiresAt: 'tomorrow' }), 400, 'VALIDATION_FAILED');
      expect((await act(n!, 'expiry', { expiresAt: null })).json().expiresAt).toBeNull();
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 for another merchant's card", async () => {
      const other = await createMerchant(h.deps, { slug: `other-${target.kind}`, name: 'Other' });
      const client = await createApiClient(h.deps, {
        name: 'Other POS',
        role: 'administrator',
        merchantId: other.id,
        clientId: `other-pos-${target.kind}`,
        clientSecret: 'other-secret',
      });
      if (!client.ok) throw new Error(client.code);
      const res = await h.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: `other-pos-${target.kind}`,
          client_secret: 'other-secret',
        },
      });
      const token = res.json().access_token as string;
      expectError(await read(DEMO_CARDS.catherineVip, token), 404, 'CARD_NOT_FOUND');
      expectError(
        await act(DEMO_CARDS.catherineVip, 'block', { reasonCode: 0 }, token),
        404,
        'CARD_NOT_FOUND',
      );
      expectError(await act(DEMO_CARDS.newVip, 'issue', {}, token), 404, 'CARD_NOT_FOUND');
      const foreignBatch = await h.request({
        method: 'POST',
        url: '/v1/cards/batch',
        token,
        payload: { programId: vipId, count: 1 },
      });
      expectError(foreignBatch, 404, 'PROGRAM_NOT_FOUND');
      expectError(
        await h.request({ method: 'GET', url: `/v1/programs/${vipId}`, token }),
        404,
        'PROGRAM_NOT_FOUND',
      );
      expect((await read(DEMO_CARDS.newVip)).json().status).toBe('new');
    });
  });
});
