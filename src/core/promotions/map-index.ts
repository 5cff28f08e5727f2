/**
 * A map version compiled for evaluation, once per version (memoised on its immutable promotions snapshot):
 * each promotion with its sets compiled, filed under the keys one of which a basket must have for it to
 * possibly apply (its anchors: code SKU2, level1 SHOES, store S1, coupon tc01, …), or among the
 * always-candidates when no such key exists; and the answers of every promotion a basket cannot trigger,
 * in map order, so that an evaluation touches its candidates only and copies the rest.
 */
import type { NotApplied } from './basket.js';
import type { CompiledSet } from './basket-scan.js';
import { compileBenefit, type CompiledBenefit } from './benefit-picks.js';
import { attributeSeed, buildKeyTable, findKey, type KeyTable } from './key-table.js';
import type { Condition, EvaluationStep, Limit, MapVersion, Promotion, PromotionSet } from './model.js';

export type { CompiledSet } from './basket-scan.js';

export interface CompiledPromotion {
  position: number;
  promotion: Promotion;
  /** Copied from the promotion: what evaluation reads of every candidate, in this one record. */
  nro: string;
  code: string;
  name: string;
  priority: number;
  exclusive: boolean;
  benefits: readonly CompiledBenefit[];
  /** Its only benefit when it has one, else null. */
  benefit: CompiledBenefit | null;
  sets: ReadonlyMap<string, CompiledSet>;
  /** Its condition names a coupon outside a Not: applying it redeems coupons. */
  usesCoupons: boolean;
  /** Its answer when the index rules it out. */
  ruledOut: NotApplied;
  /**
   * The item set its condition is (an Exists on an item set) when it has no other check (no validity window,
   * days, time ranges, stores, regions, segments, customer types nor combo): it is eligible when the set has
   * a line of the basket (unless the map has excluded dates); else null.
   */
  simple: CompiledSet | null;
  /** Which of eligibility's checks the promotion has (CHECK bits): those it lacks read nothing. */
  checks: number;
}

/** Eligibility's checks, as bits of CompiledPromotion.checks. */
export const CHECK = {
  /** A validity window, days of the week or time ranges. */
  validity: 1,
  stores: 2,
  regions: 4,
  segments: 8,
  customerTypes: 16,
  condition: 32,
  combo: 64,
} as const;

function checksOf(p: Promotion): number {
  const v = p.validity;
  return (
    (v.from !== null || v.to !== null || v.daysOfWeek.length > 0 || v.timeRanges.length > 0
      ? CHECK.validity
      : 0) |
    (p.stores.length > 0 ? CHECK.stores : 0) |
    (p.regions.length > 0 ? CHECK.regions : 0) |
    (p.segments.length > 0 ? CHECK.segments : 0) |
    (p.customerTypes.length > 0 ? CHECK.customerTypes : 0) |
    (p.condition !== null ? CHECK.condition : 0) |
    (p.combo.length > 0 ? CHECK.combo : 0)
  );
}

/** attribute → value → positions ("*" → "line" | "payment" for any line, any payment). */
type Keys = Map<string, Map<string, number[]>>;

export interface CompiledMap {
  promotions: readonly CompiledPromotion[];
  byKey: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  always: readonly number[];
  /** byKey as one hash table (what candidates() reads). */
  table: KeyTable;
  byNro: ReadonlyMap<string, CompiledPromotion>;
  /** The answer of each promotion when the basket cannot trigger it, in map order. */
  ruledOut: readonly NotApplied[];
  /** The answer of each promotion when the map itself is not valid for the basket. */
  notValid: readonly NotApplied[];
}

type Key = readonly [string, string];

function compileSet(s: PromotionSet): CompiledSet {
  const list = [...new Set(s.values)];
  // `entries` is filled once the key table is built (buildCompiledMap).
  return s.kind === 'item'
    ? { kind: 'item', attribute: s.attribute, values: new Set(list), list, entries: [], entry: -1 }
    : {
        kind: 'payment',
        attribute: list.length > 0 ? 'type' : null,
        values: new Set(list),
        list,
        entries: [],
        entry: -1,
      };
}

