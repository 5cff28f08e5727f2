/**
 * What a fuzzed request needs from the running demo: valid credentials for each family, hostile ones, and
 * a pool of real ids per parameter name (so that some garbage reaches past the lookups).
 */
import fc from 'fast-check';
import { DEMO_AVOMARK } from '../../../src/dialects/avomark/demo/demo-avomark.js';
import { DEMO_FIDELISA } from '../../../src/dialects/fidelisa/demo/demo-fidelisa.js';
import { DEMO_CARDS } from '../../../src/app/demo/demo-loyalty.js';
import { basic } from '../../../src/dialects/cashdesk/test/cashdesk-support.js';
import { rubySignRequest } from '../../../src/dialects/fidelisa/test/fidelisa-support.js';
import { VEHICLES_DEMO } from '../../../src/dialects/mmp/demo/demo-vehicles.js';
import { mmpToken } from '../../../src/dialects/mmp/test/mmp-support.js';
import { promoToken } from '../../../src/dialects/promo/test/promo-support.js';
import type { Harness } from '../../support/harness.js';
import type { Family, Operation } from './openapi.js';

export interface FuzzContext {
  /** Headers of a valid credential for the operation's family. */
  auth(op: Operation): Record<string, string>;
  /** Real values for a parameter or field name (lower-cased), when the demo has some. */
  valid(name: string, family: Family): string[];
  /** A token of the native client, to corrupt. */
  bearer: string;
}

let jetonSerial = Math.floor(Math.random() * 1e6) * 10;

function fidelisaHeaders(withShop: boolean): Record<string, string> {
  jetonSerial += 1;
  const jeton = `fz${jetonSerial}`;
  const { provider, shop } = DEMO_FIDELISA;
  return {
    FIDELISA_JETON: jeton,
    FIDELISA_PROVIDER: provider.code,
    FIDELISA_PROVIDER_KEY: rubySignRequest(provider.code + jeton, provider.key),
    ...(withShop
      ? { FIDELISA_APIUSER: shop.uuid, FIDELISA_APIUSER_KEY: rubySignRequest(shop.uuid + jeton, shop.key) }
      : {}),
  };
}

const ADMIN_ROUTES =
  /^\/v1\/(integration-log|principals|promotions|promotion-maps|baskets|coupons|coupon-types|segments|limits|messages|webhooks|imports|reports|element-types|elements)\b/;

const PROVIDER_ONLY = /^\/fidelisa\/api\/shops(\/init|\/\{id\})?$/;

async function json(h: Harness, url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await h.request({ method: 'GET', url, headers });
  return res.statusCode === 200 ? res.json() : null;
}

/** Values of `key` anywhere in a JSON document. */
function collect(value: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, key, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && (typeof v === 'string' || typeof v === 'number')) out.push(String(v));
      else collect(v, key, out);
    }
  }
  return out.slice(0, 4);
}

