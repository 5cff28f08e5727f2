/**
 * evaluate(basket, map, limits, now): pure and deterministic. Which promotions of the map apply to the
 * basket, what each grants (discount per line, points, coupons to issue, offers, messages) and on which
 * lines, and for every other promotion of the map why it did not apply. Rounding: a rate is rounded half to
 * even; a resume discount is prorated over its lines in proportion, the remainder to the largest line; the
 * line discounts of a promotion sum to its discount exactly, and never exceed what the line still costs.
 *
 * Cost: the map version is compiled once (map-index.ts); an evaluation scans its basket once, then touches
 * the candidate promotions only (those filed under the basket's keys); the answers of the others are a copy
 * of the compiled map's.
 */
import { mulDivHalfEven } from './arithmetic.js';
import type { AppliedPromotion, Basket, Evaluation, LimitState, NotApplied } from './basket.js';
import { scanBasket } from './basket-scan.js';
import { eligibility, no, type Eligible, type Env, type State } from './eligibility.js';
import { localTime } from './local-time.js';
import { candidates, compileMap, limitsByBenefit, stepIndex, type CompiledMap } from './map-index.js';
import type { MapVersion } from './model.js';
import { tryApply } from './try-apply.js';

const NO_COUPONS: ReadonlySet<string> = new Set();

const total = (l: readonly AppliedPromotion[], k: 'discount' | 'points') => l.reduce((s, x) => s + x[k], 0);
const better = (a: readonly AppliedPromotion[], b: readonly AppliedPromotion[]) =>
  total(a, 'discount') - total(b, 'discount') || total(a, 'points') - total(b, 'points');

const byPriority = (a: Eligible, b: Eligible) =>
  b.cp.promotion.priority - a.cp.promotion.priority || a.cp.position - b.cp.position;

/** The map's algorithm over the eligible promotions: its steps in order, then a final ALL step. */
function run(list: Eligible[], env: Env, start: State) {
  const applied: AppliedPromotion[] = [];
  const refused: NotApplied[] = [];
  let state = start;
  const algorithm = env.map.algorithm;
  const stepOf = stepIndex(algorithm);
  const bySteps = new Map<number, Eligible[]>();
  for (const e of list) {
    const s = stepOf.get(e.cp.promotion.nro) ?? algorithm.length;
    const members = bySteps.get(s);
    if (members) members.push(e);
    else bySteps.set(s, [e]);
  }
  for (const s of [...bySteps.keys()].sort((a, b) => a - b)) {
    const members = bySteps.get(s)!.sort(byPriority);
    if (s === algorithm.length || algorithm[s]!.fn === 'ALL') {
      for (const m of members) {
        const r = tryApply(m, env, state);
        if ('applied' in r) {
          applied.push(r.applied);
          state = r.state;
        } else refused.push(r);
      }
      continue;
    }
    const tried = members.map((m) => ({ m, r: tryApply(m, env, state) }));
    let best: { applied: AppliedPromotion; state: State } | null = null;
    for (const t of tried)
      if ('applied' in t.r && (best === null || better([t.r.applied], [best.applied]) > 0)) best = t.r;
    for (const t of tried) {
      if (!('applied' in t.r)) refused.push(t.r);
      else if (t.r !== best)
        refused.push(
          no(t.m.cp, 'LOST_IN_STEP', `Its step applies one promotion only: ${best!.applied.nro} gives more.`),
        );
    }
    if (best) {
      applied.push(best.applied);
      state = best.state;
    }
  }
  return { applied, refused, state };
}

/** The candidates' fate: the combinable promotions together, or the best exclusive one alone. */
function decide(compiled: CompiledMap, env: Env, instant: string, start: State, explain: Explain) {
  const answers = new Map<number, NotApplied>();
  const eligible: Eligible[] = [];
  const considered = candidates(compiled, env.scan);
  for (const i of considered) {
    const e = eligibility(compiled.promotions[i]!, env, instant);
    if ('cp' in e) eligible.push(e);
    else answers.set(i, e);
  }
  const exclusive = eligible.filter((e) => e.cp.promotion.exclusive);
  const combinable = run(
    eligible.filter((e) => !e.cp.promotion.exclusive),
    env,
    start,
  );
  let winner: { applied: AppliedPromotion; state: State } | null = null;
  for (const e of exclusive) {
    const r = tryApply(e, env, start);
    if ('applied' in r) {
      if (winner === null || better([r.applied], [winner.applied]) > 0) winner = r;
    } else answers.set(e.cp.position, r);
  }
  let applied: AppliedPromotion[];
  let state: State;
  if (winner && better([winner.applied], combinable.applied) > 0) {
    const w = winner.applied.nro;
    applied = [winner.applied];
    state = winner.state;
    const losers = [
      ...combinable.applied.map((a) => compiled.byNro.get(a.nro)!),
      ...exclusive.map((e) => e.cp),
    ];
    for (const cp of losers)
      if (cp.promotion.nro !== w && !answers.has(cp.position))
        answers.set(cp.position, no(cp, 'LOST_TO_EXCLUSIVE', `The exclusive promotion ${w} gives more.`));
  } else {
    applied = combinable.applied;
    state = combinable.state;
    for (const e of exclusive)
      if (!answers.has(e.cp.position))
        answers.set(
          e.cp.position,
          no(
            e.cp,
            'LOST_TO_EXCLUSIVE',
            'An exclusive promotion applies alone; the other promotions give more.',
          ),
        );
  }
  for (const r of combinable.refused) {
    const position = compiled.byNro.get(r.nro)!.position;
    if (!answers.has(position)) answers.set(position, r);
  }
  return { applied, state, notApplied: notAppliedOf(compiled, considered, answers, applied, explain) };
}

