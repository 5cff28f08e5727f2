/**
 * The PROMO demo company's sales history: the transactions the manual's examples show, recorded as the engine
 * stores a posted sale (its lines, payments and stored plan with what the promotion map gave it). §3.1's
 * lastSales sale of customer 0102909421 (map 5; its payments do not add up to its total, as in the manual);
 * §3.8's report record (promotion 10549, a CouponBenefit of campaign "Mercadeo", store 0621 "MY STORE "); §3.9's sale that used 1 of
 * the 3 benefited products of "PromoLimite" (map 91). The report's promotions are in map 91, which is not
 * the active map (90 stays active for the other examples).
 */
import type { StoredPromotions, StoredSalePlan } from '../../../core/sales/stored-sale.js';
import type { SaleLine } from '../../../core/rules/index.js';
import { findCardByNumber } from '../../../db/repos/cards.repo.js';
import { dropSummary } from '../../../db/repos/card-summaries.repo.js';
import { consumeLimit } from '../../../db/repos/limits.repo.js';
import { findStoreByCode, findTerminal, insertSale } from '../../../db/repos/sales.repo.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Deps } from '../../../app/context.js';
import { findCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { newId } from '../../../app/ids.js';
import { attachLimit } from '../../../app/promotions/limits.js';
import { createMap } from '../../../app/promotions/promotion-maps.js';
import { createPromotion } from '../../../app/promotions/promotion-records.js';
import { createStore, createTerminal } from '../../../app/tenancy/tenancy.js';

function must<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message?: string },
  what: string,
) {
  if (!result.ok) throw new Error(`demo PROMO ${what}: ${result.code} ${result.message ?? ''}`);
  return result.value;
}

const param = (key: string, value: string) => ({ key, value });

const PROMO_10549 = {
  nro: '5fc6a1c0e4b0a1b2c3d4e5f6',
  name: 'MY PROMO-10549',
  code: '10549',
  reportParticipants: 'false',
  suggest: 'not',
  validity: { from: '2020-11-26T05:00:00Z', to: '2020-12-06T04:59:00Z' },
  campaign: 'Mercadeo',
  deploymentChannels: ['Punto de venta'],
  sets: { set: { name: '5fc6a1c0e4b0a1b2c3d4e5f7', type: 'item', attribute: 'code', value: '1580203' } },
  condition: { type: 'basic', name: 'Exists', parameter: param('use-set', '5fc6a1c0e4b0a1b2c3d4e5f7') },
  benefits: {
    benefit: {
      instance: 'CouponBenefit',
      nro: '5fc6a1c0e4b0a1b2c3d4e5f8',
      parameter: [param('couponid', '6')],
      'applied-elements': { 'use-set': { name: '5fc6a1c0e4b0a1b2c3d4e5f7' } },
    },
  },
};

const PROMO_LIMITE = {
  nro: '636b9a10e4b0a1b2c3d4e601',
  name: 'PromoLimite',
  code: '',
  reportParticipants: 'false',
  suggest: 'not',
  sets: { set: { name: '636b9a10e4b0a1b2c3d4e602', type: 'item' } },
  condition: { type: 'basic', name: 'Exists', parameter: param('use-set', '636b9a10e4b0a1b2c3d4e602') },
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      nro: '636b9a10e4b0a1b2c3d4e603',
      parameter: [param('hasLimit', 'true'), param('percent', '10'), param('unit', 'qty')],
      'applied-elements': { 'use-set': { name: '636b9a10e4b0a1b2c3d4e602' } },
    },
  },
};

const line = (lineNo: number, itemCode: string, amount: number, quantity: number, unitPrice?: number) =>
  ({
    lineNo,
    operation: 'purchase',
    itemCode,
    amount,
    quantity,
    discountPercent: 0,
    ...(unitPrice !== undefined ? { unitPrice } : {}),
  }) satisfies SaleLine;

interface HistoricalSale {
  receipt: string;
  soldAt: string;
  store: string;
  terminal: string;
  customer: string | null;
  card: string | null;
  lines: SaleLine[];
  payments: { method: string; amount: number }[];
  totalMinor: number;
  earned: number;
  redeemed: number;
  promotions: StoredPromotions;
}

const applied = (
  p: { nro: string; code: string; benefit: string },
  rest: Partial<StoredPromotions['applied'][number]>,
): StoredPromotions['applied'][number] => ({
  ...p,
  discount: 0,
  points: 0,
  lines: [1],
  couponsRedeemed: [],
  couponsIssued: [],
  messages: [],
  limits: [],
  ...rest,
});

