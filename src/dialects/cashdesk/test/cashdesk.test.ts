/** CashDesk Card Service dialect: every method's success and documented error keys, auth, envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '../../../app/demo/demo-loyalty.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { basic, fixtures, type Fixtures } from './cashdesk-support.js';

const OK = { Status: true, Key: '', Value: '' };

describe.each(databases())('CashDesk dialect on $kind', (target) => {
  let h: Harness;
  let f: Fixtures;

  beforeAll(async () => {
    h = await createHarness(target);
    f = fixtures(h);
  });
  afterAll(async () => h?.close());

  const envelope = (res: { statusCode: number; json(): unknown }, key: string) => {
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ Status: false, Key: key });
    expect(typeof (res.json() as { Value: unknown }).Value).toBe('string');
  };

  describe('authentication', () => {
    const url = `/cashdesk/api/card/balance/by/${DEMO_CARDS.withPoints}`;

    it('answers 401 with a Basic challenge and the envelope without credentials', async () => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm="/);
      expect(res.json()).toMatchObject({ Status: false, Key: 'Unauthorized' });
    });

    it('refuses a wrong password, an unknown login, a malformed header and a bearer token', async () => {
      for (const authorization of [
        basic('aladdin', 'wrong'),
        basic('nobody', 'opensesame'),
        'Basic not-base64!',
        `Basic ${Buffer.from('no-colon').toString('base64')}`,
        `Bearer ${await h.adminToken()}`,
      ]) {
        const res = await h.app.inject({
          method: 'GET',
          url,
          headers: { authorization },
          remoteAddress: '10.0.0.1',
        });
        expect(res.statusCode, authorization).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Basic /);
        expect(res.json()).toMatchObject({ Status: false, Key: 'Unauthorized' });
      }
    });

    it('accepts the seed user aladdin / opensesame', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url,
        headers: { authorization: basic('aladdin', 'opensesame') },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject(OK);
    });

    it('throttles repeated failures with 429 TooManyAttempts', async () => {
      let res = await h.app.inject({ method: 'GET', url });
      for (let i = 0; i < 7; i++) {
        res = await h.app.inject({
          method: 'GET',
          url,
          headers: { authorization: basic('ghost', `wrong-${i}`) },
          remoteAddress: '10.0.0.2',
        });
      }
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json()).toMatchObject({ Status: false, Key: 'TooManyAttempts' });
    });

    it('answers an unknown method with 404 MethodNotFound in the envelope', async () => {
      const res = await f.call('administrator', { method: 'GET', url: '/nothing' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ Status: false, Key: 'MethodNotFound' });
    });

    it('answers a body that is not JSON with 400 InvalidRequest in the envelope', async () => {
      const res = await f.call('administrator', {
        method: 'POST',
        url: '/block',
        headers: { 'content-type': 'application/json' },
        payload: '{"Number": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ Status: false, Key: 'InvalidRequest' });
    });
  });

  describe('balances', () => {
    const pierre = {
      Status: true,
      Key: '',
      Value: '',
      Number: DEMO_CARDS.withPoints,
      MobileNumber: '+33612345678',
      Code: 'FID-0001',
      StatusCode: 2,
      StatusName: 'Active',
      Name: 'Pierre Martin',
      CategoryCode: 0,
      CategoryName: 'Plastic',
      TypeCode: 0,
      TypeName: 'Bonus',
    };

    it('GetBalanceByCardNumber answers the card fields and the bonus collection', async () => {
      const res = await f.call('cashier', { method: 'GET', url: `/balance/by/${DEMO_CARDS.withPoints}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject(pierre);
      const bonuses = body.Bonuses as { StatusCode: number; Amount: number; ExpireDate?: string }[];
      expect(bonuses.map((b) => [b.StatusCode, b.Amount])).toEqual([
        [0, 130],
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 130],
      ]);
      expect(bonuses[0]).toEqual({
        Amount: 130,
        StatusCode: 0,
        StatusName: 'active',
        TypeCode: 0,
        TypeName: 'cash',
      });
      expect(bonuses[4]!.ExpireDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(bonuses.slice(0, 4).every((b) => b.ExpireDate === undefined)).toBe(true);
    });

    it('GetBalanceByMobileNumber finds the card of the contact, with or without the +', async () => {
      for (const phone of ['+33612345678', '%2B33612345678', '33612345678', '0033612345678']) {
        const res = await f.call('cashier', { method: 'GET', url: `/balance/by/phone/${phone}` });
        expect(res.json(), phone).toMatchObject(pierre);
      }
    });

    it('GetBalanceByContactCode resolves the shared path as a contact code when no card matches', async () => {
      const byCode = await f.call('cashier', { method: 'GET', url: '/balance/by/FID-0001' });
      expect(byCode.json()).toMatchObject(pierre);
      const byNumber = await f.call('cashier', { method: 'GET', url: '/balance/by/634509' });
      expect(byNumber.json()).toMatchObject({ Status: true, Code: '634509', Name: 'CATHERINE SOUPE' });
    });

    it('shows blocked cards as 3 Blocked and the demo statuses', async () => {
      const cases = [
        [DEMO_CARDS.newVip, 0, 'New'],
        [DEMO_CARDS.issuedVip, 1, 'Issued'],
        [DEMO_CARDS.activeVip, 2, 'Active'],
        [DEMO_CARDS.blockedVip, 3, 'Blocked'],
      ] as const;
      for (const [number, code, name] of cases) {
        const body = (await f.call('cashier', { method: 'GET', url: `/balance/by/${number}` })).json();
        expect(body).toMatchObject({ Status: true, Number: number, StatusCode: code, StatusName: name });
      }
      const unbound = (
        await f.call('cashier', { method: 'GET', url: `/balance/by/${DEMO_CARDS.newVip}` })
      ).json();
      expect(unbound).toMatchObject({ MobileNumber: '', Code: '', Name: '' });
      const sophie = (await f.call('cashier', { method: 'GET', url: '/balance/by/C-1002' })).json();
      expect(sophie).toMatchObject({ Number: DEMO_CARDS.blockedVip, StatusCode: 3, Name: 'Sophie Durand' });
    });

    it('answers the documented error keys', async () => {
      const noCard = await f.contact({ code: `NOCARD-${target.kind}` });
      const cases: [string, string][] = [
        ['/balance/by/9999999999999', 'CannotFindCardNumber'],
        ['/balance/by/UNKNOWN-CODE', 'CannotFindCardNumber'],
        [`/balance/by/${'9'.repeat(70)}`, 'InvalidCardNumber'],
        [`/balance/by/NOCARD-${target.kind}`, 'CannotFindContactCode'],
        ['/balance/by/phone/+33611111111', 'CannotFindMobileNumber'],
        [`/balance/by/phone/${noCard.mobile}`, 'CannotFindMobileNumber'],
        ['/balance/by/phone/0612345678', 'InvalidMobileNumber'],
        ['/balance/by/phone/abc', 'InvalidMobileNumber'],
      ];
      for (const [url, key] of cases) {
        const res = await f.call('cashier', { method: 'GET', url });
        envelope(res, key);
        expect(res.json().Number, url).toBeUndefined();
      }
    });

    it('is refused to the client role, like the native balance routes', async () => {
      const res = await f.call('client', { method: 'GET', url: `/balance/by/${DEMO_CARDS.withPoints}` });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ Status: false, Key: 'AccessDenied' });
    });
  });

  describe('Issue', () => {
    it('moves a new card to Issued', async () => {
      const card = await f.card('new');
      const res = await f.call('cashier', { method: 'GET', url: `/issue?Number=${card.number}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(OK);
      const balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 1, StatusName: 'Issued' });
    });

    it("answers the seed's PascalCase paths too (/Issue, /BindTo, /Active, /Block, /UnBlock)", async () => {
      const card = await f.card('new');
      const holder = await f.contact();
      const calls = [
        { method: 'GET' as const, url: `/Issue?Number=${card.number}` },
        {
          method: 'POST' as const,
          url: '/BindTo',
          payload: { Number: card.number, MobileNumber: holder.mobile },
        },
        { method: 'GET' as const, url: `/Active?Number=${card.number}` },
        { method: 'POST' as const, url: '/Block', payload: { Number: card.number, BlockReasonCode: 0 } },
        { method: 'POST' as const, url: '/UnBlock', payload: { Number: card.number, UnBlockReasonCode: 0 } },
      ];
      for (const call of calls) expect((await f.call('marketer', call)).json(), call.url).toEqual(OK);
    });

    it('answers StatusError for active and blocked cards, and the not-found and format keys', async () => {
      envelope(
        await f.call('cashier', { method: 'GET', url: `/issue?Number=${DEMO_CARDS.activeVip}` }),
        'StatusError',
      );
      envelope(
        await f.call('cashier', { method: 'GET', url: `/issue?Number=${DEMO_CARDS.blockedVip}` }),
        'StatusError',
      );
      envelope(
        await f.call('cashier', { method: 'GET', url: '/issue?Number=9999999999999' }),
        'CardNumberCannotFind',
      );
      envelope(await f.call('cashier', { method: 'GET', url: '/issue?Number=12AB' }), 'InvalidCardNumber');
      const missing = await f.call('cashier', { method: 'GET', url: '/issue' });
      envelope(missing, 'RequiredParameterNotSpecified');
      expect(missing.json().Value).toMatch(/: Number$/);
    });
  });

  describe('BindTo', () => {
    it('binds an issued card to the contact with the mobile number (JSON body); the card stays Issued', async () => {
      const card = await f.card('issued');
      const holder = await f.contact();
      const res = await f.call('cashier', {
        method: 'POST',
        url: '/bindto',
        payload: { Number: card.number, MobileNumber: holder.mobile },
      });
      expect(res.json()).toEqual(OK);
      const balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 1, MobileNumber: holder.mobile, Name: 'Tina Tester' });
    });

    it('lists every missing parameter, comma-separated', async () => {
      const res = await f.call('cashier', { method: 'POST', url: '/bindto', payload: {} });
      envelope(res, 'RequiredParameterNotSpecified');
      expect(res.json().Value).toMatch(/: Number, MobileNumber$/);
      const one = await f.call('cashier', { method: 'POST', url: '/bindto', payload: { Number: '123' } });
      expect(one.json().Value).toMatch(/: MobileNumber$/);
    });

    it('answers the documented error keys', async () => {
      const issued = await f.card('issued');
      const fresh = await f.contact();
      const cases: [Record<string, string>, string][] = [
        [{ Number: issued.number, MobileNumber: '+33611111112' }, 'CannotFindMobile'],
        [{ Number: issued.number, MobileNumber: '0611' }, 'InvalidMobileNumber'],
        [{ Number: '9999999999999', MobileNumber: fresh.mobile }, 'CannotFindCardNumber'],
        [{ Number: 'ABC', MobileNumber: fresh.mobile }, 'InvalidCardNumber'],
        [{ Number: DEMO_CARDS.activeVip, MobileNumber: fresh.mobile }, 'CardNumberBindToAnotherContact'],
        [{ Number: issued.number, MobileNumber: '+33612345678' }, 'ContactBindToAnotherCardNumber'],
        [{ Number: (await f.card('new')).number, MobileNumber: fresh.mobile }, 'StatusError'],
        [{ Number: (await f.card('blocked')).number, MobileNumber: fresh.mobile }, 'StatusError'],
      ];
      for (const [payload, key] of cases) {
        envelope(await f.call('cashier', { method: 'POST', url: '/bindto', payload }), key);
      }
    });

    it('lets a contact whose card is blocked for replacement take a new card', async () => {
      const old = await f.card('blocked', { reason: 4 });
      const card = await f.card('issued');
      const res = await f.call('cashier', {
        method: 'POST',
        url: '/bindto',
        payload: { Number: card.number, MobileNumber: old.mobile! },
      });
      expect(res.json()).toEqual(OK);
    });
  });

  describe('Active', () => {
    it('activates a bound card whose contact data is sufficient', async () => {
      const card = await f.card('bound');
      const res = await f.call('cashier', { method: 'GET', url: `/active?Number=${card.number}` });
      expect(res.json()).toEqual(OK);
      const balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 2, StatusName: 'Active' });
    });

    it('answers StatusError for new, unbound, insufficient-data and blocked cards, CannotFindCardNumber else', async () => {
      const thin = await f.contact({ complete: false });
      const bound = await f.card('issued');
      await f.call('cashier', {
        method: 'POST',
        url: '/bindto',
        payload: { Number: bound.number, MobileNumber: thin.mobile },
      });
      for (const number of [
        (await f.card('new')).number,
        (await f.card('issued')).number,
        bound.number,
        DEMO_CARDS.blockedVip,
      ]) {
        envelope(await f.call('cashier', { method: 'GET', url: `/active?Number=${number}` }), 'StatusError');
      }
      envelope(
        await f.call('cashier', { method: 'GET', url: '/active?Number=9999999999999' }),
        'CannotFindCardNumber',
      );
    });
  });

  describe('Block and UnBlock', () => {
    it('blocks by Number and unblocks back to Active (reason codes as strings or numbers)', async () => {
      const card = await f.card('active');
      const blocked = await f.call('cc_operator', {
        method: 'POST',
        url: '/block',
        payload: { Number: card.number, BlockReasonCode: '0', BlockReasonName: 'Loss of the card' },
      });
      expect(blocked.json()).toEqual(OK);
      let balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 3, StatusName: 'Blocked' });
      const unblocked = await f.call('cc_operator', {
        method: 'POST',
        url: '/unblock',
        payload: { Number: card.number, UnBlockReasonCode: 0 },
      });
      expect(unblocked.json()).toEqual(OK);
      balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 2 });
    });

    it('blocks and unblocks by ContactMobileNumber, also given in the query string', async () => {
      const card = await f.card('active');
      const mobile = encodeURIComponent(card.mobile!);
      const res = await f.call('marketer', {
        method: 'POST',
        url: `/block?ContactMobileNumber=${mobile}&BlockReasonCode=3`,
      });
      expect(res.json()).toEqual(OK);
      const back = await f.call('marketer', {
        method: 'POST',
        url: '/unblock',
        payload: { contactMobileNumber: card.mobile, unblockReasonCode: '3' },
      });
      expect(back.json()).toEqual(OK);
    });

    it('returns to Issued when the contact data is not sufficient', async () => {
      const thin = await f.contact({ complete: false });
      const card = await f.card('issued');
      await f.call('cashier', {
        method: 'POST',
        url: '/bindto',
        payload: { Number: card.number, MobileNumber: thin.mobile },
      });
      expect(
        (
          await f.call('marketer', {
            method: 'POST',
            url: '/block',
            payload: { Number: card.number, BlockReasonCode: 0 },
          })
        ).json(),
      ).toEqual(OK);
      expect(
        (
          await f.call('marketer', {
            method: 'POST',
            url: '/unblock',
            payload: { Number: card.number, UnBlockReasonCode: 0 },
          })
        ).json(),
      ).toEqual(OK);
      const balance = (await f.call('cashier', { method: 'GET', url: `/balance/by/${card.number}` })).json();
      expect(balance).toMatchObject({ StatusCode: 1 });
    });

    it('lists the missing parameters', async () => {
      const block = await f.call('marketer', { method: 'POST', url: '/block', payload: {} });
      envelope(block, 'RequiredParameterNotSpecified');
      expect(block.json().Value).toMatch(/: Number or ContactMobileNumber, BlockReasonCode$/);
      const unblock = await f.call('marketer', { method: 'POST', url: '/unblock', payload: { Number: '1' } });
      expect(unblock.json().Value).toMatch(/: UnBlockReasonCode$/);
    });

    it('answers the documented error keys of Block', async () => {
      const noCard = await f.contact();
      const cases: [Record<string, string | number>, string][] = [
        [{ ContactMobileNumber: '+33611111113', BlockReasonCode: 0 }, 'CannotFindMobile'],
        [{ ContactMobileNumber: '06', BlockReasonCode: 0 }, 'InvalidMobileNumber'],
        [{ Number: '9999999999999', BlockReasonCode: 0 }, 'CannotFindCardNumber'],
        [{ ContactMobileNumber: noCard.mobile, BlockReasonCode: 0 }, 'CannotFindCardNumber'],
        [{ Number: 'X1', BlockReasonCode: 0 }, 'InvalidCardNumber'],
        [{ Number: (await f.card('new')).number, BlockReasonCode: 0 }, 'StatusError'],
        [{ Number: (await f.card('issued')).number, BlockReasonCode: 0 }, 'StatusError'],
        [{ Number: (await f.card('active')).number, BlockReasonCode: 9 }, 'BlockReasonError'],
        [{ Number: (await f.card('active')).number, BlockReasonCode: 'loss' }, 'BlockReasonError'],
      ];
      for (const [payload, key] of cases) {
        envelope(await f.call('marketer', { method: 'POST', url: '/block', payload }), key);
      }
    });

    it('answers the documented error keys of UnBlock', async () => {
      const cases: [Record<string, string | number>, string][] = [
        [{ ContactMobileNumber: '+33611111114', UnBlockReasonCode: 0 }, 'CannotFindMobile'],
        [{ ContactMobileNumber: 'abc', UnBlockReasonCode: 0 }, 'InvalidMobileNumber'],
        [{ Number: '9999999999999', UnBlockReasonCode: 0 }, 'CannotFindCardNumber'],
        [{ Number: 'X1', UnBlockReasonCode: 0 }, 'InvalidCardNumber'],
        [{ Number: (await f.card('active')).number, UnBlockReasonCode: 0 }, 'StatusError'],
        [
          { Number: (await f.card('blocked', { blockedBy: 'marketer' })).number, UnBlockReasonCode: 7 },
          'UnBlockReasonError',
        ],
      ];
      for (const [payload, key] of cases) {
        envelope(await f.call('marketer', { method: 'POST', url: '/unblock', payload }), key);
      }
    });
  });
});