function setKeys(set: CompiledSet | undefined): Key[] | null {
  if (!set) return null;
  if (set.kind === 'item')
    return set.attribute === null ? [['*', 'line']] : set.list.map((v) => [set.attribute!, v] as const);
  return set.attribute === null ? [['*', 'payment']] : set.list.map((v) => ['payment', v] as const);
}

/** Keys one of which a basket must have for the condition to hold (null: none can be named). */
function anchors(c: Condition, sets: ReadonlyMap<string, CompiledSet>): Key[] | null {
  switch (c.kind) {
    case 'exists':
      return setKeys(sets.get(c.set));
    case 'header':
      return c.values.map((v) => [c.attribute, v] as const);
    case 'coupon':
      return [['coupon', c.couponType]];
    case 'and':
      return smallest(c.conditions.map((x) => anchors(x, sets)));
    case 'or': {
      const all = c.conditions.map((x) => anchors(x, sets));
      return all.some((a) => a === null) ? null : (all.flat() as Key[]);
    }
    default:
      return null;
  }
}

function smallest(options: (Key[] | null)[]): Key[] | null {
  let best: Key[] | null = null;
  for (const o of options) if (o !== null && (best === null || o.length < best.length)) best = o;
  return best;
}

function usesCoupons(c: Condition | null): boolean {
  if (c === null) return false;
  if (c.kind === 'coupon') return true;
  return (c.kind === 'and' || c.kind === 'or') && c.conditions.some(usesCoupons);
}

const RULED_OUT = {
  condition: ['CONDITION_NOT_MET', 'Nothing in the basket matches what the promotion needs.'],
  stores: ['STORE_NOT_INCLUDED', "The store is not one of the promotion's stores."],
  segments: ['CUSTOMER_NOT_TARGETED', "The customer is in none of the promotion's segments."],
} as const;

function compile(p: Promotion, position: number): { compiled: CompiledPromotion; keys: Key[] | null } {
  const sets = new Map(p.sets.map((s) => [s.name, compileSet(s)]));
  const options: { keys: Key[] | null; source: keyof typeof RULED_OUT }[] = [];
  if (p.condition) options.push({ keys: anchors(p.condition, sets), source: 'condition' });
  for (const c of p.combo) options.push({ keys: setKeys(sets.get(c.set)), source: 'condition' });
  if (p.stores.length > 0) options.push({ keys: p.stores.map((s) => ['store', s]), source: 'stores' });
  if (p.segments.length > 0)
    options.push({ keys: p.segments.map((s) => ['segment', s]), source: 'segments' });
  let best: { keys: Key[]; source: keyof typeof RULED_OUT } | null = null;
  for (const o of options)
    if (o.keys !== null && (best === null || o.keys.length < best.keys.length))
      best = { keys: o.keys, source: o.source };
  const [reason, message] = RULED_OUT[best?.source ?? 'condition'];
  const ruledOut: NotApplied = Object.freeze({ nro: p.nro, code: p.code, reason, message });
  const exists = p.condition?.kind === 'exists' ? sets.get(p.condition.set) : undefined;
  const checks = checksOf(p);
  const benefits = p.benefits.map((b) => compileBenefit(b, sets));
  const compiled: CompiledPromotion = Object.freeze({
    position,
    promotion: p,
    nro: p.nro,
    code: p.code,
    name: p.name,
    priority: p.priority,
    exclusive: p.exclusive,
    benefits,
    benefit: benefits.length === 1 ? benefits[0]! : null,
    sets,
    usesCoupons: usesCoupons(p.condition),
    ruledOut,
    simple: exists?.kind === 'item' && (checks & ~CHECK.condition) === 0 ? exists : null,
    checks,
  });
  return { compiled, keys: best?.keys ?? null };
}

