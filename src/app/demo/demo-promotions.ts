/**
 * The demo merchant's promotion map: one promotion per kind of benefit the engine computes, active, at the
 * Clermont-Ferrand store (CLF-01) only and on DEMO- items only, so that the other demo stores and items
 * sell as before. The README walks through it (evaluate a basket, then post it as a sale):
 * - DEMO-SHOES30: 30 % off DEMO-SHOE;
 * - DEMO-SOCKS3X2: three DEMO-SOCK for the price of two;
 * - DEMO-BAG-COUPON: a DEMO-BAG issues a DEMO-CAP10 coupon, redeemed on a DEMO-CAP by DEMO-CAP10 (10 % off);
 * - DEMO-VIP-X2: twice the points (2 per euro paid) on DEMO- items for the DEMO-VIP segment (Pierre Martin,
 *   card 13732365477);
 * - DEMO-SCARF-ONCE: 5 € off a DEMO-SCARF, once per customer (a limit).
 */
import { findCustomer } from '../../db/repos/customers.repo.js';
import type { Deps } from '../context.js';
import { createCouponType } from '../promotions/coupons.js';
import { attachLimit } from '../promotions/limits.js';
import { activateMap, createMap } from '../promotions/promotion-maps.js';
import { createPromotion } from '../promotions/promotion-records.js';
import { changeMembers } from '../promotions/segments.js';

export const DEMO_PROMOTIONS = {
  store: 'CLF-01',
  couponType: 'DEMO-CAP10',
  segment: 'DEMO-VIP',
} as const;

const param = (key: string, value: string) => ({ key, value });
const skus = (name: string, ...codes: string[]) => ({
  name,
  type: 'item',
  attribute: 'code',
  comparator: 'Into',
  value: codes.join(','),
});
const exists = (set: string) => ({ type: 'basic', name: 'Exists', parameter: param('use-set', set) });
const onSet = (
  set: string,
  instance: string,
  message: string,
  ...parameters: { key: string; value: string }[]
) => ({
  instance,
  parameter: [param('displayMessage', message), ...parameters],
  'applied-elements': { 'use-set': { name: set } },
});
const simple = (code: string, name: string, sku: string, benefit: object, extra: object = {}) => ({
  code,
  name,
  sets: { set: skus('s', sku) },
  condition: exists('s'),
  benefits: { benefit },
  ...extra,
});

const PROMOTIONS = [
  simple(
    'DEMO-SHOES30',
    '30 % off shoes',
    'DEMO-SHOE',
    onSet('s', 'PercentageDiscount', '30 % off shoes', param('percent', '30')),
  ),
  simple(
    'DEMO-SOCKS3X2',
    '3 pairs of socks for the price of 2',
    'DEMO-SOCK',
    {
      instance: 'PercentageDiscount',
      parameter: [param('displayMessage', '3 for 2 on socks'), param('percent', '100')],
      'applied-elements': { 'use-set': { name: 's', max: '1' } },
    },
    { combo: { 'combo-component': { min: '3', max: '3', 'use-set': 's' } } },
  ),
  simple('DEMO-BAG-COUPON', 'A bag gives a cap coupon', 'DEMO-BAG', {
    instance: 'CouponBenefit',
    parameter: [
      param('displayMessage', '10 % off a cap on your next visit'),
      param('couponid', 'DEMO-CAP10'),
    ],
    'applied-elements': { 'use-set': { name: 's' } },
  }),
  {
    code: 'DEMO-CAP-REDEEM',
    name: '10 % off a cap with a DEMO-CAP10 coupon',
    sets: { set: skus('cap', 'DEMO-CAP') },
    condition: {
      type: 'composite',
      name: 'And',
      condition: [
        exists('cap'),
        { type: 'basic', name: 'Coupon', parameter: param('couponType', 'DEMO-CAP10') },
      ],
    },
    benefits: { benefit: onSet('cap', 'PercentageDiscount', '10 % off the cap', param('percent', '10')) },
  },
  simple(
    'DEMO-SCARF-ONCE',
    '5 € off a scarf, once per customer',
    'DEMO-SCARF',
    onSet(
      's',
      'FixedDiscount',
      '5 € off the scarf',
      param('amount', '5'),
      param('applicationMethod', 'resume'),
    ),
  ),
  {
    code: 'DEMO-VIP-X2',
    name: 'Double points for VIP customers',
    segments: ['DEMO-VIP'],
    sets: { set: skus('demo', 'DEMO-SHOE', 'DEMO-SOCK', 'DEMO-BAG', 'DEMO-CAP', 'DEMO-SCARF') },
    condition: exists('demo'),
    benefits: { benefit: onSet('demo', 'FactorLoyaltyBenefit', 'Double points', param('factor', '2')) },
  },
];

function must<T>(what: string, r: { ok: true; value: T } | { ok: false; code: string; message?: string }): T {
  if (!r.ok) throw new Error(`demo promotions, ${what}: ${r.code} ${r.message ?? ''}`);
  return r.value;
}

export async function loadDemoPromotions(deps: Deps, merchantId: string): Promise<void> {
  must(
    'coupon type',
    await createCouponType(deps, merchantId, {
      code: DEMO_PROMOTIONS.couponType,
      name: '10 % off a cap',
      format: 'PRINTED',
      validityDays: 90,
      maxUses: 1,
    }),
  );
  const pierre = await findCustomer(deps.db, merchantId, { customerCode: 'FID-0001' });
  if (!pierre) throw new Error('demo promotions: customer FID-0001 is missing');
  must(
    'segment',
    await changeMembers(deps, merchantId, DEMO_PROMOTIONS.segment, {
      operation: 'add',
      customers: [pierre.id],
      name: 'Demo VIP customers',
    }),
  );
  const nros: string[] = [];
  for (const body of PROMOTIONS)
    nros.push(must(body.code, await createPromotion(deps, merchantId, body)).nro);
  must(
    'limit',
    await attachLimit(deps, merchantId, {
      promotion: nros[PROMOTIONS.findIndex((p) => p.code === 'DEMO-SCARF-ONCE')]!,
      scope: 'customer',
      period: 'undefined',
      type: 'count',
      max: 1,
    }),
  );
  const map = must(
    'map',
    await createMap(deps, merchantId, {
      name: 'Demo promotions (Clermont-Ferrand)',
      promotions: nros,
      startDate: '2025-01-01T00:00:00Z',
      stores: [DEMO_PROMOTIONS.store],
    }),
  );
  must('activation', await activateMap(deps, merchantId, map.version));
}
