/** Programs and cards for the ledger tests, inserted directly (the program and card routes belong elsewhere). */
import type { CardStatus } from '../../src/core/cards/card-state.js';
import type { Program } from '../../src/core/loyalty/program.js';
import type { LegacyCategoryRule } from '../../src/core/rules/legacy-category.js';
import { newId } from '../../src/app/ids.js';
import { programColumns } from '../../src/db/repos/programs.repo.js';
import type { Harness } from './harness.js';

/** Rules may be given in the form programs were stored in before attribute rules (they are stored as given). */
export type ProgramOverrides = Partial<Omit<Program, 'id' | 'rules'>> & {
  rules?: (Program['rules'][number] | LegacyCategoryRule)[];
};

/** 1 point per euro on the total (floor), 10 points per euro of category 3, no pending, no expiry. */
export const BASE_PROGRAM: Omit<Program, 'id'> = {
  code: 'VIP',
  name: 'Carte VIP',
  active: true,
  cardType: 'bonus',
  cardCategory: 'plastic',
  numberFormat: { prefix: '99', length: 13, checkDigit: 'ean13' },
  pointsLabel: 'points',
  currency: 'EUR',
  pendingDays: 0,
  expiry: { kind: 'none' },
  rules: [
    {
      id: 'total',
      kind: 'total_amount',
      rate: { points: 1, per: 100 },
      rounding: 'floor',
      minimumAmount: 0,
      excludeDiscounted: false,
    },
  ],
  tiers: { type: 'points', steps: [] },
  voucherTemplates: [],
  requiredFields: [],
  discountBasisPoints: 0,
  negativeBalance: 'allow',
  cancelWindowHours: 24,
  requireKnownItems: false,
  walletEnabled: false,
  oneCardPerCustomer: false,
  sponsorship: null,
  sharedMobiles: false,
};

let seq = 0;

export async function createProgram(h: Harness, overrides: ProgramOverrides = {}): Promise<string> {
  const id = newId('prg');
  const now = h.deps.now().toISOString();
  seq += 1;
  const program = { ...BASE_PROGRAM, code: `P${seq}-${id.slice(-6)}`, ...overrides };
  await h.deps.db
    .insertInto('programs')
    .values({
      id,
      merchant_id: h.merchantId,
      // Stored as given: a legacy rule is written in its old form, as an older version stored it.
      ...programColumns(program as Program),
      next_serial: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** An active card of the program, bound to a new customer (or none); returns its number and ids. */
export async function createCard(
  h: Harness,
  programId: string,
  options: { withCustomer?: boolean; status?: CardStatus; lastName?: string } = {},
): Promise<{ number: string; cardId: string; customerId: string | null }> {
  const now = h.deps.now().toISOString();
  let customerId: string | null = null;
  if (options.withCustomer !== false) {
    const token = await freshToken(h);
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token,
      payload: { lastName: options.lastName ?? 'Ledger' },
    });
    if (res.statusCode !== 201) throw new Error(`customer: ${res.statusCode} ${res.body}`);
    customerId = (res.json() as { id: string }).id;
  }
  seq += 1;
  const number = `77${Date.now().toString().slice(-8)}${String(seq).padStart(3, '0')}`;
  const cardId = newId('card');
  await h.deps.db
    .insertInto('cards')
    .values({
      id: cardId,
      merchant_id: h.merchantId,
      number,
      customer_id: customerId,
      status: options.status ?? 'active',
      program_id: programId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { number, cardId, customerId };
}

/** A purchase line of `amount` minor units. */
export const purchase = (amount: number, extra: Record<string, unknown> = {}) => ({
  operation: 'purchase',
  amount,
  quantity: 1,
  discountPercent: 0,
  ...extra,
});

let receipts = 0;
export const receipt = (prefix = 'R') => `${prefix}-${Date.now().toString(36)}-${++receipts}`;

/** Posts a sale at the Paris store. */
export function sale(h: Harness, token: string, body: Record<string, unknown>) {
  return h.request({
    method: 'POST',
    url: '/v1/sales',
    token,
    payload: { receipt: receipt(), date: h.deps.now().toISOString(), storeCode: 'PARIS-01', ...body },
  });
}

export async function balanceOf(h: Harness, token: string, number: string) {
  const res = await h.request({ method: 'GET', url: `/v1/cards/${number}/balance`, token });
  if (res.statusCode !== 200) throw new Error(`balance: ${res.statusCode} ${res.body}`);
  return res.json() as {
    active: number;
    pending: number;
    expired: number;
    frozen: number;
    nearestExpiry: { amount: number; date: string } | null;
    discountMinor: number;
    purchases: {
      period: { from: string; to: string; count: number; amount: number };
      cumulative: { count: number; amount: number };
      firstDate: string | null;
      lastDate: string | null;
    };
    tier: { current: number | null; next: number | null; availables: number[]; value: number } | null;
  };
}

/** Gives the card `points` through an administrator's adjustment. */
export async function credit(h: Harness, number: string, points: number) {
  const res = await h.request({
    method: 'POST',
    url: '/v1/adjustments',
    token: await freshToken(h, 'admin'),
    payload: { cardNumber: number, points, reason: 'test setup' },
  });
  if (res.statusCode !== 201) throw new Error(`credit: ${res.statusCode} ${res.body}`);
}

/** Runs the ledger checks of `tessera check` and returns the report. */
export async function ledgerCheck(h: Harness) {
  const { runChecks } = await import('../../src/app/ops/check.js');
  const { ledgerChecks } = await import('../../src/app/ops/check-ledger.js');
  return runChecks(h.deps, ledgerChecks);
}

/** A new token (the harness caches its own, which expire when a test moves the clock). */
export async function freshToken(h: Harness, who: 'client' | 'admin' = 'client'): Promise<string> {
  const { DEMO } = await import('../../src/app/demo/load-demo.js');
  const payload =
    who === 'client'
      ? { grant_type: 'client_credentials', client_id: DEMO.client.id, client_secret: DEMO.client.secret }
      : { grant_type: 'password', username: DEMO.admin.login, password: DEMO.admin.password };
  const res = await h.app.inject({ method: 'POST', url: '/oauth/token', payload });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}