export async function createContext(h: Harness): Promise<FuzzContext> {
  const client = await h.clientToken();
  const admin = await h.adminToken();
  const tokenRes = await h.request({
    method: 'POST',
    url: '/avomark/api/token',
    payload: {
      username: DEMO_AVOMARK.user.login,
      password: DEMO_AVOMARK.user.password,
      terminal: DEMO_AVOMARK.terminal,
    },
  });
  const avomark = (tokenRes.json() as { access_token: string }).access_token;
  const promo = { authorization: `Bearer ${await promoToken(h)}` };
  const mmp = { authorization: `Bearer ${await mmpToken(h, VEHICLES_DEMO.networkUser)}` };
  const native = { authorization: `Bearer ${client}` };
  const adminH = { authorization: `Bearer ${admin}` };
  const avo = { authorization: `Bearer ${avomark}` };

  const customers = collect(await json(h, '/v1/customers?limit=5', native), 'id');
  const cards = [DEMO_CARDS.withPoints, DEMO_CARDS.catherineVip, DEMO_CARDS.catherinePriv, DEMO_CARDS.newVip];
  const common: Record<string, string[]> = {
    id: customers,
    customerid: customers,
    number: cards,
    cardnumber: cards,
    programid: collect(await json(h, '/v1/programs', native), 'id'),
    saleid: collect(await json(h, '/v1/sales?limit=3', native), 'id'),
    index: ['1', '2', '3'],
    balance: ['0', '1'],
    country: ['FR', 'FRANCE'],
    zipcode: ['63000', '33700'],
    q: ['soupe', 'mar'],
    search: ['soupe', 'sou'],
    mobile: ['+33673000001'],
    phone: ['+33673000001', '0673000001'],
    mobilenumber: ['+33673000001', '33673000001'],
    contactmobilenumber: ['+33673000001'],
    customercode: ['634509'],
    limit: ['1', '2'],
    page: ['0', '1'],
    pagesize: ['10'],
    from: ['2026-01-01'],
    to: ['2026-12-31'],
    date: ['2026-11-22T15:55:28Z', '2026-11-22'],
    receipt: ['POS0341531C01'],
    storecode: ['PARIS-01'],
    terminalcode: ['1'],
    blockreasoncode: ['0', '1'],
    unblockreasoncode: ['0'],
    status: ['active', 'used'],
    kind: ['error', 'full'],
  };
  const perFamily: Partial<Record<Family, Record<string, string[]>>> = {
    native: {
      id: [
        ...customers,
        ...common.programid!,
        ...common.saleid!,
        ...collect(await json(h, '/v1/gifts', native), 'id'),
        ...collect(await json(h, '/v1/principals', adminH), 'id'),
      ],
      number: [...cards, '22334455', '66778899', '11223344'],
    },
    avomark: {
      id: collect(await json(h, '/avomark/api/v1/customers?search=soupe', avo), 'id'),
      number: [...cards, DEMO_AVOMARK.stepCard, DEMO_AVOMARK.newCard],
      terminal: ['1'],
      username: ['nobody'],
    },
    fidelisa: {
      id: [DEMO_FIDELISA.pierre, DEMO_FIDELISA.catherine, DEMO_FIDELISA.shop.uuid],
      customer_id: [DEMO_FIDELISA.pierre, DEMO_FIDELISA.catherine],
      gift_id: [DEMO_FIDELISA.gift.uuid],
      uuid: [DEMO_FIDELISA.gift.uuid, DEMO_FIDELISA.pierre],
      user_email: [DEMO_FIDELISA.shop.email],
      total: ['12.50', '100'],
      date: ['2026-11-22'],
    },
  };
  return {
    bearer: client,
    auth(op) {
      switch (op.family) {
        case 'avomark':
          return op.secured ? avo : {};
        case 'fidelisa':
          return fidelisaHeaders(!PROVIDER_ONLY.test(op.path));
        case 'cashdesk':
          return { authorization: basic('aladdin', 'opensesame') };
        case 'promo':
          return op.secured ? promo : {};
        case 'mmp':
          return op.secured ? mmp : {};
        case 'native':
          // The back-office routes refuse a till's client token (403 before any validation): an
          // administrator's token lets the fuzzed input reach them.
          return !op.secured ? {} : ADMIN_ROUTES.test(op.path) ? adminH : native;
        default:
          return {};
      }
    },
    valid: (name, family) => perFamily[family]?.[name] ?? common[name] ?? [],
  };
}

/** Credentials that must be refused: absent, of the wrong scheme, corrupted, forged or unknown. */
export function badAuth(ctx: FuzzContext, family: Family): fc.Arbitrary<Record<string, string>> {
  const junk = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
  const bearer = fc.oneof(
    fc.constant({}),
    fc.constantFrom('Bearer', 'Bearer ', 'bearer null', 'Basic Og==', 'Digest x', 'Bearer \t', 'Token abc'),
    junk.map((s) => `Bearer ${s}`),
    fc.nat(Math.max(0, ctx.bearer.length - 3)).map((i) => {
      const c = ctx.bearer[i] === 'A' ? 'B' : 'A';
      return `Bearer ${ctx.bearer.slice(0, i)}${c}${ctx.bearer.slice(i + 1)}`;
    }),
    fc.constant(`Bearer ${ctx.bearer}${'x'.repeat(9000)}`),
    fc.constant('Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'),
  );
  if (family === 'cashdesk') {
    const creds = fc.tuple(junk, junk).map(([l, p]) => basic(`fz-${l}`, p));
    return fc
      .oneof(
        creds,
        bearer,
        fc.constantFrom(
          'Basic',
          'Basic !!!!',
          'Basic Og==',
          `Basic ${Buffer.from('nocolon').toString('base64')}`,
        ),
        fc.constant(basic('fz-nobody', 'opensesame')),
      )
      .map((a) => (typeof a === 'string' ? { authorization: a } : a));
  }
  if (family === 'fidelisa') {
    return fc.oneof(
      fc.constant({}),
      fc.record({ i: fc.nat(2), junk }).map(({ i, junk: j }) => {
        const h = fidelisaHeaders(true);
        const key = Object.keys(h)[i]!;
        return { ...h, [key]: j };
      }),
      fc.nat(2).map((i) => {
        const h = fidelisaHeaders(true);
        const key = Object.keys(h)[i]!;
        return Object.fromEntries(Object.entries(h).filter(([k]) => k !== key));
      }),
      fc.constant({ ...fidelisaHeaders(true), FIDELISA_JETON: 'not a jeton' }),
    );
  }
  return bearer.map((a) => (typeof a === 'string' ? { authorization: a } : a));
}
