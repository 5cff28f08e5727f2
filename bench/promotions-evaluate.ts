// In-process benchmark of the promotion engine: evaluate() of a 50-line basket against a map version of
// 10,000 active promotions (index built once per version, as the server does). Reports p50/p99 in ms.
// Usage: npm run bench:promotions [-- --promotions N --lines N --iterations N]
import { parseArgs } from 'node:util';
import type { Basket } from '../src/core/promotions/basket.js';
import { evaluate } from '../src/core/promotions/evaluate.js';
import type { MapVersion, Promotion } from '../src/core/promotions/model.js';
import { parsePromotion } from '../src/core/promotions/parse-promotion.js';

const { values } = parseArgs({
  options: {
    promotions: { type: 'string', default: '10000' },
    lines: { type: 'string', default: '50' },
    iterations: { type: 'string', default: '5000' },
  },
});
const P = Number(values.promotions);
const L = Number(values.lines);
const N = Number(values.iterations);
const SKUS = 50_000;

let seq = 0;
const nro = () => (++seq).toString(16).padStart(24, '0');
const exists = (set: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: set },
});

function promotion(i: number): Promotion {
  const kind = i % 10;
  const set =
    kind < 8
      ? { name: 's', type: 'item', attribute: 'code', value: `SKU-${(i * 7) % SKUS},SKU-${(i * 13) % SKUS}` }
      : kind < 9
        ? { name: 's', type: 'item', attribute: 'level1', value: `CAT-${i % 3000}` }
        : { name: 's', type: 'item', attribute: 'brand', value: `BRAND-${i % 2000}` };
  const benefit =
    kind % 3 === 0
      ? {
          instance: 'PercentageDiscount',
          parameter: [{ key: 'percent', value: '10' }],
          'applied-elements': { 'use-set': { name: 's' } },
        }
      : kind % 3 === 1
        ? {
            instance: 'FixedDiscount',
            parameter: [{ key: 'amount', value: '1.50' }],
            'applied-elements': { 'use-set': { name: 's' } },
          }
        : {
            instance: 'PercentageDiscount',
            parameter: [{ key: 'percent', value: '100' }],
            'applied-elements': { 'use-set': { name: 's', max: '1' } },
          };
  const r = parsePromotion(
    {
      name: `P${i}`,
      code: `P${i}`,
      priority: i % 5,
      ...(i % 50 === 0 ? { validity: { daysOfWeek: [1, 2, 3, 4, 5, 6] } } : {}),
      sets: { set },
      condition: exists('s'),
      ...(kind % 3 === 2 ? { combo: { 'combo-component': { min: '3', max: '3', 'use-set': 's' } } } : {}),
      benefits: { benefit },
    },
    { currencyDigits: 2, newNro: nro },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const promotions = Array.from({ length: P }, (_, i) => promotion(i));
const map: MapVersion = {
  version: 1,
  startDate: '2026-01-01T00:00:00.000Z',
  endDate: null,
  stores: [],
  promotions,
  algorithm: [],
  limits: [],
  exclusions: new Set(),
};
const basket = (k: number): Basket => ({
  storeCode: 'S1',
  terminalCode: null,
  region: null,
  date: '2026-11-28T15:00:00+01:00',
  customerId: 'cus_1',
  customerType: null,
  segments: [],
  contract: null,
  coupons: [],
  payments: [],
  minorPerUnit: 100,
  lines: Array.from({ length: L }, (_, j) => ({
    sku: `SKU-${(k * 31 + j * 97) % SKUS}`,
    quantity: 1 + (j % 4),
    unitPrice: 199 + ((j * 37) % 5000),
    attributes: { level1: `CAT-${(k * 7 + j * 11) % 3000}`, brand: `BRAND-${(k * 3 + j * 5) % 2000}` },
  })),
});
const baskets = Array.from({ length: 64 }, (_, k) => basket(k));
const now = '2026-11-28T14:00:00.000Z';

const t0 = performance.now();
evaluate(baskets[0]!, map, new Map(), now); // builds the index of the version
const indexMs = performance.now() - t0;
for (let i = 0; i < Math.min(2000, N / 5); i++) evaluate(baskets[i % 64]!, map, new Map(), now);
const times = new Float64Array(N);
let applied = 0;
for (let i = 0; i < N; i++) {
  const b = baskets[i % 64]!;
  const s = performance.now();
  const e = evaluate(b, map, new Map(), now);
  times[i] = performance.now() - s;
  applied += e.promotions.length;
}
times.sort();
const q = (p: number) => times[Math.min(N - 1, Math.floor(p * N))]!;
console.log(
  JSON.stringify({
    promotions: P,
    lines: L,
    iterations: N,
    indexBuildMs: Number(indexMs.toFixed(1)),
    appliedPerBasket: Number((applied / N).toFixed(1)),
    p50ms: Number(q(0.5).toFixed(4)),
    p99ms: Number(q(0.99).toFixed(4)),
    maxMs: Number(times[N - 1]!.toFixed(3)),
  }),
);
