// In-process benchmark of the promotion engine: evaluate() of a 50-line basket against a map version of
// 10,000 active promotions (the version compiled once, as the server does). Reports p50/p99 in ms.
//
// Two mixes of promotions:
// - realistic (default): a hypermarket's map. 85 % item promotions on one or two SKUs of a 100,000-SKU
//   catalogue (half 3x2 combos), 5 % on a sub-category (level2, 10,000 of them), 5 % on a brand (5,000),
//   5 % basket-wide but for one of 100 stores or one of 100 customer segments. A 50-line basket has about
//   a dozen candidates and applies about ten.
// - heavy: the first benchmark's map, where every promotion names two SKUs of 50,000, a level1 of 3,000 or
//   a brand of 2,000: a 50-line basket has ~57 candidates and applies ~53 (a stress case, not a retailer).
// Usage: npm run bench:promotions [-- --mix realistic|heavy --promotions N --lines N --iterations N
//   --explain all|candidates|none] (explain: which notApplied reasons are built; all is the API's default)
//
// It measures the code the server ships: the npm script first compiles this file and the modules it imports
// with tsc (the options of tsconfig.json: ES2022, NodeNext) into .tmp/bench-promotions/, then runs that
// JavaScript with plain node. (Run through tsx, esbuild's output wraps every closure in __name(), which
// costs ~5 % of an evaluation that the server does not pay.) Deterministic: the same map and baskets in
// every run; `resultsSha256` (a hash of the 64 baskets' evaluations, in every explain mode) changes only
// when an answer of the engine does.
import { createHash } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Basket } from '../src/core/promotions/basket.js';
import { EXPLAIN_MODES, evaluate, type Explain } from '../src/core/promotions/evaluate.js';
import type { MapVersion, Promotion } from '../src/core/promotions/model.js';
import { parsePromotion } from '../src/core/promotions/parse-promotion.js';
import { mapOf } from '../src/core/promotions/evaluate.fixture.js';

const { values } = parseArgs({
  options: {
    mix: { type: 'string', default: 'realistic' },
    promotions: { type: 'string', default: '10000' },
    lines: { type: 'string', default: '50' },
    iterations: { type: 'string', default: '5000' },
    explain: { type: 'string', default: 'all' },
  },
});
const MIX = values.mix;
if (MIX !== 'realistic' && MIX !== 'heavy') throw new Error('--mix is realistic or heavy');
const P = Number(values.promotions);
const L = Number(values.lines);
const N = Number(values.iterations);
const EXPLAIN = values.explain as Explain;
if (!EXPLAIN_MODES.includes(EXPLAIN)) throw new Error('--explain is all, candidates or none');

let seq = 0;
const nro = () => (++seq).toString(16).padStart(24, '0');
const exists = (set: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: set },
});

