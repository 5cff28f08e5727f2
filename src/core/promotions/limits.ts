/**
 * Limits of a benefit as caps for one basket: the subject each limit counts (the customer, the store, or the
 * retailer "-"), what is left of it at `now` (a counter past its reset counts from 0), and, once the benefit
 * is computed, what it consumes. The conditional write of the commit (`used + n <= max`) is the judge;
 * these caps only keep evaluation from offering what is already spent.
 */
import type { Basket, LimitState, LimitUse } from './basket.js';
import type { Caps, Grant } from './compute-benefit.js';
import type { Limit } from './model.js';

export type LimitCheck =
  | { ok: true; caps: Caps; limits: Limit[]; subjects: string[] }
  | { ok: false; reason: 'LIMIT_REACHED' | 'CUSTOMER_REQUIRED'; message: string };

export function limitSubject(limit: Limit, basket: Basket): string | null | 'skip' {
  if (limit.scope === 'retailer') return '-';
  if (limit.scope === 'store') {
    if (limit.storeCode !== null && limit.storeCode !== basket.storeCode) return 'skip';
    return basket.storeCode;
  }
  return basket.customerId;
}

export function usedNow(state: LimitState, limit: Limit, subject: string, now: string): number {
  const counter = state.get(`${limit.id}|${subject}`);
  if (!counter) return 0;
  return counter.nextReset !== null && counter.nextReset <= now ? 0 : counter.used;
}

export function checkLimits(
  limits: readonly Limit[],
  basket: Basket,
  state: LimitState,
  now: string,
  applications: number,
): LimitCheck {
  const caps: Caps = { applications, units: null, amount: null };
  const applying: Limit[] = [];
  const subjects: string[] = [];
  for (const limit of limits) {
    const subject = limitSubject(limit, basket);
    if (subject === 'skip') continue;
    if (subject === null)
      return {
        ok: false,
        reason: 'CUSTOMER_REQUIRED',
        message: 'A per-customer limit needs an identified customer.',
      };
    const left = limit.max - usedNow(state, limit, subject, now);
    if (left <= 0)
      return {
        ok: false,
        reason: 'LIMIT_REACHED',
        message: `Limit ${limit.id} (${limit.type}, max ${limit.max}) is reached.`,
      };
    if (limit.type === 'count') caps.applications = Math.min(caps.applications, left);
    if (limit.type === 'quantity') caps.units = Math.min(caps.units ?? Infinity, left * 1000);
    if (limit.type === 'amount') caps.amount = Math.min(caps.amount ?? Infinity, left);
    applying.push(limit);
    subjects.push(subject);
  }
  return { ok: true, caps, limits: applying, subjects };
}

/** What the grant consumes of each limit that applies (count: applications; quantity: units; amount: money or points). */
export function limitUses(check: Extract<LimitCheck, { ok: true }>, grant: Grant): LimitUse[] {
  return check.limits.map((limit, i) => ({
    limitId: limit.id,
    subject: check.subjects[i]!,
    amount:
      limit.type === 'count'
        ? grant.applications
        : limit.type === 'quantity'
          ? Math.ceil(grant.units / 1000)
          : grant.discount > 0
            ? grant.discount
            : grant.points,
    max: limit.max,
    periodDays: limit.periodDays,
    type: limit.type,
  }));
}
