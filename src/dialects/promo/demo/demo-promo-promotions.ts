/**
 * The PROMO demo company's promotions, maps and limits: the records the manual's promotion examples show
 * (spec §4 and §3.7), posted in the grammar's JSON form with their own nros, so that getMaps, getPromotions
 * and the getPromotionsBy* examples answer the documented XML. The XML examples write companyId 2: the demo
 * company answers to that code too (an alias of napse).
 */
import { insertAlias } from '../../../db/repos/aliases.repo.js';
import type { Deps } from '../../../app/context.js';
import { attachLimit } from '../../../app/promotions/limits.js';
import { activateMap, createMap } from '../../../app/promotions/promotion-maps.js';
import { createPromotion } from '../../../app/promotions/promotion-records.js';

const param = (key: string, value: string) => ({ key, value });
const messages = (text: string) => [
  param('displayMessage', text),
  param('printerMessage', text),
  param('TLOGMessage', text),
];
const methods = (method: 'resume' | 'lineByLine') => [
  param('applicationMethod', method),
  param('prorationMethod', 'proportional'),
  param('applicationPriceType', 'benefited-price'),
];
const recovery = [param('prorateBCP', 'false'), param('recoveryValue', '0'), param('recoveryType', '')];
const CLASSES = { promotionType: '1', promotionSubType: '1', promotionApplicationForm: '1' };

/** A console promotion of the §4 examples: one "all items" set, Exists, one benefit on the set. */
function consolePromotion(p: {
  nro: string;
  name: string;
  code: string;
  set: string;
  benefit: { instance: string; nro: string; message: string; parameters: { key: string; value: string }[] };
}) {
  return {
    nro: p.nro,
    name: p.name,
    code: p.code,
    reportParticipants: 'false',
    suggest: 'not',
    ...CLASSES,
    sets: { set: { name: p.set, type: 'item' } },
    condition: { type: 'basic', name: 'Exists', parameter: param('use-set', p.set) },
    benefits: {
      benefit: {
        instance: p.benefit.instance,
        nro: p.benefit.nro,
        parameter: [...messages(p.benefit.message), ...methods('resume'), ...p.benefit.parameters],
        'applied-elements': { 'use-set': { name: p.set } },
      },
    },
  };
}

const percent = (nro: string, value: string, hasLimit: boolean) => [
  ...(hasLimit ? [param('hasLimit', 'true')] : []),
  param('name', nro),
  param('percent', value),
  param('unit', 'qty'),
  ...recovery,
];

export const DESCUENTO = consolePromotion({
  nro: '64cd5282a62e431960edd5d5',
  name: 'Promo Descuentos',
  code: 'descuento',
  set: '64cd5289a62e431960edd5d9',
  benefit: {
    instance: 'PercentageDiscount',
    nro: '64cd52b6a62e431960edd5dd',
    message: 'Promo Descuentos',
    parameters: percent('64cd5282a62e431960edd5d5', '30', true),
  },
});

const CONSOLE_PROMOTIONS = [
  DESCUENTO,
  consolePromotion({
    nro: '64d140e6b29c1e1764334c1f',
    name: 'Promo Canje',
    code: 'canje',
    set: '64d140ecb29c1e1764334c23',
    benefit: {
      instance: 'RedeemPointsBenefit',
      nro: '64d14116b29c1e1764334c26',
      message: 'Promo Canje',
      parameters: [
        param('name', '64d140e6b29c1e1764334c1f'),
        param('type', '5'),
        param('factor', '1'),
        param('recoveryValue', '0'),
        param('recoveryType', ''),
        param('prorateBCP', 'false'),
      ],
    },
  }),
  // getPromotionsByBenefitNro: the manual asks for benefit 6489c122a62e4343b821cc9d and answers this
  // promotion, whose benefit is 64cbfc85a62e430ec443b4d4 (spec §11.12): the demo follows the answer.
  consolePromotion({
    nro: '64cbfc85a62e430ec443b4d5',
    name: 'Promo Limites Clientes Cant. de aplicaciones',
    code: '',
    set: '64cbfc85a62e430ec443b4d2',
    benefit: {
      instance: 'PercentageDiscount',
      nro: '64cbfc85a62e430ec443b4d4',
      message: 'Promo Limites Clientes Cant. de aplicaciones',
      parameters: percent('64cbfc85a62e430ec443b4d5', '50', false),
    },
  }),
  consolePromotion({
    nro: '64cbfc85a62e430ec443b4d1',
    name: 'Promo Limite Clientes Cant. de Dinero',
    code: '',
    set: '64cbfc85a62e430ec443b4ce',
    benefit: {
      instance: 'PercentageDiscount',
      nro: '64cbfc85a62e430ec443b4d0',
      message: 'Promo Limite Clientes',
      parameters: percent('64cbfc85a62e430ec443b4d1', '50', true),
    },
  }),
];

/** getPromotionsByCode "redes": a promotion with nothing configured yet (a draft: `<sets />`, `<benefits />`). */
const REDES = {
  nro: '64d0fb1db29c1e1764334bc6',
  name: 'Promo Redes',
  code: 'redes',
  reportParticipants: 'false',
  suggest: 'not',
  ...CLASSES,
  sets: {},
  benefits: {},
};

