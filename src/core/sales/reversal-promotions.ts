/**
 * What the returns of a sale take back of its promotions, as a function of the cumulative amounts returned
 * per line (returned-lines.ts). The rules, stated once:
 * - discount: each line's promotion discount is taken back in proportion to the part of the line returned
 *   (rounded down), all of it once the line is returned in full. The till refunds the returned amount less it.
 * - points: each promotion's points in proportion to the part of the lines it used that is returned (rounded
 *   down), all of them once those lines are returned in full (a promotion without lines: the whole sale).
 * - limits: quantity and amount limits are given back in the same proportion; count limits (applications)
 *   only once every line the promotion used is returned in full — one application is not divisible.
 * - coupons the sale issued: voided once the return removes the promotion's condition, which Tessera takes
 *   to be the moment any line the promotion used is returned in full (or the whole sale, for a promotion
 *   without lines). A coupon already redeemed stays redeemed.
 * - coupons the sale redeemed: restored only once every line the promotion used is returned in full.
 * Every target reaches exactly what the sale recorded when everything is returned, so no sequence of partial
 * returns takes back more than the sale recorded, and the partial returns add up to the full return.
 */
import type { SaleLine } from '../rules/index.js';
import { purchaseLines, type ReturnedLines } from './returned-lines.js';
import type { StoredPromotions } from './stored-sale.js';

export interface LimitGiveBack {
  limitId: string;
  subject: string;
  amount: number;
  nextReset: string | null;
}

export interface PromotionsTaken {
  /** Promotion discount of the returned lines, minor units. */
  discount: number;
  /** Promotion points taken back. */
  points: number;
  limits: LimitGiveBack[];
  couponsVoided: string[];
  couponsRestored: string[];
}

/** `value × part / whole`, rounded down, exactly `value` once `part` reaches `whole`. */
export function proportional(value: number, part: number, whole: number): number {
  if (value === 0 || part <= 0) return 0;
  if (part >= whole) return value;
  return Number((BigInt(value) * BigInt(part)) / BigInt(whole));
}

/** What returns totalling `returned` (cumulative, per line) take back of the sale's promotions. */
export function promotionsTakenAt(
  promotions: StoredPromotions,
  lines: readonly SaleLine[],
  returned: ReturnedLines,
): PromotionsTaken {
  const amounts = new Map(purchaseLines(lines).map((l) => [l.lineNo, l.amount]));
  const back = (lineNo: number) => Math.min(returned[lineNo] ?? 0, amounts.get(lineNo) ?? 0);
  const whole = (lineNo: number) => (amounts.get(lineNo) ?? 0) <= back(lineNo);
  const saleTotal = [...amounts.values()].reduce((s, a) => s + a, 0);
  const saleReturned = [...amounts.keys()].reduce((s, n) => s + back(n), 0);
  const discount = promotions.lineDiscounts.reduce(
    (s, d) => s + proportional(d.discount, back(d.lineNo), amounts.get(d.lineNo) ?? 0),
    0,
  );
  const taken: PromotionsTaken = { discount, points: 0, limits: [], couponsVoided: [], couponsRestored: [] };
  for (const a of promotions.applied) {
    const used = a.lines.filter((n) => amounts.has(n));
    const base = used.length > 0 ? used.reduce((s, n) => s + amounts.get(n)!, 0) : saleTotal;
    const part = used.length > 0 ? used.reduce((s, n) => s + back(n), 0) : saleReturned;
    const full = part >= base;
    const conditionGone = full || used.some(whole);
    taken.points += proportional(a.points, part, base);
    for (const l of a.limits) {
      const amount =
        (l.type ?? 'count') === 'count' ? (full ? l.amount : 0) : proportional(l.amount, part, base);
      taken.limits.push({ limitId: l.limitId, subject: l.subject, amount, nextReset: l.nextReset });
    }
    if (conditionGone) taken.couponsVoided.push(...a.couponsIssued);
    if (full) taken.couponsRestored.push(...a.couponsRedeemed);
  }
  return taken;
}

/** What one reversal takes: the targets after it less the targets before it. */
export function promotionsDelta(before: PromotionsTaken, after: PromotionsTaken): PromotionsTaken {
  const had = (list: string[]) => new Set(list);
  const voided = had(before.couponsVoided);
  const restored = had(before.couponsRestored);
  return {
    discount: after.discount - before.discount,
    points: after.points - before.points,
    limits: after.limits
      .map((l, i) => ({ ...l, amount: l.amount - (before.limits[i]?.amount ?? 0) }))
      .filter((l) => l.amount > 0),
    couponsVoided: after.couponsVoided.filter((c) => !voided.has(c)),
    couponsRestored: after.couponsRestored.filter((c) => !restored.has(c)),
  };
}
