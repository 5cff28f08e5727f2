/**
 * CashDesk through the dialect: the role × reason matrices of spec/cashdesk.md (decided by the engine, the
 * user's role coming from HTTP Basic), and both integration-log modes read back by an administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../app/context.js';
import { eventually } from '../../../../test/support/eventually.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { fixtures, userOf, type Fixtures } from './cashdesk-support.js';

const OK = { Status: true, Key: '', Value: '' };
const ALL: Role[] = [
  'client',
  'cashier',
  'cc_operator',
  'marketer',
  'senior_employee',
  'director',
  'administrator',
];

/**
 * Who may block with each reason, as the spec's table states it (the cashier, a till, as the client), except
 * that the customer-facing client is refused every card change: it is tied to no card (issue 10, item 2).
 */
const MAY_BLOCK: Record<number, Role[]> = {
  0: ALL.filter((role) => role !== 'client'),
  1: ['senior_employee', 'director', 'administrator'],
  2: ['director', 'administrator'],
  3: ['cc_operator', 'marketer', 'administrator'],
  4: ['cc_operator', 'marketer', 'senior_employee', 'director', 'administrator'],
};

describe.each(databases())('CashDesk roles and logs on $kind', (target) => {
  let h: Harness;
  let f: Fixtures;

  beforeAll(async () => {
    h = await createHarness(target);
    f = fixtures(h);
  });
  afterAll(async () => h?.close());

  const blockAs = async (role: Role, number: string, reason: number | string) =>
    (
      await f.call(role, {
        method: 'POST',
        url: '/block',
        payload: { Number: number, BlockReasonCode: reason },
      })
    ).json();
  const unblockAs = async (role: Role, number: string, reason: number | string) =>
    (
      await f.call(role, {
        method: 'POST',
        url: '/unblock',
        payload: { Number: number, UnBlockReasonCode: reason },
      })
    ).json();

  it('applies the block reason matrix to every role', async () => {
    for (const [reason, allowed] of Object.entries(MAY_BLOCK)) {
      for (const role of ALL) {
        const card = await f.card('active');
        const body = await blockAs(role, card.number, Number(reason));
        if (allowed.includes(role)) expect(body, `${role} reason ${reason}`).toEqual(OK);
        else if (role === 'client')
          expect(body, `${role} reason ${reason}`).toMatchObject({ Status: false, Key: 'AccessDenied' });
        else
          expect(body, `${role} reason ${reason}`).toMatchObject({ Status: false, Key: 'BlockReasonError' });
      }
    }
  }, 120_000); // about 50 sequential requests: slow on a loaded machine

  it('refuses the client every block and unblock: it is tied to no card', async () => {
    const card = await f.card('active');
    expect(await blockAs('client', card.number, 0)).toMatchObject({ Status: false, Key: 'AccessDenied' });
    const lost = await f.card('blocked', { blockedBy: 'cashier', reason: 0 });
    expect(await unblockAs('client', lost.number, 0)).toMatchObject({ Status: false, Key: 'AccessDenied' });
  });

  it('keeps the CC operator from reasons 1 and 2, and from lifting blocks 1 and 4', async () => {
    for (const reason of [1, 2]) {
      const card = await f.card('active');
      expect(await blockAs('cc_operator', card.number, reason)).toMatchObject({ Key: 'BlockReasonError' });
    }
    const unwanted = await f.card('blocked', { blockedBy: 'senior_employee', reason: 1 });
    expect(await unblockAs('cc_operator', unwanted.number, 1)).toMatchObject({ Key: 'UnBlockReasonError' });
    expect(await unblockAs('senior_employee', unwanted.number, 1)).toEqual(OK);
    const refused = await f.card('blocked', { blockedBy: 'marketer', reason: 3 });
    expect(await unblockAs('cc_operator', refused.number, 3)).toEqual(OK);
  });

  it('lets only an administrator unblock a card an administrator blocked', async () => {
    const card = await f.card('active');
    expect(await blockAs('administrator', card.number, 0)).toEqual(OK);
    for (const role of ['cashier', 'cc_operator', 'marketer', 'senior_employee', 'director'] as Role[]) {
      expect(await unblockAs(role, card.number, 0), role).toMatchObject({
        Status: false,
        Key: 'UnBlockReasonError',
      });
    }
    expect(await unblockAs('administrator', card.number, 0)).toEqual(OK);
  });

  it('keeps a card blocked for replacement blocked for everyone but an administrator', async () => {
    const card = await f.card('active');
    expect(await blockAs('marketer', card.number, 4)).toEqual(OK);
    for (const role of ['cc_operator', 'marketer', 'senior_employee', 'director'] as Role[]) {
      for (const reason of [0, 1, 2, 3]) {
        expect(await unblockAs(role, card.number, reason), `${role} ${reason}`).toMatchObject({
          Status: false,
          Key: 'UnBlockReasonError',
        });
      }
    }
    expect(await unblockAs('administrator', card.number, 0)).toEqual(OK);
  });

  it('records full exchanges for a user switched to full logging, readable by the administrator', async () => {
    const admin = await h.adminToken();
    const principals = (await h.request({ method: 'GET', url: '/v1/principals', token: admin })).json();
    const cashier = (principals.data ?? principals).find(
      (p: { login: string }) => p.login === userOf('cashier').login,
    );
    expect(cashier).toBeDefined();
    const patched = await h.request({
      method: 'PATCH',
      url: `/v1/principals/${cashier.id}`,
      token: admin,
      payload: { logFull: true },
    });
    expect(patched.statusCode).toBe(200);

    const card = await f.card('new');
    const res = await f.call('cashier', { method: 'GET', url: `/issue?Number=${card.number}` });
    expect(res.json()).toEqual(OK);

    // The log is written after the answer has been sent: wait for it.
    await eventually(async () => {
      const log = await h.request({ method: 'GET', url: '/v1/integration-log?kind=full', token: admin });
      expect(log.statusCode).toBe(200);
      const entry = log
        .json()
        .data.find((e: { url: string }) => e.url === `/cashdesk/api/card/issue?Number=${card.number}`);
      expect(entry).toMatchObject({ kind: 'full', principalId: cashier.id, method: 'GET', status: 200 });
      expect(JSON.parse(entry.responseBody)).toEqual(OK);
    });
  });

  it('always records errors, business errors answered with 200 included', async () => {
    const admin = await h.adminToken();
    const business = await f.call('cc_operator', { method: 'GET', url: '/issue?Number=9999999999990' });
    expect(business.json()).toMatchObject({ Status: false, Key: 'CardNumberCannotFind' });
    const unauthenticated = await h.app.inject({ method: 'GET', url: '/cashdesk/api/card/issue?Number=1' });
    expect(unauthenticated.statusCode).toBe(401);

    // The log is written after the answer has been sent: wait for it.
    await eventually(async () => {
      const errors = (
        await h.request({ method: 'GET', url: '/v1/integration-log?kind=error', token: admin })
      ).json().data as {
        url: string;
        status: number;
        errorCode: string;
        errorMessage: string;
        responseBody: string;
      }[];
      const logged = errors.find((e) => e.url === '/cashdesk/api/card/issue?Number=9999999999990');
      expect(logged).toMatchObject({ status: 200, errorCode: 'CARD_NOT_FOUND' });
      expect(logged!.errorMessage).toMatch(/^CardNumberCannotFind: /);
      expect(JSON.parse(logged!.responseBody)).toMatchObject({ Status: false, Key: 'CardNumberCannotFind' });
    });
  });
});