/** The three promotions of the getMaps example (map version 5). */
const sku = (name: string, value: string) => ({
  set: { name, type: 'item', attribute: 'code', comparator: 'Into', value },
});
const MAP5_PROMOTIONS = [
  {
    nro: '5c3df6e0f7a021227ca8f7d4',
    name: 'Promociòn 10% de Descuento SKU 1',
    code: 'Promociòn 10% de Descuento SKU 1',
    reportParticipants: 'true',
    suggest: 'not',
    descriptor: 'Promociòn 10% de Descuento SKU 1',
    sets: sku('5c3df6f6f7a021227ca8f7d8', '1'),
    condition: { type: 'basic', name: 'Exists', parameter: param('use-set', '5c3df6f6f7a021227ca8f7d8') },
    benefits: {
      benefit: {
        instance: 'PercentageDiscount',
        nro: '5c3df748f7a021227ca8f7dc',
        parameter: [
          ...messages('Promociòn 10% de Descuento SKU 1'),
          ...methods('lineByLine'),
          param('name', '5c3df6e0f7a021227ca8f7d4'),
          param('percent', '10'),
          param('unit', 'qty'),
        ],
        'applied-elements': { 'use-set': { name: '5c3df6f6f7a021227ca8f7d8' } },
      },
    },
  },
  {
    nro: '5c3dfcd5f7a021227ca8f807',
    name: 'Promocion 3x2 en SKU 2',
    code: 'Promocion 3x2 en SKU 2',
    reportParticipants: 'true',
    suggest: 'always',
    descriptor: 'Con 3 items del SKU 2 obtendra Promocion 3x2 en SKU 2',
    sets: sku('5c3dfd00f7a021227ca8f80c', '2'),
    combo: {
      'combo-component': { min: '3', max: '3', attribute: 'qty', 'use-set': '5c3dfd00f7a021227ca8f80c' },
    },
    benefits: {
      benefit: {
        instance: 'PercentageDiscount',
        nro: '5c3dfd52f7a021227ca8f80e',
        parameter: [
          ...messages('Promocion 3x1 en SKU 2'),
          ...methods('resume'),
          param('name', '5c3dfcd5f7a021227ca8f807'),
          param('percent', '100'),
          param('unit', 'qty'),
        ],
        'applied-elements': {
          'use-set': { name: '5c3dfd00f7a021227ca8f80c', max: '1.0', attribute: 'qty' },
        },
      },
    },
  },
  {
    nro: '5c3dffd1f7a021227ca8f82e',
    name: 'Promocion Cupon de Regalo en SKU 3',
    code: 'Promocion Cupon de Regalo en SKU 3',
    reportParticipants: 'true',
    suggest: 'not',
    sets: sku('5c3e0041f7a021227ca8f835', '3'),
    condition: { type: 'basic', name: 'Exists', parameter: param('use-set', '5c3e0041f7a021227ca8f835') },
    benefits: {
      benefit: {
        instance: 'CouponBenefit',
        nro: '5c3e0001f7a021227ca8f832',
        parameter: [
          ...messages('Promocion Cupon de Regalo en SKU 3'),
          ...methods('resume'),
          param('name', '5c3dffd1f7a021227ca8f82e'),
          param('qty', '1'),
          param('couponid', 'tc01'),
        ],
        'applied-elements': {
          'use-set': { name: '5c3e0041f7a021227ca8f835', max: '1.0', attribute: 'qty' },
        },
      },
    },
  },
];

function must<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message?: string },
  what: string,
) {
  if (!result.ok) throw new Error(`demo PROMO ${what}: ${result.code} ${result.message ?? ''}`);
  return result.value;
}

export async function loadDemoPromoPromotions(deps: Deps, merchantId: string): Promise<void> {
  await insertAlias(deps.db, {
    merchantId,
    kind: 'company-code',
    alias: '2',
    targetId: merchantId,
    now: deps.now().toISOString(),
  });
  for (const source of [...MAP5_PROMOTIONS, ...CONSOLE_PROMOTIONS, REDES])
    must(await createPromotion(deps, merchantId, source, { keepNros: true }), `promotion ${source.nro}`);
  must(
    await createMap(deps, merchantId, {
      version: 5,
      name: 'Mapa 5',
      promotions: MAP5_PROMOTIONS.map((p) => p.nro),
      startDate: '2019-01-15T03:00:00Z',
      endDate: '2084-01-23T02:59:00Z',
      validityAfterVoid: 365,
    }),
    'map 5',
  );
  // §3.7: "descuento" is in map version 90, with its customer limit of 5000 in money; 90 is the active map.
  must(
    await attachLimit(deps, merchantId, {
      promotion: DESCUENTO.nro,
      scope: 'customer',
      period: 'undefined',
      type: 'amount',
      max: 500000,
    }),
    'limit descuento',
  );
  must(
    await createMap(deps, merchantId, {
      version: 90,
      name: 'Mapa 90',
      promotions: CONSOLE_PROMOTIONS.map((p) => p.nro),
      startDate: '2023-08-01T03:00:00Z',
      endDate: '2084-01-23T02:59:00Z',
    }),
    'map 90',
  );
  must(await activateMap(deps, merchantId, 90), 'activate map 90');
}