/**
 * Which promotions that did not apply an evaluation explains: `all` (the default) every promotion of the
 * map, `candidates` only those the index considered for this basket (the others cannot apply: their
 * condition, stores or segments name nothing the basket has), `none` none (a sale, which does not store
 * the reasons, skips building them).
 */
export type Explain = 'all' | 'candidates' | 'none';
export const EXPLAIN_MODES: readonly Explain[] = ['all', 'candidates', 'none'];

export interface EvaluateOptions {
  explain?: Explain;
}

/**
 * The answers of the promotions that did not apply, in map order. `all`: the compiled map's answers (a
 * basket cannot trigger them), overwritten by this basket's candidates' answers, less the applied ones.
 */
function notAppliedOf(
  compiled: CompiledMap,
  considered: readonly number[],
  answers: ReadonlyMap<number, NotApplied>,
  applied: readonly AppliedPromotion[],
  explain: Explain,
): NotApplied[] {
  if (explain === 'none') return [];
  if (explain === 'candidates') {
    const gone = new Set(applied.map((a) => a.nro));
    const out: NotApplied[] = [];
    for (const i of considered) {
      const a = answers.get(i);
      if (a && !gone.has(a.nro)) out.push(a);
    }
    return out;
  }
  const all: (NotApplied | null)[] = compiled.ruledOut.slice();
  for (const [position, answer] of answers) all[position] = answer;
  if (applied.length === 0) return all as NotApplied[];
  let first = all.length;
  for (const a of applied) {
    const position = compiled.byNro.get(a.nro)!.position;
    all[position] = null;
    if (position < first) first = position;
  }
  // One pass from the first applied position closes the gaps (cheaper than a splice per applied promotion).
  let n = first;
  for (let i = first; i < all.length; i++) if (all[i] !== null) all[n++] = all[i]!;
  all.length = n;
  return all as NotApplied[];
}

export function evaluate(
  basket: Basket,
  map: MapVersion | null,
  limitState: LimitState,
  now: string,
  options: EvaluateOptions = {},
): Evaluation {
  return evaluateCompiled(basket, map && { map, compiled: compileMap(map) }, limitState, now, options);
}

/** evaluate() with the map's compiled form given (compileMap(map), or any CompiledMap of the same map). */
export function evaluateCompiled(
  basket: Basket,
  version: { map: MapVersion; compiled: CompiledMap } | null,
  limitState: LimitState,
  now: string,
  options: EvaluateOptions = {},
): Evaluation {
  const explain = options.explain ?? 'all';
  const map = version?.map ?? null;
  const scan = scanBasket(basket);
  const gross = basket.lines.map((l, i) => mulDivHalfEven(l.unitPrice, scan.qm[i]!, 1000));
  let final: State = { remaining: gross, usedCoupons: NO_COUPONS };
  let applied: AppliedPromotion[] = [];
  let notApplied: NotApplied[] = [];
  if (version && map) {
    const { compiled } = version;
    const instant = new Date(basket.date).toISOString();
    const local = localTime(basket.date) ?? localTime(instant)!;
    const mapValid =
      instant >= map.startDate &&
      (map.endDate === null || instant <= map.endDate) &&
      (map.stores.length === 0 || map.stores.includes(basket.storeCode));
    if (!mapValid) {
      if (explain === 'all') notApplied = compiled.notValid.slice();
      else if (explain === 'candidates')
        notApplied = candidates(compiled, scan).map((i) => compiled.notValid[i]!);
    } else {
      const env: Env = {
        basket,
        map,
        limitState,
        now,
        local,
        scan,
        limitsByBenefit: limitsByBenefit(map.limits),
      };
      ({ applied, state: final, notApplied } = decide(compiled, env, instant, final, explain));
    }
  }
  const lines = basket.lines.map((l, index) => ({
    index,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: gross[index]! - final.remaining[index]!,
    total: final.remaining[index]!,
  }));
  const issue = new Map<string, number>();
  for (const a of applied)
    for (const c of a.coupons) issue.set(c.type, (issue.get(c.type) ?? 0) + c.quantity);
  return {
    mapVersion: map?.version ?? null,
    lines,
    promotions: applied,
    notApplied,
    totalDiscount: total(applied, 'discount'),
    points: total(applied, 'points'),
    couponsToIssue: [...issue]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([type, quantity]) => ({ type, quantity })),
  };
}
