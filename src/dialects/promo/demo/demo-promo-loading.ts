/**
 * The records the PROMO data-loading and administration examples of the manual name (spec §5–§6), in the
 * demo company napse: the element and agreement of CatalogCardAssign (1111000000030, convenio1; the
 * documented sequence's type verano, element 1234000000000, agreement c1), the promotions that the
 * exclusion-date, cancel and limits examples name, the segment ts02c with its members, and the coupon type
 * mytype with coupon ABC344.
 */
import { parsePromotion } from '../../../core/promotions/parse-promotion.js';
import { findMerchantBySlug } from '../../../db/repos/tenancy.repo.js';
import { insertPromotion } from '../../../db/repos/promotions.repo.js';
import { NO_DETAILS } from '../../../db/repos/customer-details.repo.js';
import type { Deps } from '../../../app/context.js';
import { saveCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { registerElement } from '../../../app/elements/element-register.js';
import { createElementType } from '../../../app/elements/element-types.js';
import { saveAgreement } from '../../../app/elements/reference-data.js';
import { changeMembership, openSegment } from '../../../app/loading/segment-records.js';
import { createCouponType, issueCoupons } from '../../../app/promotions/coupons.js';
import { newNro } from '../../../app/promotions/promotion-records.js';

export const LIMITS_BENEFIT = '62d575e6c1ac1f2fe0707033';

/** A promotion of the import example's shape: 10 % off the items of one set. */
function promotionBody(name: string, code: string, validity?: { from: string; to: string }) {
  return {
    name,
    code,
    promotionType: 'tipo 1',
    promotionSubType: 'tipo 1',
    promotionApplicationForm: 'tipo 1',
    ...(validity ? { validity } : {}),
    sets: { set: { name: '631642d4cfaa7738300ff981', type: 'item' } },
    condition: {
      type: 'basic',
      name: 'Exists',
      parameter: { key: 'use-set', value: '631642d4cfaa7738300ff981' },
    },
    benefits: {
      benefit: {
        instance: 'PercentageDiscount',
        parameter: [
          { key: 'percent', value: '10' },
          { key: 'unit', value: 'qty' },
        ],
        'applied-elements': { 'use-set': { name: '631642d4cfaa7738300ff981' } },
      },
    },
  };
}

const JULY_2023 = { from: '2023-07-01T00:00:00Z', to: '2023-07-31T23:59:59Z' };

const PROMOTIONS: { body: ReturnType<typeof promotionBody>; benefit?: string }[] = [
  { body: promotionBody('Promo Puntos I', 'PP1', JULY_2023) },
  { body: promotionBody('Promo Descuento por Convenio', 'PDC', JULY_2023) },
  { body: promotionBody('Promo Puntos III', 'PP3', JULY_2023) },
  { body: promotionBody('Promo1', 'Promo1') },
  { body: promotionBody('Limites promocionais 3', 'LP3'), benefit: LIMITS_BENEFIT },
];

function customer(code: string) {
  return {
    code,
    name: 'Cliente',
    lastName: code.toUpperCase(),
    identificationType: 'dni',
    identifier: `9${code.replace(/\D/g, '').padStart(7, '0')}`,
    customerType: null,
    address: null,
    active: true,
    attributes: {},
    details: NO_DETAILS,
  };
}

export async function loadDemoPromoLoading(deps: Deps): Promise<void> {
  const merchant = await findMerchantBySlug(deps.db, 'napse');
  if (!merchant) return;
  const m = merchant.id;
  const check = (r: { ok: boolean }, what: string) => {
    if (!r.ok) throw new Error(`demo PROMO loading: ${what}`);
  };
  check(
    await createElementType(deps, m, {
      code: 'verano',
      name: 'Verano',
      numberLength: 13,
      rechargeable: true,
      ranges: [{ start: 1234, end: 1234, suggested: true }],
    }),
    'type verano',
  );
  await saveAgreement(deps, m, { code: 'c1', name: 'Convenio c1' });
  await saveAgreement(deps, m, { code: 'viejo', name: 'Convenio vencido', active: false });
  const createdAt = '2023-01-01T12:00:00Z';
  for (const [number, typeCode] of [
    ['1111000000030', 'tipo1'],
    ['1111000000040', 'tipo1'],
    ['1234000000000', 'verano'],
  ] as const)
    check(await registerElement(deps, m, { number, typeCode, status: 'DISABLED', createdAt }), number);
  const codes = [
    'c0',
    'c1',
    'c2',
    'c3',
    'c4',
    'c5',
    'c6',
    'c7',
    'c8',
    'c9',
    'mycustomer',
    'borrar1',
    'borrar2',
  ];
  for (const code of codes) {
    const saved = await saveCustomerProfile(deps, m, 'insert', customer(code), null);
    if (!saved.ok) throw new Error(`demo PROMO loading: customer ${code}`);
  }
  const segment = await openSegment(deps, m, 'ts02c', false);
  for (const code of ['c2', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c0'])
    await changeMembership(deps, m, segment, 'insert', code);
  check(await createCouponType(deps, m, { code: 'mytype', name: 'My type' }), 'coupon type');
  check(await issueCoupons(deps, m, { type: 'mytype', barcode: 'ABC344' }), 'coupon ABC344');
  const now = deps.now().toISOString();
  for (const p of PROMOTIONS) {
    const ids = p.benefit ? [p.benefit] : [];
    const parsed = parsePromotion(
      { ...p.body, nro: newNro() },
      { currencyDigits: 2, newNro: () => ids.shift() ?? newNro() },
    );
    if (!parsed.ok) throw new Error(`demo PROMO loading: promotion ${p.body.name}: ${parsed.message ?? ''}`);
    await insertPromotion(deps.db, {
      nro: parsed.value.nro,
      merchant_id: m,
      code: parsed.value.code,
      name: parsed.value.name,
      status: 'active',
      definition: JSON.stringify(parsed.value),
      source: JSON.stringify(p.body),
      revision: 1,
      created_at: now,
      updated_at: now,
    });
  }
}