/** Pure: compiles a map version's promotions (the limits and exclusions are read live by evaluate). */
export function buildCompiledMap(
  map: Pick<MapVersion, 'promotions'>,
  /** false: every promotion is a candidate of every basket (what the index must never change). */
  indexed = true,
): CompiledMap {
  const promotions: CompiledPromotion[] = [];
  const byKey: Keys = new Map();
  const always: number[] = [];
  const file = (attribute: string, value: string): number[] => {
    let values = byKey.get(attribute);
    if (!values) byKey.set(attribute, (values = new Map()));
    let list = values.get(value);
    if (!list) values.set(value, (list = []));
    return list;
  };
  map.promotions.forEach((p, i) => {
    const { compiled: c, keys } = compile(p, i);
    promotions.push(c);
    if (keys === null || !indexed) always.push(i);
    else
      for (const [attribute, value] of keys) {
        const list = file(attribute, value);
        if (list[list.length - 1] !== i) list.push(i);
      }
  });
  // Every value of an item set is an entry of the table (with no positions when it anchors nothing), so
  // that the basket's lines are found by entry: each line value is looked up once per evaluation.
  for (const c of promotions)
    for (const set of c.sets.values())
      if (set.kind === 'item' && set.attribute !== null) for (const v of set.list) file(set.attribute, v);
  const table = buildKeyTable(byKey);
  for (const c of promotions)
    for (const set of c.sets.values())
      if (set.kind === 'item' && set.attribute !== null) {
        const seed = attributeSeed(set.attribute);
        const entries = set.entries as number[];
        for (const v of set.list) entries.push(findKey(table, seed, set.attribute, v));
        if (entries.length === 1) (set as { entry: number }).entry = entries[0]!;
      }
  const notValid = promotions.map((c) =>
    Object.freeze({
      nro: c.promotion.nro,
      code: c.promotion.code,
      reason: 'MAP_NOT_VALID' as const,
      message: 'The map version is not valid at this date or store.',
    }),
  );
  // The arrays stay unfrozen (typed readonly): a frozen array leaves V8's fast elements, and evaluation
  // copies `ruledOut` with slice() on every call.
  return Object.freeze({
    promotions,
    byKey,
    always,
    table,
    byNro: new Map(promotions.map((c) => [c.promotion.nro, c])),
    ruledOut: promotions.map((c) => c.ruledOut),
    notValid,
  });
}

/** Memoised on the version's promotions (an immutable snapshot): live limits and exclusions may change. */
const compiledMaps = new WeakMap<readonly Promotion[], CompiledMap>();

/**
 * The compiled form of a map version, built once per promotions snapshot and immutable: a process that
 * keeps the snapshot (the active map) compiles it once; the evaluations after that reuse it.
 */
export function compileMap(map: Pick<MapVersion, 'promotions'>): CompiledMap {
  let compiled = compiledMaps.get(map.promotions);
  if (!compiled) {
    compiled = buildCompiledMap(map);
    compiledMaps.set(map.promotions, compiled);
  }
  return compiled;
}

/** The step of the map's algorithm each promotion belongs to (the first naming it), per algorithm. */
const stepsOf = new WeakMap<readonly EvaluationStep[], ReadonlyMap<string, number>>();
export function stepIndex(algorithm: readonly EvaluationStep[]): ReadonlyMap<string, number> {
  let index = stepsOf.get(algorithm);
  if (!index) {
    const built = new Map<string, number>();
    algorithm.forEach((s, i) => {
      for (const nro of s.promotions) if (!built.has(nro)) built.set(nro, i);
    });
    stepsOf.set(algorithm, (index = built));
  }
  return index;
}

/** The limits of each benefit, per limits list. */
const limitsOf = new WeakMap<readonly Limit[], ReadonlyMap<string, readonly Limit[]>>();
export function limitsByBenefit(limits: readonly Limit[]): ReadonlyMap<string, readonly Limit[]> {
  let index = limitsOf.get(limits);
  if (!index) {
    const built = new Map<string, Limit[]>();
    for (const l of limits) {
      const list = built.get(l.benefit);
      if (list) list.push(l);
      else built.set(l.benefit, [l]);
    }
    limitsOf.set(limits, (index = built));
  }
  return index;
}
