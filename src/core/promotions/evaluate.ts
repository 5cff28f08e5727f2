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
import { candidates } from './candidates.js';
import { compileMap, limitsByBenefit, stepIndex, type CompiledMap } from './map-index.js';
import type { MapVersion } from './model.js';
import { tryApply } from './try-apply.js';

const NO_COUPONS: ReadonlySet<string> = new Set();

const total = (l: readonly AppliedPromotion[], k: 'discount' | 'points') => l.reduce((s, x) => s + x[k], 0);
const better = (a: readonly AppliedPromotion[], b: readonly AppliedPromotion[]) =>
  total(a, 'discount') - total(b, 'discount') || total(a, 'points') - total(b, 'points');

const byPriority = (a: Eligible, b: Eligible) =>
  b.cp.priority - a.cp.priority || a.cp.position - b.cp.position;

/** What the algorithm made of the eligible promotions; each answer with its promotion's position. */
interface Run {
  applied: AppliedPromotion[];
  /** The position in the map of each applied promotion. */
  appliedAt: number[];
  refused: NotApplied[];
  refusedAt: number[];
  state: State;
}

/**
 * The promotions of an ALL step, one after the other on the basket as each leaves it. The lines' amounts are
 * copied once per run (by the first discount), then updated in place: the states before are dropped.
 */
function applyAll(members: readonly Eligible[], env: Env, start: State, out: Run): void {
  for (const m of members) {
    const r = tryApply(m, env, out.state, out.state.remaining !== start.remaining);
    if ('applied' in r) {
      out.applied.push(r.applied);
      out.appliedAt.push(m.cp.position);
      out.state = r.state;
    } else {
      out.refused.push(r);
      out.refusedAt.push(m.cp.position);
    }
  }
}

/** The map's algorithm over the eligible promotions: its steps in order, then a final ALL step. */
function run(list: Eligible[], env: Env, start: State): Run {
  const out: Run = { applied: [], appliedAt: [], refused: [], refusedAt: [], state: start };
  const algorithm = env.map.algorithm;
  if (algorithm.length === 0) {
    applyAll(list.sort(byPriority), env, start, out);
    return out;
  }
  const stepOf = stepIndex(algorithm);
  const bySteps = new Map<number, Eligible[]>();
  for (const e of list) {
    const s = stepOf.get(e.cp.nro) ?? algorithm.length;
    const members = bySteps.get(s);
    if (members) members.push(e);
    else bySteps.set(s, [e]);
  }
  for (const s of [...bySteps.keys()].sort((a, b) => a - b)) {
    const members = bySteps.get(s)!.sort(byPriority);
    if (s === algorithm.length || algorithm[s]!.fn === 'ALL') {
      applyAll(members, env, start, out);
      continue;
    }
    const state = out.state;
    const tried = members.map((m) => ({ m, r: tryApply(m, env, state) }));
    let best: { applied: AppliedPromotion; state: State } | null = null;
    let bestAt = -1;
    for (const t of tried)
      if ('applied' in t.r && (best === null || better([t.r.applied], [best.applied]) > 0)) {
        best = t.r;
        bestAt = t.m.cp.position;
      }
    for (const t of tried) {
      if (!('applied' in t.r)) out.refused.push(t.r);
      else if (t.r !== best)
        out.refused.push(
          no(t.m.cp, 'LOST_IN_STEP', `Its step applies one promotion only: ${best!.applied.nro} gives more.`),
        );
      else continue;
      out.refusedAt.push(t.m.cp.position);
    }
    if (best) {
      out.applied.push(best.applied);
      out.appliedAt.push(bestAt);
      out.state = best.state;
    }
  }
  return out;
}

/** The candidates' fate: the combinable promotions together, or the best exclusive one alone. */
function decide(compiled: CompiledMap, env: Env, instant: string, start: State, explain: Explain) {
  const answers = new Map<number, NotApplied>();
  const eligible: Eligible[] = [];
  const exclusive: Eligible[] = [];
  const considered = candidates(compiled, env.scan);
  for (const i of considered) {
    const e = eligibility(compiled.promotions[i]!, env, instant);
    if (!('cp' in e)) answers.set(i, e);
    else if (e.cp.exclusive) exclusive.push(e);
    else eligible.push(e);
  }
  const combinable = run(eligible, env, start);
  let winner: { applied: AppliedPromotion; state: State } | null = null;
  let winnerAt = -1;
  for (const e of exclusive) {
    const r = tryApply(e, env, start);
    if ('applied' in r) {
      if (winner === null || better([r.applied], [winner.applied]) > 0) {
        winner = r;
        winnerAt = e.cp.position;
      }
    } else answers.set(e.cp.position, r);
  }
  let applied: AppliedPromotion[];
  let appliedAt: number[];
  let state: State;
  if (winner && better([winner.applied], combinable.applied) > 0) {
    const w = winner.applied.nro;
    applied = [winner.applied];
    appliedAt = [winnerAt];
    state = winner.state;
    const losers = [
      ...combinable.appliedAt.map((position) => compiled.promotions[position]!),
      ...exclusive.map((e) => e.cp),
    ];
    for (const cp of losers)
      if (cp.position !== winnerAt && !answers.has(cp.position))
        answers.set(cp.position, no(cp, 'LOST_TO_EXCLUSIVE', `The exclusive promotion ${w} gives more.`));
  } else {
    applied = combinable.applied;
    appliedAt = combinable.appliedAt;
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
  for (let k = 0; k < combinable.refused.length; k++) {
    const position = combinable.refusedAt[k]!;
    if (!answers.has(position)) answers.set(position, combinable.refused[k]!);
  }
  return { applied, state, notApplied: notAppliedOf(compiled, considered, answers, appliedAt, explain) };
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
 * basket cannot trigger them) less the applied promotions, with this basket's candidates' answers.
 */
function notAppliedOf(
  compiled: CompiledMap,
  considered: readonly number[],
  answers: ReadonlyMap<number, NotApplied>,
  appliedAt: readonly number[],
  explain: Explain,
): NotApplied[] {
  if (explain === 'none') return [];
  // The applied positions in map order (a few): `considered` is in map order and holds them all.
  const gone = appliedAt.length < 2 ? appliedAt : appliedAt.slice().sort((a, b) => a - b);
  if (explain === 'candidates') {
    const out: NotApplied[] = [];
    let k = 0;
    for (const i of considered) {
      if (k < gone.length && gone[k] === i) {
        k++;
        continue;
      }
      const a = answers.get(i);
      if (a) out.push(a);
    }
    return out;
  }
  // One copy of the compiled answers (a basket cannot trigger them), the applied positions taken out in
  // place from the last (each a move of the entries after it: no second array of 10,000 to allocate), then
  // this basket's answers written at their places (shifted by the applied ones before them).
  const all = compiled.ruledOut.slice();
  for (let g = gone.length - 1; g >= 0; g--) all.splice(gone[g]!, 1);
  let k = 0;
  for (const i of considered) {
    if (k < gone.length && gone[k] === i) {
      k++;
      continue;
    }
    const a = answers.get(i);
    if (a) all[i - k] = a;
  }
  return all;
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
  const scan = scanBasket(basket, version?.compiled.table ?? null);
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
