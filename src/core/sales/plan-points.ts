/**
 * The points side of a sale: the debit of the points spent, the earning lot, and the settlement of a debt
 * the earning pays. With no points spent and no debt (most sales) it needs only the card's summary; else
 * it works on the card's open lots and the summary is computed again from the result.
 */
import { balanceCapProblem } from '../bounds.js';
import { fail, ok, type Result } from '../error-catalog.js';
import { allocateDebit, settleOverdraft, type Allocation, type Lot } from '../ledger/index.js';
import { summarizeLots, withEarnedLot, type CardSummary } from './card-summary.js';

export interface PlannedEarning {
  lotId: string;
  points: number;
  pendingUntil: string | null;
  expiresAt: string | null;
}

export interface PointsPlan {
  /** Allocations of the points spent (the redeem movement), nearest expiry first. */
  debit: Allocation[] | null;
  /** The earning lot as it is inserted (its remaining already net of a settlement). */
  earnLot: Lot | null;
  /** A debt paid by the earning: allocations taken from active lots and paid into overdraft lots. */
  settlement: { taken: Allocation[]; paid: Allocation[] } | null;
  /** Existing lots whose remaining changed, with the values they were read with. */
  lotChanges: { before: Lot; after: Lot }[];
  summary: CardSummary;
}

export interface PointsRequest {
  redeem: number;
  earning: PlannedEarning | null;
}

function earnedLot(e: PlannedEarning, now: string): Lot {
  return {
    id: e.lotId,
    amount: e.points,
    remaining: e.points,
    earnedAt: now,
    pendingUntil: e.pendingUntil,
    expiresAt: e.expiresAt,
    burnt: 0,
  };
}

/** True when the plan needs the card's lots (it spends points, or an earning must settle a debt). */
export function needsLots(summary: CardSummary, redeem: number): boolean {
  return redeem > 0 || summary.inDebt;
}

/** Points moves on a fresh summary; `lots` are the card's open lots, read when `needsLots` said so. */
export function planPoints(
  summary: CardSummary,
  lots: readonly Lot[] | null,
  request: PointsRequest,
  now: string,
): Result<PointsPlan> {
  if (request.earning) {
    const held = Math.max(0, summary.active) + summary.pending;
    const over = balanceCapProblem(held - request.redeem, request.earning.points);
    if (over) return fail('BALANCE_LIMIT_EXCEEDED', over);
  }
  if (!needsLots(summary, request.redeem)) {
    const lot = request.earning && request.earning.points > 0 ? earnedLot(request.earning, now) : null;
    return ok({
      debit: null,
      earnLot: lot,
      settlement: null,
      lotChanges: [],
      summary: lot ? withEarnedLot(summary, lot, now) : summary,
    });
  }
  if (lots === null) throw new Error('planPoints: the lots are needed to spend points or settle a debt');
  let current: Lot[] = [...lots];
  let debit: Allocation[] | null = null;
  if (request.redeem > 0) {
    const taken = allocateDebit(current, request.redeem, now);
    if (!taken.ok) {
      return fail(
        'INSUFFICIENT_POINTS',
        `The balance covers ${taken.available} points; ${request.redeem} were asked.`,
      );
    }
    debit = taken.allocations;
    current = taken.lots;
  }
  let earnLot: Lot | null = null;
  let settlement: PointsPlan['settlement'] = null;
  if (request.earning && request.earning.points > 0) {
    earnLot = earnedLot(request.earning, now);
    current = [...current, earnLot];
    if (current.some((l) => l.amount < 0 && l.remaining < 0)) {
      const settled = settleOverdraft(current, now);
      if (settled.settlements.length > 0) {
        settlement = { taken: settled.allocations, paid: settled.settlements };
        current = settled.lots;
        earnLot = current.find((l) => l.id === earnLot!.id) ?? earnLot;
      }
    }
  }
  const byId = new Map(lots.map((l) => [l.id, l]));
  const lotChanges = current.flatMap((after) => {
    const before = byId.get(after.id);
    return before && (before.remaining !== after.remaining || (before.burnt ?? 0) !== (after.burnt ?? 0))
      ? [{ before, after }]
      : [];
  });
  return ok({
    debit,
    earnLot,
    settlement,
    lotChanges,
    summary: { ...summary, ...summarizeLots(current, now) },
  });
}
