/**
 * An index of a map version by item attribute and header value: each promotion is filed under the keys one
 * of which a basket must have for it to possibly apply (its anchors: "code=SKU2", "level1=SHOES",
 * "store=S1", "coupon=tc01", …), or among the always-candidates when no such key exists. A basket then
 * looks at the promotions filed under its own keys only. Built once per map version (memoised on it).
 */
import type { Basket, NotApplied } from './basket.js';
import type { Condition, MapVersion, Promotion, PromotionSet } from './model.js';

export interface CompiledSet {
  kind: 'item' | 'payment';
  attribute: string | null;
  values: ReadonlySet<string>;
}

export interface CompiledPromotion {
  position: number;
  promotion: Promotion;
  sets: ReadonlyMap<string, CompiledSet>;
  /** Its answer when the index rules it out. */
  ruledOut: NotApplied;
}

export interface MapIndex {
  compiled: CompiledPromotion[];
  byKey: ReadonlyMap<string, readonly number[]>;
  always: readonly number[];
  byNro: ReadonlyMap<string, CompiledPromotion>;
}

function compileSet(s: PromotionSet): CompiledSet {
  return s.kind === 'item'
    ? { kind: 'item', attribute: s.attribute, values: new Set(s.values) }
    : { kind: 'payment', attribute: s.values.length > 0 ? 'type' : null, values: new Set(s.values) };
}

function setKeys(set: CompiledSet | undefined): string[] | null {
  if (!set) return null;
  if (set.kind === 'item')
    return set.attribute === null ? ['line'] : [...set.values].map((v) => `${set.attribute}=${v}`);
  return set.attribute === null ? ['payment'] : [...set.values].map((v) => `payment=${v}`);
}

const HEADER_KEY: Record<string, string> = {
  store: 'store',
  terminal: 'terminal',
  region: 'region',
  customerType: 'customerType',
  segment: 'segment',
  contract: 'contract',
};

/** Keys one of which a basket must have for the condition to hold (null: none can be named). */
function anchors(c: Condition, sets: ReadonlyMap<string, CompiledSet>): string[] | null {
  switch (c.kind) {
    case 'exists':
      return setKeys(sets.get(c.set));
    case 'header':
      return c.values.map((v) => `${HEADER_KEY[c.attribute]}=${v}`);
    case 'coupon':
      return [`coupon=${c.couponType}`];
    case 'and':
      return smallest(c.conditions.map((x) => anchors(x, sets)));
    case 'or': {
      const all = c.conditions.map((x) => anchors(x, sets));
      return all.some((a) => a === null) ? null : [...new Set(all.flat() as string[])];
    }
    default:
      return null;
  }
}

function smallest(options: (string[] | null)[]): string[] | null {
  let best: string[] | null = null;
  for (const o of options) if (o !== null && (best === null || o.length < best.length)) best = o;
  return best;
}

const RULED_OUT = {
  condition: ['CONDITION_NOT_MET', 'Nothing in the basket matches what the promotion needs.'],
  stores: ['STORE_NOT_INCLUDED', "The store is not one of the promotion's stores."],
  segments: ['CUSTOMER_NOT_TARGETED', "The customer is in none of the promotion's segments."],
} as const;

function compile(p: Promotion, position: number): { compiled: CompiledPromotion; keys: string[] | null } {
  const sets = new Map(p.sets.map((s) => [s.name, compileSet(s)]));
  const options: { keys: string[] | null; source: keyof typeof RULED_OUT }[] = [];
  if (p.condition) options.push({ keys: anchors(p.condition, sets), source: 'condition' });
  for (const c of p.combo) options.push({ keys: setKeys(sets.get(c.set)), source: 'condition' });
  if (p.stores.length > 0) options.push({ keys: p.stores.map((s) => `store=${s}`), source: 'stores' });
  if (p.segments.length > 0)
    options.push({ keys: p.segments.map((s) => `segment=${s}`), source: 'segments' });
  let best: { keys: string[]; source: keyof typeof RULED_OUT } | null = null;
  for (const o of options)
    if (o.keys !== null && (best === null || o.keys.length < best.keys.length))
      best = { keys: o.keys, source: o.source };
  const [reason, message] = RULED_OUT[best?.source ?? 'condition'];
  const ruledOut: NotApplied = Object.freeze({ nro: p.nro, code: p.code, reason, message });
  return { compiled: { position, promotion: p, sets, ruledOut }, keys: best?.keys ?? null };
}

export function buildIndex(map: MapVersion): MapIndex {
  const compiled: CompiledPromotion[] = [];
  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  map.promotions.forEach((p, i) => {
    const { compiled: c, keys } = compile(p, i);
    compiled.push(c);
    if (keys === null) always.push(i);
    else
      for (const k of new Set(keys)) {
        const list = byKey.get(k);
        if (list) list.push(i);
        else byKey.set(k, [i]);
      }
  });
  return { compiled, byKey, always, byNro: new Map(compiled.map((c) => [c.promotion.nro, c])) };
}

/** Memoised on the version's promotions (an immutable snapshot): live limits and exclusions may change. */
const cache = new WeakMap<readonly Promotion[], MapIndex>();

export function indexOf(map: MapVersion): MapIndex {
  let index = cache.get(map.promotions);
  if (!index) {
    index = buildIndex(map);
    cache.set(map.promotions, index);
  }
  return index;
}

/** The keys of a basket: its lines' attributes, payments, header values and presented coupons. */
export function basketKeys(basket: Basket): Set<string> {
  const keys = new Set<string>();
  if (basket.lines.length > 0) keys.add('line');
  for (const l of basket.lines) {
    keys.add(`code=${l.attributes.code ?? l.sku}`);
    for (const [k, v] of Object.entries(l.attributes))
      if (k !== 'code' && v !== undefined) keys.add(`${k}=${v}`);
  }
  if (basket.payments.length > 0) keys.add('payment');
  for (const p of basket.payments) keys.add(`payment=${p.type}`);
  keys.add(`store=${basket.storeCode}`);
  if (basket.terminalCode) keys.add(`terminal=${basket.terminalCode}`);
  if (basket.region) keys.add(`region=${basket.region}`);
  if (basket.customerType) keys.add(`customerType=${basket.customerType}`);
  if (basket.contract) keys.add(`contract=${basket.contract}`);
  for (const s of basket.segments) keys.add(`segment=${s}`);
  for (const c of basket.coupons) keys.add(`coupon=${c.couponType}`);
  return keys;
}

/** Positions of the promotions a basket may trigger, in map order. */
export function candidates(index: MapIndex, basket: Basket): number[] {
  const seen = new Set<number>(index.always);
  for (const key of basketKeys(basket)) {
    const list = index.byKey.get(key);
    if (list) for (const i of list) seen.add(i);
  }
  return [...seen].sort((a, b) => a - b);
}
