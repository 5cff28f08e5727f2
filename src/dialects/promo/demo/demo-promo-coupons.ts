/**
 * The PROMO demo company's coupons and limit state: the records the manual's coupon query (§3.3), coupon
 * statements (§3.4) and limit status (§3.2) examples show. Customer 1's coupons are past their validity, so
 * the customer query's `coupons` stays `[]` as its own example has it.
 */
import { NO_DETAILS } from '../../../db/repos/customer-details.repo.js';
import * as coupons from '../../../db/repos/coupons.repo.js';
import { consumeLimit } from '../../../db/repos/limits.repo.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Deps } from '../../../app/context.js';
import { findCustomerProfile, saveCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { setObjectId } from '../../../app/elements/object-ids.js';
import { issueCouponRows, type IssueCoupons } from '../../../app/promotions/coupons.js';
import { attachLimit } from '../../../app/promotions/limits.js';
import { createPromotion } from '../../../app/promotions/promotion-records.js';

function must<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message?: string },
  what: string,
) {
  if (!result.ok) throw new Error(`demo PROMO ${what}: ${result.code} ${result.message ?? ''}`);
  return result.value;
}

async function customerId(deps: Deps, merchantId: string, code: string): Promise<string> {
  const found = await findCustomerProfile(deps, merchantId, { code });
  if (!found) throw new Error(`demo PROMO: no customer ${code}`);
  return found.record.id;
}

type CouponSeed = Omit<IssueCoupons, 'type' | 'quantity' | 'customerId'> & {
  type: string;
  customer: string | null;
  objectId?: string;
};

const COUPONS: CouponSeed[] = [
  // §3.3 example 1: issued at 19:16:31, its CREATE event recorded at 19:17:00, as the example shows.
  {
    objectId: '64a86490ab7b181240232917',
    type: '6',
    customer: '1',
    barcode: '1050030016471',
    validFrom: '2023-07-07T03:00:00Z',
    validTo: '2024-01-01T02:59:59Z',
    amount: 0,
    promotion: 'Promo Invierno',
    storeCode: '3',
    terminalCode: '1',
    transactionId: '2_3_1_20230707160000',
    now: '2023-07-07T19:16:31Z',
    createdEventAt: '2023-07-07T19:17:00Z',
  },
  // §3.3 example 2: the first coupon event of March–July 2023 (the manual shows 1 of its 5).
  {
    type: '6',
    customer: null,
    barcode: '1030BC0030007',
    validFrom: '2023-03-17T19:29:09Z',
    validTo: '2023-06-30T02:59:59Z',
    storeCode: 'BC',
    terminalCode: '3',
    transactionId: 'BC_202303171629177',
    now: '2023-03-17T19:29:09Z',
  },
  // §3.4: customer 1's coupon issued on 30/08/2022 11:08 (local), without amount.
  {
    type: 'cimp',
    customer: '1',
    barcode: '116pse0018828',
    validFrom: '2022-08-30T14:08:00Z',
    validTo: '2022-12-31T02:59:59Z',
    storeCode: 'napse',
    terminalCode: '1',
    transactionId: 'napse_napse_1_20220830120000',
    now: '2022-08-30T14:08:00Z',
  },
];

async function loadCoupons(deps: Deps, merchantId: string): Promise<void> {
  for (const [code, name] of [
    ['6', 'Cupón 6'],
    ['cimp', 'Cupón impreso'],
  ] as const)
    await coupons.insertCouponType(deps.db, {
      id: `cpt_demo_promo_${code}`,
      merchant_id: merchantId,
      code,
      name,
      format: 'PRINTED',
      validity_days: null,
      max_uses: 1,
      created_at: '2022-01-01T00:00:00Z',
    });
  for (const c of COUPONS) {
    const type = await coupons.findCouponType(deps.db, merchantId, c.type);
    if (!type) throw new Error(`demo PROMO: coupon type ${c.type}`);
    const holder = c.customer === null ? null : await customerId(deps, merchantId, c.customer);
    const rows = await inTransaction(deps.db, (tx) =>
      issueCouponRows(tx, merchantId, { ...c, type, quantity: 1, customerId: holder }),
    );
    if (!rows) throw new Error(`demo PROMO: coupon ${c.barcode ?? ''}`);
    if (c.objectId) await setObjectId(deps, merchantId, 'coupon', rows[0]!.id, c.objectId);
  }
}

/** §3.2: customer 85001 used 1 of the 5 applications of "limite cliente" on 27/02/2021. */
async function loadLimitState(deps: Deps, merchantId: string): Promise<void> {
  const saved = await saveCustomerProfile(
    { ...deps, now: () => new Date('2021-02-01T12:00:00Z') },
    merchantId,
    'insert',
    {
      code: '85001',
      name: 'Cliente',
      lastName: 'Limite',
      identificationType: null,
      identifier: '85001',
      customerType: null,
      address: null,
      active: true,
      attributes: {},
      details: { ...NO_DETAILS },
    },
    null,
  );
  if (!saved.ok) throw new Error(`demo PROMO customer 85001: ${saved.reason}`);
  const set = '603a31a51082e83690816f98';
  must(
    await createPromotion(
      deps,
      merchantId,
      {
        nro: '603a319c1082e83690816f95',
        name: 'limite cliente',
        code: '3',
        sets: { set: { name: set, type: 'item' } },
        condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: set } },
        benefits: {
          benefit: {
            instance: 'PercentageDiscount',
            nro: '603a31b81082e83690816f9c',
            parameter: [
              { key: 'hasLimit', value: 'true' },
              { key: 'percent', value: '10' },
            ],
            'applied-elements': { 'use-set': { name: set } },
          },
        },
      },
      { keepNros: true },
    ),
    'promotion limite cliente',
  );
  const limit = must(
    await attachLimit({ ...deps, now: () => new Date('2021-02-27T12:00:00Z') }, merchantId, {
      promotion: '603a319c1082e83690816f95',
      scope: 'customer',
      period: 'undefined',
      type: 'count',
      max: 5,
    }),
    'limit limite cliente',
  );
  await setObjectId(deps, merchantId, 'limit', limit.id, '603a31b61082e83690816f9b');
  const subject = await customerId(deps, merchantId, '85001');
  await inTransaction(deps.db, (tx) =>
    consumeLimit(tx, {
      limitId: limit.id,
      subject,
      n: 1,
      max: 5,
      nextReset: null,
      now: '2021-02-27T13:05:00Z',
    }),
  );
  await setObjectId(deps, merchantId, 'limit-state', `${limit.id}|${subject}`, '603a437c1082e83690817050');
}

export async function loadDemoPromoCoupons(deps: Deps, merchantId: string): Promise<void> {
  await loadCoupons(deps, merchantId);
  await loadLimitState(deps, merchantId);
}
