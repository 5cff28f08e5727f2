/**
 * Planning a return or a cancellation, pure: from the sale as stored (its plan, its lines, what earlier
 * returns took) and the request, what this reversal takes back — the amount per line, the points, the share
 * of the discount the card accrued, and of the promotions (reversal-promotions.ts). `commitReversal` writes
 * it with conditional statements. Every amount is the target at the cumulative returned amounts less the
 * target before, so a reversal never takes back more than the sale recorded.
 */
import { fail, ok, type Result } from '../error-catalog.js';
import type { SaleLine } from '../rules/index.js';
import {
  addReturned,
  allReturned,
  purchaseLines,
  returnedByThisReturn,
  type ReturnedLines,
  type ReturnRequestLines,
} from './returned-lines.js';
import {
  promotionsDelta,
  promotionsTakenAt,
  proportional,
  type PromotionsTaken,
} from './reversal-promotions.js';
import { cancelWindowOpen, discountReturned } from './reversal-rules.js';
import type { StoredSalePlan } from './stored-sale.js';

const DAY = 86_400_000;

/** A sale as its reversal reads it (under the card's lock). */
export interface ReversibleSale {
  plan: StoredSalePlan | null;
  lines: readonly SaleLine[];
  totalMinor: number;
  soldAt: string;
  cancelled: boolean;
  hasCard: boolean;
  earnedPoints: number;
  reversedPoints: number;
  returnedMinor: number;
  /** Cumulative per line (legacyReturnedLines for returns recorded before they were kept per line). */
  returned: ReturnedLines;
  /** The discount the sale accrued on the card (legacy sales: read from their answer). */
  discountEarnedMinor: number;
}

export type ReversalInput =
  ({ kind: 'return' } & ReturnRequestLines) | { kind: 'cancel'; cancelWindowHours: number };

export interface ReversalPlan {
  kind: 'return' | 'cancel';
  /** Minor units returned by this reversal, and per line. */
  amount: number;
  lines: { lineNo: number; amount: number }[];
  returnedAfter: ReturnedLines;
  returnedMinorAfter: number;
  /** Earned points to take back (from the sale's lots first). */
  points: number;
  reversedPointsAfter: number;
  /** The part of the discount the card accrued that goes back. */
  accruedDiscount: number;
  /** What goes back of the promotions; limits and coupons only within the map's validity-after-void. */
  promotions: (PromotionsTaken & { withinValidity: boolean }) | null;
}

function sum(r: ReturnedLines): number {
  return Object.values(r).reduce((s, a) => s + a, 0);
}

/**
 * Points taken back at `returned`: the program's points in proportion to the sale's returned amount, the
 * promotions' points as reversal-promotions.ts says (`promotionTarget`), all of them once all is returned.
 */
function pointsTarget(sale: ReversibleSale, returned: ReturnedLines, promotionTarget: number): number {
  // A sale of amount 0 counts as fully returned by any return (of 0), as pointsToReverse has it.
  if (sum(returned) >= sale.totalMinor) return sale.earnedPoints;
  const recorded = sale.hasCard ? Math.min(sale.plan?.promotions?.points ?? 0, sale.earnedPoints) : 0;
  const fromRules = sale.earnedPoints - recorded;
  const target =
    proportional(fromRules, sum(returned), sale.totalMinor) + Math.min(promotionTarget, recorded);
  return Math.min(sale.earnedPoints, target);
}

export function planReversal(sale: ReversibleSale, input: ReversalInput, now: string): Result<ReversalPlan> {
  if (sale.cancelled) return fail('SALE_CANCELLED');
  if (input.kind === 'cancel' && !cancelWindowOpen(sale.soldAt, input.cancelWindowHours, now)) {
    return fail('CANCEL_WINDOW_PASSED', `Sales can be cancelled within ${input.cancelWindowHours} hours.`);
  }
  const before = sale.returned;
  let taken: { lineNo: number; amount: number }[];
  if (input.kind === 'return') {
    const asked = returnedByThisReturn(sale.lines, before, input);
    if (!asked.ok) return asked;
    taken = asked.value;
  } else {
    const all = allReturned(sale.lines);
    taken = purchaseLines(sale.lines)
      .map((l) => ({ lineNo: l.lineNo, amount: (all[l.lineNo] ?? 0) - (before[l.lineNo] ?? 0) }))
      .filter((t) => t.amount > 0);
  }
  const after = addReturned(before, taken);
  const amount = taken.reduce((s, t) => s + t.amount, 0);
  const returnedMinorAfter = input.kind === 'cancel' ? sale.returnedMinor : sale.returnedMinor + amount;

  const stored = sale.plan?.promotions ?? null;
  const takenBefore = stored ? promotionsTakenAt(stored, sale.lines, before) : null;
  const takenAfter = stored ? promotionsTakenAt(stored, sale.lines, after) : null;
  const delta = takenBefore && takenAfter ? promotionsDelta(takenBefore, takenAfter) : null;
  const within = stored ? Date.parse(now) <= Date.parse(sale.soldAt) + stored.validityAfterVoid * DAY : false;

  const points =
    input.kind === 'cancel'
      ? sale.earnedPoints - sale.reversedPoints
      : Math.max(0, pointsTarget(sale, after, takenAfter?.points ?? 0) - sale.reversedPoints);
  const accrued = (returned: number) => discountReturned(sale.discountEarnedMinor, sale.totalMinor, returned);
  const accruedDiscount =
    input.kind === 'cancel'
      ? accrued(sale.totalMinor) - accrued(sale.returnedMinor)
      : accrued(sale.returnedMinor + amount) - accrued(sale.returnedMinor);
  return ok({
    kind: input.kind,
    amount,
    lines: taken,
    returnedAfter: after,
    returnedMinorAfter,
    points,
    reversedPointsAfter: sale.reversedPoints + points,
    accruedDiscount,
    promotions: delta
      ? {
          ...delta,
          withinValidity: within,
          limits: within ? delta.limits : [],
          couponsVoided: within ? delta.couponsVoided : [],
          couponsRestored: within ? delta.couponsRestored : [],
        }
      : null,
  });
}
