/**
 * Promotion workflows, user associations, completeness state and header attributes through /v1, on both
 * databases: the workflow a promotion gets from its creator's associations (none or all → the general
 * default, one → it, several → the first alphabetically), drafts and unknown coupon types stored incomplete,
 * and the header fields a promotion shows for each header attribute configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

const promotion = (code: string, extra: object = {}) => ({
  name: `promo ${code}`,
  code,
  sets: { set: { name: 's', type: 'item', attribute: 'code', value: 'SKU-1' } },
  condition: {
    type: 'composite',
    name: 'And',
    condition: [
      { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 's' } },
      {
        type: 'basic',
        name: 'Header',
        parameter: [
          { key: 'attribute', value: 'store' },
          { key: 'value', value: 'CLF-01,CLF-02' },
        ],
      },
    ],
  },
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      parameter: [{ key: 'percent', value: '10' }],
      'applied-elements': { 'use-set': { name: 's' } },
    },
  },
  ...extra,
});

describe.each(databases())('promotion workflows and header attributes on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let marketer: string;
  let marketerId: string;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, token = admin) =>
    h.request({ method, url, token, ...(payload ? { payload } : {}) });
  const create = async (code: string, extra: object = {}) => {
    const res = await call('POST', '/v1/promotions', promotion(code, extra), marketer);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { workflow: string | null; state: string; headerFields: unknown[]; nro: string };
  };
  const associate = (workflows: string[]) => call('PUT', `/v1/users/${marketerId}/workflows`, { workflows });

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    const user = await call('POST', '/v1/users', {
      login: 'marta.wf',
      password: 'a long enough passphrase 42',
      role: 'marketer',
    });
    expect(user.statusCode, user.body).toBe(201);
    marketerId = user.json().id;
    const token = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'marta.wf', password: 'a long enough passphrase 42' },
    });
    marketer = token.json().access_token;
  });
  afterAll(() => h.close());

  it('a merchant without workflows gives none; the first workflow created is the general default', async () => {
    expect((await call('GET', '/v1/workflows')).json()).toEqual({ data: [], nextCursor: null });
    expect((await create('NOWF')).workflow).toBeNull();

    const general = await call('POST', '/v1/workflows', { code: 'GEN', name: 'General' });
    expect(general.statusCode).toBe(201);
    expect(general.headers.location).toBe('/v1/workflows/GEN');
    expect(general.json()).toMatchObject({ code: 'GEN', name: 'General', default: true, users: [] });
    for (const [code, name] of [
      ['Z', 'Zeta'],
      ['A', 'alfa'],
      ['B', 'Beta'],
    ])
      expect((await call('POST', '/v1/workflows', { code, name })).json().default).toBe(false);

    const taken = await call('POST', '/v1/workflows', { code: 'Z', name: 'Otra' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'WORKFLOW_TAKEN']);
    const bad = await call('POST', '/v1/workflows', { code: 'con espacio', name: 'x' });
    expect(bad.statusCode).toBe(400);
    const forbidden = await call('POST', '/v1/workflows', { code: 'C', name: 'c' }, await h.clientToken());
    expect(forbidden.statusCode).toBe(403);

    const list = (await call('GET', '/v1/workflows')).json();
    expect(list.data.map((w: { code: string }) => w.code)).toEqual(['A', 'B', 'GEN', 'Z']);
    expect((await call('GET', '/v1/workflows/GEN')).json().default).toBe(true);
    const unknown = await call('GET', '/v1/workflows/NOPE');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'WORKFLOW_NOT_FOUND']);
  });

  it('a promotion gets its creator’s workflow: none or all → default, one → it, several → first by name', async () => {
    expect((await create('W-NONE')).workflow).toBe('GEN');

    const one = await associate(['Z']);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({
      userId: marketerId,
      workflows: [{ code: 'Z', name: 'Zeta' }],
      assigned: 'Z',
    });
    expect((await create('W-ONE')).workflow).toBe('Z');

    // alfa, Beta, Zeta: alphabetical ignoring case, not creation order (Z, A, B).
    expect((await associate(['Z', 'B', 'A'])).json().assigned).toBe('A');
    expect((await create('W-SEVERAL')).workflow).toBe('A');

    expect((await associate(['GEN', 'Z', 'A', 'B'])).json().assigned).toBe('GEN');
    expect((await create('W-ALL')).workflow).toBe('GEN');

    expect((await call('GET', '/v1/workflows/A')).json().users).toEqual([marketerId]);
    expect((await associate([])).json()).toEqual({ userId: marketerId, workflows: [], assigned: 'GEN' });
    expect((await call('GET', `/v1/users/${marketerId}/workflows`)).json().assigned).toBe('GEN');

    const unknownWf = await associate(['A', 'NOPE']);
    expect(unknownWf.statusCode).toBe(404);
    expect(unknownWf.json().error).toMatchObject({
      code: 'WORKFLOW_NOT_FOUND',
      details: [{ field: 'workflows[1]', code: 'WORKFLOW_NOT_FOUND' }],
    });
    expect((await call('GET', `/v1/users/${marketerId}/workflows`)).json().workflows).toEqual([]);
    const unknownUser = await call('PUT', '/v1/users/usr_nobody/workflows', { workflows: [] });
    expect([unknownUser.statusCode, unknownUser.json().error.code]).toEqual([404, 'USER_NOT_FOUND']);
    const notAdmin = await call('PUT', `/v1/users/${marketerId}/workflows`, { workflows: [] }, marketer);
    expect(notAdmin.statusCode).toBe(403);
  });

  it('the default moves with PATCH; promotions keep the workflow they were given', async () => {
    const before = await create('W-BEFORE');
    const moved = await call('PATCH', '/v1/workflows/B', { default: true, name: 'Beta 2' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ code: 'B', name: 'Beta 2', default: true });
    const defaults = (await call('GET', '/v1/workflows'))
      .json()
      .data.filter((w: { default: boolean }) => w.default);
    expect(defaults.map((w: { code: string }) => w.code)).toEqual(['B']);
    expect((await create('W-AFTER')).workflow).toBe('B');
    expect((await call('GET', `/v1/promotions/${before.nro}`)).json().workflow).toBe('GEN');
    const renamed = await call('PATCH', '/v1/workflows/B', { name: 'Beta' });
    expect(renamed.json()).toMatchObject({ name: 'Beta', default: true });
    expect((await call('PATCH', '/v1/workflows/NOPE', { name: 'x' })).statusCode).toBe(404);
  });

  it('state: a draft or an unknown coupon type is incomplete; an update recomputes it', async () => {
    expect((await create('COMPLETE')).state).toBe('complete');
    const draft = await create('DRAFT', { benefits: {} });
    expect(draft.state).toBe('incomplete');
    const coupon = {
      benefits: {
        benefit: {
          instance: 'CouponBenefit',
          parameter: [
            { key: 'couponid', value: 'WF-CUP' },
            { key: 'qty', value: '1' },
          ],
        },
      },
    };
    const noType = await create('COUPON', coupon);
    expect(noType.state).toBe('incomplete');
    expect((await call('POST', '/v1/coupon-types', { code: 'WF-CUP', name: 'wf' })).statusCode).toBe(201);
    const fixed = await call('PUT', `/v1/promotions/${noType.nro}`, promotion('COUPON', coupon), marketer);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().state).toBe('complete');
    const listed = (await call('GET', '/v1/promotions?code=DRAFT')).json().data;
    expect(listed.map((p: { state: string; workflow: string }) => [p.state, p.workflow])).toEqual([
      ['incomplete', 'B'],
    ]);
  });

  it('header attributes: inactive → not shown; active → the values its Header conditions require, or empty', async () => {
    const initial = (await call('GET', '/v1/header-attributes')).json().data;
    expect(initial).toHaveLength(6);
    expect(initial[0]).toEqual({ attribute: 'store', name: 'store', active: false, mandatory: false });
    expect((await create('H-OFF')).headerFields).toEqual([]);

    const mandatoryOnly = await call('PUT', '/v1/header-attributes/store', {
      active: false,
      mandatory: true,
    });
    expect(mandatoryOnly.json()).toEqual({
      attribute: 'store',
      name: 'store',
      active: false,
      mandatory: true,
    });
    expect((await create('H-MANDATORY')).headerFields).toEqual([]);

    await call('PUT', '/v1/header-attributes/store', { name: 'Sucursal', active: true, mandatory: true });
    await call('PUT', '/v1/header-attributes/region', { name: 'Zona', active: true, mandatory: false });
    const shown = await create('H-ON');
    expect(shown.state).toBe('complete');
    expect(shown.headerFields).toEqual([
      { attribute: 'store', name: 'Sucursal', mandatory: true, values: ['CLF-01', 'CLF-02'] },
      { attribute: 'region', name: 'Zona', mandatory: false, values: [] },
    ]);
    const config = (await call('GET', '/v1/header-attributes')).json().data;
    expect(
      config.filter((c: { active: boolean }) => c.active).map((c: { attribute: string }) => c.attribute),
    ).toEqual(['store', 'region']);
    const unknown = await call('PUT', '/v1/header-attributes/colour', { active: true, mandatory: true });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'HEADER_ATTRIBUTE_NOT_FOUND']);
    const notMarketer = await call(
      'PUT',
      '/v1/header-attributes/store',
      { active: true, mandatory: true },
      await h.clientToken(),
    );
    expect(notMarketer.statusCode).toBe(403);
  });

  it('concurrent writes: one default at all times, an association is one of the bodies sent, never a 500', async () => {
    const codes = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
    const created = await Promise.all(
      codes.map((code) => call('POST', '/v1/workflows', { code, name: `Race ${code}`, default: true })),
    );
    expect(created.map((r) => r.statusCode)).toEqual(codes.map(() => 201));
    const defaults = async () =>
      (await call('GET', '/v1/workflows')).json().data.filter((w: { default: boolean }) => w.default);
    expect(await defaults()).toHaveLength(1);

    const moved = await Promise.all(
      codes.map((code) => call('PATCH', `/v1/workflows/${code}`, { default: true })),
    );
    expect(moved.map((r) => r.statusCode)).toEqual(codes.map(() => 200));
    expect(await defaults()).toHaveLength(1);

    const bodies = codes.map((_, i) => codes.slice(i, i + 3));
    const set = await Promise.all(bodies.map((workflows) => associate(workflows)));
    expect(set.map((r) => r.statusCode)).toEqual(codes.map(() => 200));
    const final = (await call('GET', `/v1/users/${marketerId}/workflows`))
      .json()
      .workflows.map((w: { code: string }) => w.code);
    expect(bodies.map((b) => [...b].sort().join())).toContain([...final].sort().join());
  });
});