/** A small deterministic generator (mulberry32), so that every run benchmarks the same map and baskets. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const BENEFITS = [
  {
    instance: 'PercentageDiscount',
    parameter: [{ key: 'percent', value: '10' }],
    'applied-elements': { 'use-set': { name: 's' } },
  },
  {
    instance: 'FixedDiscount',
    parameter: [{ key: 'amount', value: '1.50' }],
    'applied-elements': { 'use-set': { name: 's' } },
  },
  {
    instance: 'PercentageDiscount',
    parameter: [{ key: 'percent', value: '100' }],
    'applied-elements': { 'use-set': { name: 's', max: '1' } },
  },
];
const THREE_FOR_TWO = { 'combo-component': { min: '3', max: '3', 'use-set': 's' } };

function parse(i: number, body: Record<string, unknown>): Promotion {
  const r = parsePromotion(
    { name: `P${i}`, code: `P${i}`, priority: i % 5, ...body },
    { currencyDigits: 2, newNro: nro },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

function heavy(i: number): Promotion {
  const kind = i % 10;
  const set =
    kind < 8
      ? {
          name: 's',
          type: 'item',
          attribute: 'code',
          value: `SKU-${(i * 7) % 50_000},SKU-${(i * 13) % 50_000}`,
        }
      : kind < 9
        ? { name: 's', type: 'item', attribute: 'level1', value: `CAT-${i % 3000}` }
        : { name: 's', type: 'item', attribute: 'brand', value: `BRAND-${i % 2000}` };
  return parse(i, {
    ...(i % 50 === 0 ? { validity: { daysOfWeek: [1, 2, 3, 4, 5, 6] } } : {}),
    sets: { set },
    condition: exists('s'),
    ...(kind % 3 === 2 ? { combo: THREE_FOR_TWO } : {}),
    benefits: { benefit: BENEFITS[kind % 3] },
  });
}

const rnd = prng(20261129);
function realistic(i: number): Promotion {
  const kind = i % 20;
  if (kind === 19) {
    // Basket-wide: 5 % off everything, for one store or one customer segment.
    const target = i % 40 === 19 ? { stores: [`S${rnd(100)}`] } : { segments: [`SEG-${rnd(100)}`] };
    return parse(i, {
      ...target,
      benefits: { benefit: { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '5' }] } },
    });
  }
  const set =
    kind < 17
      ? {
          name: 's',
          type: 'item',
          attribute: 'code',
          value: [rnd(100_000), ...(i % 3 === 0 ? [rnd(100_000)] : [])].map((n) => `SKU-${n}`).join(','),
        }
      : kind === 17
        ? { name: 's', type: 'item', attribute: 'level2', value: `SUB-${rnd(10_000)}` }
        : { name: 's', type: 'item', attribute: 'brand', value: `BRAND-${rnd(5000)}` };
  const b = i % 6;
  return parse(i, {
    ...(i % 50 === 0 ? { validity: { daysOfWeek: [1, 2, 3, 4, 5, 6] } } : {}),
    sets: { set },
    condition: exists('s'),
    ...(kind < 17 && b === 2 ? { combo: THREE_FOR_TWO } : {}),
    benefits: { benefit: BENEFITS[kind < 17 ? b % 3 : b % 2]! },
  });
}

const promotions = Array.from({ length: P }, (_, i) => (MIX === 'heavy' ? heavy(i) : realistic(i)));
const map: MapVersion = mapOf(promotions);
const header = (k: number) => ({
  storeCode: `S${k % 100}`,
  terminalCode: null,
  region: null,
  date: '2026-11-28T15:00:00+01:00',
  customerId: 'cus_1',
  customerType: null,
  segments: MIX === 'heavy' ? [] : [`SEG-${(k * 7) % 100}`],
  contract: null,
  coupons: [],
  payments: [],
  minorPerUnit: 100,
});
const basket = (k: number): Basket => ({
  ...header(k),
  lines: Array.from({ length: L }, (_, j) =>
    MIX === 'heavy'
      ? {
          sku: `SKU-${(k * 31 + j * 97) % 50_000}`,
          quantity: 1 + (j % 4),
          unitPrice: 199 + ((j * 37) % 5000),
          attributes: {
            level1: `CAT-${(k * 7 + j * 11) % 3000}`,
            brand: `BRAND-${(k * 3 + j * 5) % 2000}`,
          },
        }
      : {
          sku: `SKU-${rnd(100_000)}`,
          quantity: 1 + (rnd(10) < 7 ? 0 : rnd(4)),
          unitPrice: 99 + rnd(3000),
          attributes: { level2: `SUB-${rnd(10_000)}`, brand: `BRAND-${rnd(5000)}` },
        },
  ),
});
const baskets = Array.from({ length: 64 }, (_, k) => basket(k));
const now = '2026-11-28T14:00:00.000Z';

const t0 = performance.now();
evaluate(baskets[0]!, map, new Map(), now); // compiles the version
const compileMs = performance.now() - t0;
const digest = createHash('sha256');
for (const b of baskets)
  for (const explain of EXPLAIN_MODES)
    digest.update(JSON.stringify(evaluate(b, map, new Map(), now, { explain })));
const resultsSha256 = digest.digest('hex').slice(0, 16);
for (let i = 0; i < Math.min(2000, N / 5); i++) evaluate(baskets[i % 64]!, map, new Map(), now);
// Wall-clock time of each evaluation, and the CPU time the process spent on it (user + system, all threads:
// the garbage collector's helpers included). On a shared machine the wall clock also counts the time the
// scheduler gave to other processes; the CPU time does not, and is the figure to compare across runs.
const times = new Float64Array(N);
const cpu = new Float64Array(N);
let applied = 0;
for (let i = 0; i < N; i++) {
  const b = baskets[i % 64]!;
  const c = process.cpuUsage();
  const s = performance.now();
  const e = evaluate(b, map, new Map(), now, { explain: EXPLAIN });
  times[i] = performance.now() - s;
  const d = process.cpuUsage(c);
  cpu[i] = (d.user + d.system) / 1000;
  applied += e.promotions.length;
}
times.sort();
cpu.sort();
const q = (p: number, of = times) => of[Math.min(N - 1, Math.floor(p * N))]!;
console.log(
  JSON.stringify({
    mix: MIX,
    explain: EXPLAIN,
    promotions: P,
    lines: L,
    iterations: N,
    compileMs: Number(compileMs.toFixed(1)),
    appliedPerBasket: Number((applied / N).toFixed(1)),
    resultsSha256,
    p50ms: Number(q(0.5).toFixed(4)),
    p99ms: Number(q(0.99).toFixed(4)),
    maxMs: Number(times[N - 1]!.toFixed(3)),
    cpuP50ms: Number(q(0.5, cpu).toFixed(4)),
    cpuP99ms: Number(q(0.99, cpu).toFixed(4)),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  }),
);
