/**
 * evaluate(basket, map, limits, now): pure and deterministic. Which promotions of the map apply to the
 * basket, what each grants (discount per line, points, coupons to issue, offers, messages) and on which
 * lines, and for every other promotion of the map why it did not apply. Rounding: a rate is rounded half to
 * even; a resume discount is prorated over its lines in proportion, the remainder to the largest line; the
 * line discounts of a promotion sum to its discount exactly, and never exceed what the line still costs.
 */
import { mulDivHalfEven } from './arithmetic.js';
import type { AppliedPromotion, Basket, Evaluation, LimitState, NotApplied } from './basket.js';
import { computeBenefit, grantsSomething, type LineState } from './compute-benefit.js';
import { couponsNeeded, usableCoupon } from './conditions.js';
import { eligibility, no, type Eligible, type Env, type State } from './eligibility.js';
import { checkLimits, limitUses } from './limits.js';
import { localTime } from './local-time.js';
import { candidates, indexOf } from './map-index.js';
import { MESSAGE_ONLY_KINDS, type Limit, type MapVersion } from './model.js';

const messageOnly = new Set<string>(MESSAGE_ONLY_KINDS);

function tryApply(
  e: Eligible,
  env: Env,
  state: State,
): { applied: AppliedPromotion; state: State } | NotApplied {
  const { cp } = e;
  const p = cp.promotion;
  const used = new Set(state.usedCoupons);
  const redeemed: string[] = [];
  for (const type of couponsNeeded(p.condition)) {
    const barcode = usableCoupon(
      { basket: env.basket, local: env.local, sets: cp.sets, usedCoupons: used },
      type,
    );
    if (barcode === null)
      return no(cp, 'COUPON_REQUIRED', `The coupon of type ${type} is used by another promotion.`);
    used.add(barcode);
    redeemed.push(barcode);
  }
  const remaining = [...state.remaining];
  const applied: AppliedPromotion = {
    nro: p.nro,
    code: p.code,
    name: p.name,
    benefit: '',
    discount: 0,
    points: 0,
    coupons: [],
    lines: [],
    messages: [],
    lineDiscounts: [],
    couponsRedeemed: redeemed,
    limits: [],
    offers: [],
  };
  const kinds: string[] = [];
  const lines = new Set<number>();
  const perLine = new Map<number, number>();
  let refusal: NotApplied | null = null;
  for (const b of p.benefits) {
    const check = checkLimits(
      env.limitsByBenefit.get(b.nro) ?? [],
      env.basket,
      env.limitState,
      env.now,
      e.applications,
    );
    if (!check.ok) {
      refusal ??= no(cp, check.reason, check.message);
      continue;
    }
    const lineState: LineState = { qm: env.qm, remaining, cheapest: env.cheapest };
    const g = computeBenefit(b, cp.sets, env.basket, lineState, check.caps);
    if (!grantsSomething(g) && !messageOnly.has(b.kind)) continue;
    kinds.push(b.kind);
    for (const d of g.lineDiscounts) {
      if (d.discount === 0) continue;
      remaining[d.index] = remaining[d.index]! - d.discount;
      perLine.set(d.index, (perLine.get(d.index) ?? 0) + d.discount);
    }
    for (const i of g.lines) lines.add(i);
    applied.discount += g.discount;
    applied.points += g.points;
    applied.coupons.push(...g.coupons);
    applied.offers.push(...g.offers);
    applied.messages.push(...g.messages);
    applied.limits.push(...limitUses(check, g));
  }
  if (kinds.length === 0)
    return (
      refusal ?? no(cp, 'NOTHING_TO_GRANT', 'The condition holds but the benefits have nothing to apply to.')
    );
  applied.benefit = kinds.join('+');
  applied.lines = [...lines].sort((a, b) => a - b);
  applied.lineDiscounts = [...perLine]
    .sort((a, b) => a[0] - b[0])
    .map(([index, discount]) => ({ index, discount }));
  return { applied, state: { remaining, usedCoupons: used } };
}

const better = (a: AppliedPromotion[], b: AppliedPromotion[]) => {
  const sum = (l: AppliedPromotion[], k: 'discount' | 'points') => l.reduce((s, x) => s + x[k], 0);
  return sum(a, 'discount') - sum(b, 'discount') || sum(a, 'points') - sum(b, 'points');
};

