/** /docs examples of the promotion routes (the demo's values), added like EXAMPLES by applyExamples. */
import type { OperationExample } from './openapi-examples.js';

const NRO = '6650a1f0c2b34d5e6f708192';
const BENEFIT = '6650a1f0c2b34d5e6f708193';
const SOURCE = {
  name: '30 % off shoes',
  code: 'SHOES30',
  sets: { set: { name: 'shoes', type: 'item', attribute: 'level1', value: 'SHOES' } },
  condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'shoes' } },
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      parameter: [
        { key: 'percent', value: '30' },
        { key: 'displayMessage', value: '30 % off shoes' },
      ],
      'applied-elements': { 'use-set': { name: 'shoes' } },
    },
  },
};
const LIMIT = {
  id: 'lim_01m8j8a1k2d3e4f5g6h7j8k9m0',
  promotion: NRO,
  benefit: BENEFIT,
  scope: 'retailer',
  storeCode: null,
  period: 'undefined',
  numberDays: null,
  type: 'count',
  max: 100,
  createdAt: '2026-11-28T09:00:00.000Z',
};
const PROMOTION = {
  nro: NRO,
  code: 'SHOES30',
  name: '30 % off shoes',
  status: 'active',
  revision: 1,
  workflow: 'GENERAL',
  state: 'complete',
  headerFields: [{ attribute: 'store', name: 'Store', mandatory: false, values: [] }],
  definition: {
    nro: NRO,
    code: 'SHOES30',
    name: '30 % off shoes',
    sets: [{ kind: 'item', name: 'shoes', attribute: 'level1', values: ['SHOES'] }],
    condition: { kind: 'exists', set: 'shoes' },
    benefits: [{ nro: BENEFIT, kind: 'PercentageDiscount', percentBp: 3000, applicationMethod: 'resume' }],
  },
  source: SOURCE,
  limits: [LIMIT],
  exclusions: [{ storeCode: 'PARIS-01', date: '2026-12-24' }],
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
};
const MAP = {
  version: 3,
  name: 'Winter 2026',
  startDate: '2026-11-01T00:00:00.000Z',
  endDate: null,
  stores: [],
  validityAfterVoid: 365,
  algorithm: [],
  promotions: [{ nro: NRO, code: 'SHOES30', name: '30 % off shoes' }],
  active: true,
  createdAt: '2026-11-28T09:00:00.000Z',
};
const COUPON = {
  barcode: '9123456789012',
  type: 'SOCKS10',
  format: 'PRINTED',
  status: 'active',
  usedTimes: 0,
  maxUses: 1,
  validFrom: '2026-11-28T09:00:00.000Z',
  validTo: '2026-12-28T09:00:00.000Z',
  customerId: null,
  amount: null,
  emitPromotion: null,
  saleId: null,
  createdAt: '2026-11-28T09:00:00.000Z',
};
const COUPON_TYPE = {
  code: 'SOCKS10',
  name: '10 % off socks',
  format: 'PRINTED',
  validityDays: 30,
  maxUses: 1,
  createdAt: '2026-11-28T09:00:00.000Z',
};

