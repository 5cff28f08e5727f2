/**
 * Returns: they reverse what a sale did, never more (planReversal, from the sale's stored plan). A return
 * is idempotent on its receipt. Cancellations are in sale-cancel.ts.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { planReversal } from '../../core/sales/plan-reversal.js';
import { DuplicateError } from '../../db/errors.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import type { PointsBalance } from '../ledger/balance.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { hashBody } from './body-hash.js';
import { commitReversal } from './commit-reversal.js';
import { ledgerProgramOfSale, lockedSale, reversibleSale, saleCardBalance } from './sale-reversal.js';

export interface ReturnInput {
  receipt: string;
  /** Minor units returned; or give `lines`. */
  amount?: number | undefined;
  /** Lines of the sale returned (1-based lineNo), whole or for part of their amount. */
  lines?: { lineNo: number; amount?: number | undefined }[] | undefined;
}

export interface ReturnedPromotions {
  /** Promotion discount of the returned lines: the refund is the returned amount less this. */
  discount: number;
  points: number;
  limitsGivenBack: { limitId: string; amount: number }[];
  couponsVoided: string[];
  couponsRestored: string[];
}

export interface ReturnResult {
  returnId: string;
  saleId: string;
  receipt: string;
  amount: number;
  /** What this return took per purchase line (a return by amount is spread over the lines in proportion). */
  lines: { lineNo: number; amount: number }[];
  pointsReversed: number;
  /** Points that could not be taken back and were left as a negative balance ('allow'). */
  deficit: number;
  /** Points that could not be taken back and were waived ('cap_at_zero'). */
  waived: number;
  saleReturnedMinor: number;
  saleReversedPoints: number;
  /** What went back of the promotions the sale got (absent: the sale had no active map). */
  promotions?: ReturnedPromotions;
  balance: PointsBalance | null;
}

/** Replays a return already recorded under this receipt, or refuses other content. */
async function replayReturn(deps: Deps, saleId: string, receipt: string, hash: string) {
  const stored = await sales.findReturn(deps.db, saleId, receipt);
  if (!stored) return null;
  if (stored.body_hash !== hash) {
    return fail('SALE_ALREADY_SAVED', `Return receipt ${receipt} is already saved with other content.`);
  }
  return ok({ status: 200 as const, result: JSON.parse(stored.result) as ReturnResult });
}

/**
 * A full or partial return: load (the sale under its card's lock) → planReversal (pure) → commitReversal.
 * Points, the accrued discount and the promotions are taken back in proportion to what is returned
 * (reversal-promotions.ts states the rules); never more than the sale recorded, over any sequence.
 */
export async function returnSale(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  saleId: string,
  input: ReturnInput,
): Promise<Result<{ status: 200 | 201; result: ReturnResult }>> {
  const hash = hashBody(input);
  const known = await sales.findSale(deps.db, merchantId, saleId);
  if (!known) return fail('SALE_NOT_FOUND');
  const seen = await replayReturn(deps, saleId, input.receipt, hash);
  if (seen) return seen;
  const program = await ledgerProgramOfSale(deps.db, known);
  try {
    return await withUnitOfWork(deps, async ({ tx, now, newId, enqueue }) => {
      const locked = await lockedSale(tx, merchantId, saleId);
      if (!locked.ok) return locked;
      const sale = locked.value;
      const plan = planReversal(
        reversibleSale(sale),
        { kind: 'return', amount: input.amount, lines: input.lines },
        now,
      );
      if (!plan.ok) return plan;
      const p = plan.value;
      const returnId = newId('ret');
      await sales.insertReturn(tx, {
        id: returnId,
        merchant_id: merchantId,
        sale_id: sale.id,
        receipt: input.receipt,
        amount_minor: p.amount,
        points_reversed: p.points,
        body_hash: hash,
        result: '{}',
        created_at: now,
      });
      const done = await commitReversal(tx, sale, p, {
        merchantId,
        principalId: caller.principalId,
        now,
        reason: `return ${input.receipt}`,
        negativeBalance: program.negativeBalance,
      });
      if (!done.ok) return done;
      const result: ReturnResult = {
        returnId,
        saleId: sale.id,
        receipt: input.receipt,
        amount: p.amount,
        lines: p.lines,
        pointsReversed: p.points,
        deficit: done.value.deficit,
        waived: done.value.waived,
        saleReturnedMinor: p.returnedMinorAfter,
        saleReversedPoints: p.reversedPointsAfter,
        ...(p.promotions
          ? {
              promotions: {
                discount: p.promotions.discount,
                points: p.promotions.points,
                limitsGivenBack: p.promotions.limits.map((l) => ({ limitId: l.limitId, amount: l.amount })),
                couponsVoided: done.value.couponsVoided,
                couponsRestored: done.value.couponsRestored,
              },
            }
          : {}),
        balance: await saleCardBalance(tx, sale, now),
      };
      await sales.saveReturnResult(tx, returnId, JSON.stringify(result));
      await enqueue({
        merchantId,
        channel: 'webhook',
        event: 'sale.returned',
        data: {
          saleId: sale.id,
          returnId,
          receipt: input.receipt,
          customerId: sale.customer_id,
          amountMinor: p.amount,
          pointsReversed: p.points,
        },
      });
      return ok({ status: 201 as const, result });
    });
  } catch (error) {
    if (!(error instanceof DuplicateError) || deps.unitOfWork) throw error;
    const again = await replayReturn(deps, saleId, input.receipt, hash);
    if (again) return again;
    throw error;
  }
}