async function recordSale(deps: Deps, merchantId: string, s: HistoricalSale): Promise<void> {
  const store = await findStoreByCode(deps.db, merchantId, s.store);
  if (!store) throw new Error(`demo PROMO: store ${s.store}`);
  // Terminal codes are unique per company: the demo's terminal 1 is store 1's, and the manual's
  // transactions of store napse name it too.
  const terminal = await findTerminal(deps.db, merchantId, { code: s.terminal });
  const customer = s.customer ? await findCustomerProfile(deps, merchantId, { code: s.customer }) : null;
  const card = s.card ? await findCardByNumber(deps.db, merchantId, s.card) : undefined;
  const purchases = s.lines.reduce((n, l) => n + l.amount, 0);
  const plan: StoredSalePlan = {
    v: 1,
    cardNumber: s.card,
    purchasesMinor: purchases,
    eligibleMinor: purchases,
    pointsEarned: s.earned,
    pointsRedeemed: s.redeemed,
    discountEarnedMinor: 0,
    unusedLines: [],
    stepsReached: [],
    vouchersUsed: [],
    vouchersGenerated: [],
    earnLotId: null,
    wallet: [],
    balanceAfter: null,
    promotions: s.promotions,
  };
  await inTransaction(deps.db, async (tx) => {
    await insertSale(tx, {
      id: newId('sale'),
      merchant_id: merchantId,
      store_id: store.id,
      terminal_id: terminal?.id ?? null,
      seller: null,
      receipt: s.receipt,
      card_id: card?.id ?? null,
      customer_id: customer?.record.id ?? null,
      sold_at: s.soldAt,
      total_minor: s.totalMinor,
      eligible_minor: purchases,
      body_hash: `demo:${s.receipt}`,
      lines: JSON.stringify(s.lines),
      payments: JSON.stringify(s.payments),
      result: '{}',
      plan: JSON.stringify(plan),
      status: 'posted',
      earned_points: s.earned,
      redeemed_points: s.redeemed,
      reversed_points: 0,
      returned_minor: 0,
      created_at: s.soldAt,
    });
    if (card) await dropSummary(tx, card.id);
  });
}

export async function loadDemoPromoSales(deps: Deps, merchantId: string): Promise<void> {
  const store = await createStore(deps, { merchantId, code: '0621', name: 'MY STORE ' });
  await createTerminal(deps, { merchantId, storeId: store.id, code: '002', name: 'Caja 002' });
  for (const source of [PROMO_10549, PROMO_LIMITE])
    must(await createPromotion(deps, merchantId, source, { keepNros: true }), `promotion ${source.name}`);
  const limit = must(
    await attachLimit(deps, merchantId, {
      promotion: PROMO_LIMITE.nro,
      scope: 'retailer',
      period: 'undefined',
      type: 'quantity',
      max: 3,
    }),
    'limit PromoLimite',
  );
  must(
    await createMap(deps, merchantId, {
      version: 91,
      name: 'Mapa 91',
      promotions: [PROMO_10549.nro, PROMO_LIMITE.nro],
      startDate: '2020-11-01T03:00:00Z',
      endDate: '2084-01-23T02:59:00Z',
    }),
    'map 91',
  );
  const map5First = { nro: '5c3df6e0f7a021227ca8f7d4', code: 'Promociòn 10% de Descuento SKU 1' };
  await recordSale(deps, merchantId, {
    receipt: 'napse_1_1_20210624173439',
    soldAt: '2021-06-24T20:34:39Z',
    store: '1',
    terminal: '1',
    customer: '0102909421',
    card: '1111000000010',
    lines: [line(1, '1', 100000, 10, 10000), line(2, '2', 121700, 23)],
    payments: [
      { method: '1', amount: 10025 },
      { method: '2', amount: 20050 },
    ],
    totalMinor: 186400,
    earned: 100,
    redeemed: 3,
    promotions: {
      mapVersion: 5,
      validityAfterVoid: 365,
      totalDiscount: 35300,
      points: 100,
      lineDiscounts: [{ lineNo: 1, discount: 35300 }],
      applied: [
        applied(
          { ...map5First, benefit: '5c3df748f7a021227ca8f7dc' },
          {
            discount: 35300,
            points: 100,
            couponsRedeemed: ['1050030010001', '1050030010002'],
            couponsIssued: Array.from({ length: 10 }, (_, i) => `10500300200${String(i).padStart(2, '0')}`),
          },
        ),
      ],
    },
  });
  await recordSale(deps, merchantId, {
    receipt: 'xx_0621_002_20201202123540',
    soldAt: '2020-12-02T07:35:40Z',
    store: '0621',
    terminal: '002',
    customer: null,
    card: null,
    lines: [line(1, '1580203', 1040000, 1, 1040000)],
    payments: [{ method: '1', amount: 1040000 }],
    totalMinor: 1040000,
    earned: 0,
    redeemed: 0,
    promotions: {
      mapVersion: 91,
      validityAfterVoid: 0,
      totalDiscount: 0,
      points: 0,
      lineDiscounts: [],
      applied: [
        applied({ nro: PROMO_10549.nro, code: '10549', benefit: PROMO_10549.benefits.benefit.nro }, {}),
      ],
    },
  });
  await recordSale(deps, merchantId, {
    receipt: 'napse_napse_1_20221109120000',
    soldAt: '2022-11-09T13:37:00Z',
    store: 'napse',
    terminal: '1',
    customer: null,
    card: null,
    lines: [line(1, '1', 10000, 1, 10000)],
    payments: [{ method: '1', amount: 9000 }],
    totalMinor: 9000,
    earned: 0,
    redeemed: 0,
    promotions: {
      mapVersion: 91,
      validityAfterVoid: 0,
      totalDiscount: 1000,
      points: 0,
      lineDiscounts: [{ lineNo: 1, discount: 1000 }],
      applied: [
        applied(
          { nro: PROMO_LIMITE.nro, code: '', benefit: PROMO_LIMITE.benefits.benefit.nro },
          {
            discount: 1000,
            limits: [{ limitId: limit.id, subject: '-', amount: 1, nextReset: null, type: 'quantity' }],
          },
        ),
      ],
    },
  });
  await inTransaction(deps.db, (tx) =>
    consumeLimit(tx, {
      limitId: limit.id,
      subject: '-',
      n: 1,
      max: 3,
      nextReset: null,
      now: '2022-11-09T13:37:00Z',
    }),
  );
}
