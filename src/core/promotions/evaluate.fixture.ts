/** Promotions, maps and baskets for the engine's unit tests (evaluate, its properties, the basket scan). */
import type { Basket, BasketLine } from './basket.js';
import type { MapVersion, Promotion } from './model.js';
import { parsePromotion } from './parse-promotion.js';

let seq = 0;
const nro = () => (++seq).toString(16).padStart(24, '0');

export type Param = [string, string];
/** A promotion in the grammar's JSON form: one item set per entry of `sets`, Exists on the first. */
export function promo(
  code: string,
  benefit: { instance: string; params?: Param[]; applied?: { name: string; max?: string }[]; extra?: object },
  more: Record<string, unknown> = {},
): Promotion {
  const r = parsePromotion(
    {
      name: code,
      code,
      benefits: {
        benefit: {
          instance: benefit.instance,
          parameter: (benefit.params ?? []).map(([key, value]) => ({ key, value })),
          ...(benefit.applied ? { 'applied-elements': { 'use-set': benefit.applied } } : {}),
          ...(benefit.extra ?? {}),
        },
      },
      ...more,
    },
    { currencyDigits: 2, newNro: nro },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

export function mapOf(promotions: Promotion[], extra: Partial<MapVersion> = {}): MapVersion {
  return {
    version: 1,
    startDate: '2026-01-01T00:00:00.000Z',
    endDate: null,
    stores: [],
    promotions,
    algorithm: [],
    limits: [],
    exclusions: new Set(),
    ...extra,
  };
}

export function basket(lines: BasketLine[], extra: Partial<Basket> = {}): Basket {
  return {
    storeCode: 'S1',
    terminalCode: null,
    region: null,
    date: '2026-11-28T15:00:00+01:00',
    customerId: 'cus_1',
    customerType: null,
    segments: [],
    contract: null,
    coupons: [],
    lines,
    payments: [],
    minorPerUnit: 100,
    ...extra,
  };
}