function run(list: Eligible[], env: Env, start: State) {
  const applied: AppliedPromotion[] = [];
  const refused: NotApplied[] = [];
  let state = start;
  const byNro = new Map(list.map((e) => [e.cp.promotion.nro, e]));
  const done = new Set<string>();
  const steps = [
    ...env.map.algorithm,
    { fn: 'ALL' as const, promotions: list.map((e) => e.cp.promotion.nro) },
  ];
  for (const step of steps) {
    const members = step.promotions
      .filter((nro) => byNro.has(nro) && !done.has(nro))
      .map((nro) => byNro.get(nro)!)
      .sort((a, b) => b.cp.promotion.priority - a.cp.promotion.priority || a.cp.position - b.cp.position);
    for (const m of members) done.add(m.cp.promotion.nro);
    if (step.fn === 'ALL') {
      for (const m of members) {
        const r = tryApply(m, env, state);
        if ('applied' in r) {
          applied.push(r.applied);
          state = r.state;
        } else refused.push(r);
      }
      continue;
    }
    let best: { applied: AppliedPromotion; state: State } | null = null;
    const tried: { m: Eligible; r: ReturnType<typeof tryApply> }[] = members.map((m) => ({
      m,
      r: tryApply(m, env, state),
    }));
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

function cheapestOrder(basket: Basket, qm: number[]): number[] {
  return [...basket.lines.keys()].sort((a, b) => {
    const x = basket.lines[a]!;
    const y = basket.lines[b]!;
    return (
      x.unitPrice - y.unitPrice || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0) || qm[a]! - qm[b]! || a - b
    );
  });
}

export function evaluate(
  basket: Basket,
  map: MapVersion | null,
  limitState: LimitState,
  now: string,
): Evaluation {
  const qm = basket.lines.map((l) => Math.round(l.quantity * 1000));
  const gross = basket.lines.map((l, i) => mulDivHalfEven(l.unitPrice, qm[i]!, 1000));
  const start: State = { remaining: [...gross], usedCoupons: new Set() };
  let applied: AppliedPromotion[] = [];
  const notApplied: NotApplied[] = [];
  let final = start;
  if (map) {
    const index = indexOf(map);
    const instant = new Date(basket.date).toISOString();
    const local = localTime(basket.date) ?? localTime(instant)!;
    const mapValid =
      instant >= map.startDate &&
      (map.endDate === null || instant <= map.endDate) &&
      (map.stores.length === 0 || map.stores.includes(basket.storeCode));
    const limitsByBenefit = new Map<string, Limit[]>();
    for (const l of map.limits)
      limitsByBenefit.set(l.benefit, [...(limitsByBenefit.get(l.benefit) ?? []), l]);
    const env: Env = {
      basket,
      map,
      limitState,
      now,
      local,
      qm,
      cheapest: cheapestOrder(basket, qm),
      limitsByBenefit,
    };
    const answers = new Map<number, NotApplied>();
    const eligible: Eligible[] = [];
    if (mapValid)
      for (const i of candidates(index, basket)) {
        const e = eligibility(index.compiled[i]!, env, instant);
        if ('cp' in e) eligible.push(e);
        else answers.set(i, e);
      }
    const combinable = run(
      eligible.filter((e) => !e.cp.promotion.exclusive),
      env,
      start,
    );
    let winner: { applied: AppliedPromotion; state: State } | null = null;
    for (const e of eligible.filter((x) => x.cp.promotion.exclusive)) {
      const r = tryApply(e, env, start);
      if ('applied' in r) {
        if (winner === null || better([r.applied], [winner.applied]) > 0) winner = r;
      } else answers.set(e.cp.position, r);
    }
    if (winner && better([winner.applied], combinable.applied) > 0) {
      applied = [winner.applied];
      final = winner.state;
      for (const a of [
        ...combinable.applied,
        ...eligible.filter((e) => e.cp.promotion.exclusive).map((e) => e.cp.promotion),
      ])
        if (a.nro !== winner.applied.nro && !answers.has(index.byNro.get(a.nro)!.position))
          answers.set(
            index.byNro.get(a.nro)!.position,
            no(
              index.byNro.get(a.nro)!,
              'LOST_TO_EXCLUSIVE',
              `The exclusive promotion ${winner.applied.nro} gives more.`,
            ),
          );
    } else {
      applied = combinable.applied;
      final = combinable.state;
      for (const e of eligible)
        if (e.cp.promotion.exclusive && !answers.has(e.cp.position))
          answers.set(
            e.cp.position,
            no(
              e.cp,
              'LOST_TO_EXCLUSIVE',
              'An exclusive promotion applies alone; the other promotions give more.',
            ),
          );
    }
    for (const r of combinable.refused)
      answers.set(index.byNro.get(r.nro)!.position, answers.get(index.byNro.get(r.nro)!.position) ?? r);
    const appliedNros = new Set(applied.map((a) => a.nro));
    for (const cp of index.compiled) {
      if (appliedNros.has(cp.promotion.nro)) continue;
      if (!mapValid)
        notApplied.push(no(cp, 'MAP_NOT_VALID', 'The map version is not valid at this date or store.'));
      else notApplied.push(answers.get(cp.position) ?? cp.ruledOut);
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
    totalDiscount: applied.reduce((s, a) => s + a.discount, 0),
    points: applied.reduce((s, a) => s + a.points, 0),
    couponsToIssue: [...issue]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([type, quantity]) => ({ type, quantity })),
  };
}