export const PROMOTION_EXAMPLES: Record<string, OperationExample> = {
  'POST /v1/promotions': { request: SOURCE, response: PROMOTION },
  'GET /v1/promotions': { response: { data: [PROMOTION], nextCursor: null } },
  'GET /v1/promotions/{nro}': { response: PROMOTION },
  'PUT /v1/promotions/{nro}': { request: SOURCE, response: { ...PROMOTION, revision: 2 } },
  'POST /v1/promotions/{nro}/deactivate': { response: { ...PROMOTION, status: 'inactive' } },
  'POST /v1/promotions/{nro}/exclusions': {
    request: { storeCode: 'PARIS-01', dates: ['2026-12-24'], operation: 'add' },
    response: PROMOTION,
  },
  'POST /v1/promotion-maps': {
    request: {
      name: 'Winter 2026',
      promotions: [NRO],
      startDate: '2026-11-01T00:00:00Z',
      validityAfterVoid: 365,
    },
    response: { ...MAP, active: false },
  },
  'GET /v1/promotion-maps': { response: { data: [MAP], active: 3 } },
  'GET /v1/promotion-maps/{version}': { response: MAP },
  'POST /v1/promotion-maps/{version}/activate': { response: MAP },
  'POST /v1/baskets/evaluate': {
    request: {
      storeCode: 'PARIS-01',
      date: '2026-11-28T15:00:00+01:00',
      cardNumber: '2000000000015',
      lines: [
        { sku: 'SHOE-1', quantity: 1, unitPrice: 9999, attributes: { level1: 'SHOES', brand: 'ACME' } },
        { sku: 'SOCK-1', quantity: 3, unitPrice: 500, attributes: { level1: 'SOCKS' } },
      ],
      payments: [{ type: 'VISA', amount: 11499 }],
    },
    response: {
      mapVersion: 3,
      lines: [
        { index: 0, sku: 'SHOE-1', quantity: 1, unitPrice: 9999, discount: 3000, total: 6999 },
        { index: 1, sku: 'SOCK-1', quantity: 3, unitPrice: 500, discount: 500, total: 1000 },
      ],
      promotions: [
        {
          nro: NRO,
          code: 'SHOES30',
          name: '30 % off shoes',
          benefit: 'PercentageDiscount',
          discount: 3000,
          points: 0,
          coupons: [],
          lines: [0],
          messages: ['30 % off shoes'],
          couponsRedeemed: [],
          offers: [],
        },
        {
          nro: '6650a1f0c2b34d5e6f7081a0',
          code: 'SOCKS3X2',
          name: '3 socks for 2',
          benefit: 'PercentageDiscount',
          discount: 500,
          points: 0,
          coupons: [],
          lines: [1],
          messages: [],
          couponsRedeemed: [],
          offers: [],
        },
      ],
      notApplied: [
        {
          nro: '6650a1f0c2b34d5e6f7081b0',
          code: 'VIPX2',
          reason: 'CUSTOMER_NOT_TARGETED',
          message: "The customer is in none of the promotion's segments.",
        },
      ],
      totalDiscount: 3500,
      points: 0,
      couponsToIssue: [],
    },
  },
  'POST /v1/coupon-types': {
    request: { code: 'SOCKS10', name: '10 % off socks', format: 'PRINTED', validityDays: 30, maxUses: 1 },
    response: COUPON_TYPE,
  },
  'GET /v1/coupon-types': { response: { data: [COUPON_TYPE] } },
  'POST /v1/coupons': { request: { type: 'SOCKS10', quantity: 1 }, response: { data: [COUPON] } },
  'GET /v1/coupons/statements': {
    response: {
      data: [
        {
          barcode: '9123456789012',
          type: 'SOCKS10',
          action: 'CREATE',
          at: '2026-11-28T09:00:00.000Z',
          saleId: null,
          storeCode: null,
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/coupons/{barcode}': {
    response: {
      ...COUPON,
      history: [
        {
          action: 'CREATE',
          at: '2026-11-28T09:00:00.000Z',
          saleId: null,
          storeCode: null,
          terminalCode: null,
        },
      ],
    },
  },
  'POST /v1/coupons/{barcode}/redeem': {
    request: { storeCode: 'PARIS-01', terminalCode: '1' },
    response: { ...COUPON, status: 'consumed', usedTimes: 1 },
  },
  'POST /v1/coupons/{barcode}/void': { request: {}, response: { ...COUPON, status: 'voided' } },
  'GET /v1/segments': {
    response: { data: [{ code: 'VIP', name: 'VIP', members: 2, createdAt: '2026-11-28T09:00:00.000Z' }] },
  },
  'POST /v1/segments/{code}/members': {
    request: { operation: 'add', customers: ['cus_01m8j8a1k2d3e4f5g6h7j8k9m0'] },
    response: { code: 'VIP', added: 1, removed: 0, unknown: [] },
  },
  'GET /v1/segments/{code}/members': {
    response: {
      data: [{ customerId: 'cus_01m8j8a1k2d3e4f5g6h7j8k9m0', addedAt: '2026-11-28T09:00:00.000Z' }],
      nextCursor: null,
    },
  },
  'POST /v1/limits': {
    request: { promotion: NRO, scope: 'retailer', period: 'undefined', type: 'count', max: 100 },
    response: LIMIT,
  },
  'GET /v1/limits': { response: { data: [LIMIT] } },
  'GET /v1/limits/{id}': {
    response: { ...LIMIT, state: [{ subject: '-', used: 12, remaining: 88, nextReset: null }] },
  },
  'POST /v1/limits/{id}/reset': { response: { ...LIMIT, state: [] } },
  'DELETE /v1/limits/{id}': { response: { id: LIMIT.id, deleted: true } },
};
