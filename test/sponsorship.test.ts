/**
 * Sponsorship (issue 11; Avomark codes 60 and 61): a program setting activates it (the demo VIP program pays
 * 100 points to the godfather on the godchild's first purchase and 50 to the godchild at enrolment). Each
 * reward is paid once; the godfather's is taken back when that first purchase is cancelled. Without any
 * program activating it, a godfather is refused (60). A mobile already used is refused (303) unless the
 * program allows shared numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { ledgerCheck } from './support/loyalty-fixtures.js';

let serial = 0;
const mobile = () =>
  `+336${String(Date.now() % 1_000_000).padStart(6, '0')}${String(serial++ % 100).padStart(2, '0')}`;

describe.each(databases())('sponsorship on $kind', (target) => {
  let h: Harness;
  let avomark: string;
  let token: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    const res = await h.app.inject({
      method: 'POST',
      url: '/avomark/api/token',
      payload: { username: 'demo', password: 'demo', terminal: 1 },
    });
    avomark = res.json().access_token;
  });
  afterAll(() => h.close());

  const enrol = async (body: Record<string, unknown>) =>
    h.request({ method: 'POST', url: '/avomark/api/v1/customers', token: avomark, payload: body });
  const points = async (card: string) =>
    (await h.request({ method: 'GET', url: `/v1/cards/${card}/balance`, token })).json().active as number;
  const sell = async (card: string, amount: number) => {
    const res = await h.request({
      method: 'POST',
      url: '/v1/sales',
      token,
      payload: {
        receipt: `SP-${Date.now().toString(36)}-${serial++}`,
        date: new Date().toISOString(),
        storeCode: 'PARIS-01',
        cardNumber: card,
        lines: [{ operation: 'purchase', amount, quantity: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().saleId as string;
  };
  const setPrograms = (values: { sponsorship?: string | null; shared_mobiles?: number }) =>
    h.deps.db
      .updateTable('programs')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('merchant_id', '=', h.merchantId)
      .execute();

  it('pays the godchild at enrolment and the godfather on the first purchase, once; a cancel takes it back', async () => {
    const godfather = await enrol({ lastname: 'Parrain', firstname: 'Paul', mobile: mobile() });
    expect(godfather.statusCode, godfather.body).toBe(201);
    const godfatherCard = godfather.json().cards[0] as string;
    const child = await enrol({
      lastname: 'Filleul',
      firstname: 'Fanny',
      mobile: mobile(),
      godfather: godfather.json().id,
    });
    expect(child.statusCode, child.body).toBe(201);
    const childCard = child.json().cards[0] as string;
    expect(await points(childCard)).toBe(50);
    expect(await points(godfatherCard)).toBe(0);

    const first = await sell(childCard, 2000); // 20 € → 20 points to the child
    expect(await points(childCard)).toBe(70);
    expect(await points(godfatherCard)).toBe(100);
    await sell(childCard, 1000);
    expect(await points(godfatherCard)).toBe(100);

    const cancel = await h.request({ method: 'POST', url: `/v1/sales/${first}/cancel`, token });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await points(godfatherCard)).toBe(0);
    expect(await points(childCard)).toBe(60);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('concurrent first purchases of a godchild pay the godfather once', async () => {
    const godfather = await enrol({ lastname: 'Parrain', firstname: 'Pierre', mobile: mobile() });
    const godfatherCard = godfather.json().cards[0] as string;
    const child = await enrol({
      lastname: 'Filleul',
      firstname: 'Félix',
      mobile: mobile(),
      godfather: godfather.json().id,
    });
    const childCard = child.json().cards[0] as string;
    await Promise.all(Array.from({ length: 10 }, () => sell(childCard, 500)));
    expect(await points(godfatherCard)).toBe(100);
    expect((await ledgerCheck(h)).ok).toBe(true);
  });

  it('refuses a godfather while no program activates sponsorship (Avomark 60), on /v1 too', async () => {
    const godfather = await enrol({ lastname: 'Parrain', firstname: 'Jules', mobile: mobile() });
    await setPrograms({ sponsorship: null });
    try {
      const child = await enrol({
        lastname: 'Filleul',
        firstname: 'Zoé',
        mobile: mobile(),
        godfather: godfather.json().id,
      });
      expect(child.statusCode, child.body).toBe(422);
      expect(child.json()).toMatchObject({ code: 60 });
      const native = await h.request({
        method: 'POST',
        url: '/v1/customers',
        token,
        payload: { lastName: 'Filleul', godfatherId: 'cus_00000000000000000000000000' },
      });
      expect(native.statusCode, native.body).toBe(422);
      expect(native.json().error.code).toBe('SPONSORSHIP_NOT_ACTIVATED');
    } finally {
      await h.deps.db
        .updateTable('programs')
        .set({ sponsorship: JSON.stringify({ godfatherPoints: 100, godchildPoints: 50 }) })
        .where('merchant_id', '=', h.merchantId)
        .where('code', '=', 'VIP')
        .execute();
    }
  });

  it('refuses a mobile already used (303) unless the program allows shared numbers', async () => {
    const shared = mobile();
    expect((await enrol({ lastname: 'Premier', firstname: 'Paul', mobile: shared })).statusCode).toBe(201);
    const second = await enrol({ lastname: 'Second', firstname: 'Sam', mobile: shared });
    expect(second.json()).toMatchObject({ code: 303 });
    await setPrograms({ shared_mobiles: 1 });
    try {
      const allowed = await enrol({ lastname: 'Second', firstname: 'Sam', mobile: shared });
      expect(allowed.statusCode, allowed.body).toBe(201);
    } finally {
      await setPrograms({ shared_mobiles: 0 });
    }
  });
});
