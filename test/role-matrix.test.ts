/**
 * The whole role × route matrix, from one table: every role against every authenticated route of /v1,
 * Avomark and CashDesk. A role outside a route's list gets 403 before anything else happens; a role in it
 * never gets 403 from the route's gate (the sample requests are refused later, for their content, if at all).
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/app/context.js';
import { CASHDESK_USERS } from '../src/dialects/cashdesk/demo/demo-cashdesk.js';
import {
  ANY_ROLE,
  BACK_OFFICE_ROLES,
  ERASURE_ROLES,
  MANAGER_ROLES,
  MARKETING_ROLES,
  OFFICE_ROLES,
  ROLES,
  SELLING_ROLES,
  SERVICE_ROLES,
  STAFF_ROLES,
  SUPERVISOR_ROLES,
} from '../src/core/roles.js';
import { denyByDefault, requireRole } from '../src/http/plugins/auth.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const ADMIN: readonly Role[] = ['administrator'];
type Row = readonly [method: string, url: string, roles: readonly Role[]];

const V1: Row[] = [
  ['GET', '/v1/me', ANY_ROLE],
  ['GET', '/v1/customers', STAFF_ROLES],
  ['GET', '/v1/customers?q=dupont', STAFF_ROLES],
  ['POST', '/v1/customers', STAFF_ROLES],
  ['GET', '/v1/customers/cus_x', STAFF_ROLES],
  ['PATCH', '/v1/customers/cus_x', STAFF_ROLES],
  ['DELETE', '/v1/customers/cus_x', ERASURE_ROLES],
  ['GET', '/v1/customers/cus_x/balance', STAFF_ROLES],
  ['POST', '/v1/cards/batch', BACK_OFFICE_ROLES],
  ['POST', '/v1/cards/next-available', STAFF_ROLES],
  ['GET', '/v1/cards/1234', STAFF_ROLES],
  ['POST', '/v1/cards/1234/issue', STAFF_ROLES],
  ['POST', '/v1/cards/1234/bind', STAFF_ROLES],
  ['POST', '/v1/cards/1234/activate', STAFF_ROLES],
  ['POST', '/v1/cards/1234/block', STAFF_ROLES],
  ['POST', '/v1/cards/1234/unblock', STAFF_ROLES],
  ['POST', '/v1/cards/1234/replace', STAFF_ROLES],
  ['POST', '/v1/cards/1234/expiry', OFFICE_ROLES],
  ['GET', '/v1/cards/1234/balance', STAFF_ROLES],
  ['GET', '/v1/cards/1234/statement', STAFF_ROLES],
  ['GET', '/v1/cards/1234/lots', STAFF_ROLES],
  ['POST', '/v1/cards/1234/steps/0/reward', STAFF_ROLES],
  ['POST', '/v1/programs', MANAGER_ROLES],
  ['GET', '/v1/programs', ANY_ROLE],
  ['POST', '/v1/element-types', MANAGER_ROLES],
  ['GET', '/v1/element-types', STAFF_ROLES],
  ['GET', '/v1/elements/1234', STAFF_ROLES],
  ['GET', '/v1/programs/prg_x', ANY_ROLE],
  ['PATCH', '/v1/programs/prg_x', MANAGER_ROLES],
  ['GET', '/v1/principals', ADMIN],
  ['PATCH', '/v1/principals/usr_x', ADMIN],
  ['POST', '/v1/principals/cli_x/secret', ADMIN],
  ['GET', '/v1/integration-log', ADMIN],
  ['GET', '/v1/reports/summary', BACK_OFFICE_ROLES],
  ['GET', '/v1/reports/daily', BACK_OFFICE_ROLES],
  ['GET', '/v1/reports/tiers', BACK_OFFICE_ROLES],
  ['POST', '/v1/sales', SELLING_ROLES],
  ['GET', '/v1/sales', STAFF_ROLES],
  ['GET', '/v1/sales/sal_x', STAFF_ROLES],
  ['POST', '/v1/sales/sal_x/returns', SELLING_ROLES],
  ['POST', '/v1/sales/sal_x/cancel', SELLING_ROLES],
  ['GET', '/v1/balances', STAFF_ROLES],
  ['POST', '/v1/adjustments', SUPERVISOR_ROLES],
  ['POST', '/v1/vouchers', MARKETING_ROLES],
  ['GET', '/v1/vouchers', STAFF_ROLES],
  ['GET', '/v1/vouchers/V123', STAFF_ROLES],
  ['POST', '/v1/vouchers/V123/cancel', MARKETING_ROLES],
  ['POST', '/v1/gifts', MARKETING_ROLES],
  ['GET', '/v1/gifts', STAFF_ROLES],
  ['POST', '/v1/gifts/gft_x/award', STAFF_ROLES],
  ['POST', '/v1/gift-awards/gaw_x/restore', SERVICE_ROLES],
  ['GET', '/v1/reference/countries', ANY_ROLE],
  ['GET', '/v1/reference/countries/FR/cities', ANY_ROLE],
  ['GET', '/v1/reference/civilities', ANY_ROLE],
  ['GET', '/v1/vehicles/members', BACK_OFFICE_ROLES],
  ['POST', '/v1/vehicles/members', MANAGER_ROLES],
  ['GET', '/v1/vehicles/catalog', BACK_OFFICE_ROLES],
  ['PUT', '/v1/vehicles/catalog/4', MANAGER_ROLES],
  ['POST', '/v1/vehicles/campaigns', BACK_OFFICE_ROLES],
  ['GET', '/v1/vehicles/campaigns/468/courrier', BACK_OFFICE_ROLES],
  ['GET', '/v1/templates', MARKETING_ROLES],
  ['PUT', '/v1/templates/welcome/email/fr', MARKETING_ROLES],
  ['GET', '/v1/templates/welcome/email/fr', MARKETING_ROLES],
  ['DELETE', '/v1/templates/welcome/email/fr', MARKETING_ROLES],
  ['POST', '/v1/templates/welcome/email/fr/preview', MARKETING_ROLES],
  ['GET', '/v1/messaging-settings', MARKETING_ROLES],
  ['PUT', '/v1/messaging-settings', ADMIN],
  ['POST', '/v1/campaigns', MARKETING_ROLES],
  ['GET', '/v1/campaigns', MARKETING_ROLES],
  ['GET', '/v1/campaigns/cmp_x', MARKETING_ROLES],
  ['POST', '/v1/campaigns/cmp_x/dry-run', MARKETING_ROLES],
  ['POST', '/v1/campaigns/cmp_x/launch', MARKETING_ROLES],
  ['POST', '/v1/campaigns/cmp_x/cancel', MARKETING_ROLES],
  ['GET', '/v1/automations', MARKETING_ROLES],
  ['PUT', '/v1/automations/welcome', MARKETING_ROLES],
  ['DELETE', '/v1/automations/welcome', MARKETING_ROLES],
  ['POST', '/v1/workflows', MARKETING_ROLES],
  ['GET', '/v1/workflows', STAFF_ROLES],
  ['GET', '/v1/workflows/GEN', STAFF_ROLES],
  ['PATCH', '/v1/workflows/GEN', MARKETING_ROLES],
  ['GET', '/v1/users/usr_x/workflows', ADMIN],
  ['PUT', '/v1/users/usr_x/workflows', ADMIN],
  ['GET', '/v1/header-attributes', STAFF_ROLES],
  ['PUT', '/v1/header-attributes/store', MARKETING_ROLES],
];

const AVOMARK: Row[] = [
  ['GET', '/avomark/api/v1/customers', STAFF_ROLES],
  ['GET', '/avomark/api/v1/customers/?search=dupont', STAFF_ROLES],
  ['POST', '/avomark/api/v1/customers', STAFF_ROLES],
  ['GET', '/avomark/api/v1/customers/1', STAFF_ROLES],
  ['PUT', '/avomark/api/v1/customers/1', STAFF_ROLES],
  ['GET', '/avomark/api/v1/cards/1234/balance', STAFF_ROLES],
  ['POST', '/avomark/api/v1/cards/1234/balances/1/steps/0', SELLING_ROLES],
  ['POST', '/avomark/api/v1/cards/1234/balances/1/0', SELLING_ROLES],
  ['POST', '/avomark/api/v1/cards/1234/sales', SELLING_ROLES],
  ['GET', '/avomark/api/v1/address/countries', ANY_ROLE],
  ['GET', '/avomark/api/v1/address/countries/FR/cities', ANY_ROLE],
  ['GET', '/avomark/api/v1/tools/civilities', ANY_ROLE],
];

const CASHDESK: Row[] = [
  ['GET', '/cashdesk/api/card/balance/by/1234', STAFF_ROLES],
  ['GET', '/cashdesk/api/card/balance/by/phone/0600000000', STAFF_ROLES],
  ['GET', '/cashdesk/api/card/issue?Number=1234', STAFF_ROLES],
  ['GET', '/cashdesk/api/card/Issue?Number=1234', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/bindto?Number=1234', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/BindTo?Number=1234', STAFF_ROLES],
  ['GET', '/cashdesk/api/card/active?Number=1234', STAFF_ROLES],
  ['GET', '/cashdesk/api/card/Active?Number=1234', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/block?Number=1234&BlockReasonCode=0', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/Block?Number=1234&BlockReasonCode=0', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/unblock?Number=1234&UnBlockReasonCode=0', STAFF_ROLES],
  ['POST', '/cashdesk/api/card/UnBlock?Number=1234&UnBlockReasonCode=0', STAFF_ROLES],
];

const userOf = (role: Role) => CASHDESK_USERS.find((u) => u.role === role)!;

describe.each(databases())('role × route matrix on $kind', (target) => {
  let h: Harness;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    h = await createHarness(target);
    for (const role of ROLES) {
      const { login, password } = userOf(role);
      const res = await h.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: { grant_type: 'password', username: login, password },
      });
      tokens.set(role, res.json().access_token);
    }
  });
  afterAll(() => h.close());

  const send = (row: Row, role: Role, dialect: 'bearer' | 'basic') => {
    const [method, url] = row;
    const { login, password } = userOf(role);
    const authorization =
      dialect === 'bearer'
        ? `Bearer ${tokens.get(role)}`
        : `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
    const hasBody = method !== 'GET' && method !== 'DELETE';
    return h.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      ...(hasBody ? { payload: '{}' } : {}),
    });
  };

  for (const [name, rows, scheme] of [
    ['/v1', V1, 'bearer'],
    ['avomark', AVOMARK, 'bearer'],
    ['cashdesk', CASHDESK, 'basic'],
  ] as const) {
    it(`${name}: every role gets exactly the routes of its list`, async () => {
      const wrong: string[] = [];
      for (const row of rows) {
        for (const role of ROLES) {
          const res = await send(row, role, scheme);
          const allowed = row[2].includes(role);
          if (res.statusCode >= 500) wrong.push(`${role} ${row[0]} ${row[1]}: ${res.statusCode}`);
          else if (allowed === (res.statusCode === 403)) {
            wrong.push(`${role} ${row[0]} ${row[1]}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('refuses the client role every list, search, voucher and card change', async () => {
    const client = tokens.get('client')!;
    for (const url of ['/v1/customers', '/v1/customers?q=dup', '/v1/vouchers', '/avomark/api/v1/customers']) {
      const res = await h.request({ method: 'GET', url, token: client });
      expect(res.statusCode, url).toBe(403);
    }
  });
});

describe('deny by default', () => {
  it('refuses to start with an authenticated route that declares no role list', async () => {
    const app = Fastify({ logger: false });
    const start = async () => {
      await app.register(async (scope) => {
        denyByDefault(scope);
        scope.get('/listed', { preHandler: requireRole(...STAFF_ROLES) }, async () => 'ok');
        scope.get('/forgotten', async () => 'open');
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/GET \/forgotten declares no role list/);
  });
});
