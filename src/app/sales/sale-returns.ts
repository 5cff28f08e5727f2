/**
 * Returns: they reverse what a sale did, never more. A return takes back points in proportion to the
 * cumulative returned amount (pointsToReverse) and the matching share of the accumulated discount. A
 * return is idempotent on its receipt. Cancellations are in sale-cancel.ts.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { pointsToReverse } from '../../core/ledger/index.js';
import type { SaleLine } from '../../core/rules/index.js';
import { DuplicateError } from '../../db/errors.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import type { PointsBalance } from '../ledger/balance.js';
import { hashBody } from './body-hash.js';
import { reclaimEarned } from '../ledger/ledger-writer.js';
import { inTransactionResult, Rollback } from '../result-transaction.js';
import { reversalEvent } from './sale-events.js';
import {
  discountReturned,
  ledgerProgramOfSale,
  lockedSale,
  reversalContext,
  saleCardBalance,
} from './sale-reversal.js';

export interface ReturnInput {
  receipt: string;
  /** Minor units returned; or give `lines`. */
  amount?: number | undefined;
  /** Lines of the sale returned (1-based lineNo), whole or for part of their amount. */
  lines?: { lineNo: number; amount?: number | undefined }[] | undefined;
}

export interface ReturnResult {
  returnId: string;
  saleId: string;
  receipt: string;
  amount: number;
  pointsReversed: number;
  /** Points that could not be taken back and were left as a negative balance ('allow'). */
  deficit: number;
  /** Points that could not be taken back and were waived ('cap_at_zero'). */
  waived: number;
  saleReturnedMinor: number;
  saleReversedPoints: number;
  balance: PointsBalance | null;
}

function returnAmount(sale: sales.SaleRow, input: ReturnInput): Result<number> {
  if (input.amount !== undefined && input.lines !== undefined) {
    return fail('VALIDATION_FAILED', 'Give amount or lines, not both.');
  }
  if (input.amount !== undefined) return ok(input.amount);
  if (input.lines === undefined || input.lines.length === 0) {
    return fail('VALIDATION_FAILED', 'Give the returned amount or lines.');
  }
  const lines = JSON.parse(sale.lines) as SaleLine[];
  let total = 0;
  for (const ret of input.lines) {
    const line = lines.find((l) => l.lineNo === ret.lineNo);
    if (!line || line.operation !== 'purchase') {
      return fail('RETURN_EXCEEDS_SALE', `Line ${ret.lineNo} is not a purchase line of the sale.`);
    }
    const amount = ret.amount ?? line.amount;
    if (amount > line.amount) return fail('RETURN_EXCEEDS_SALE', `Line ${ret.lineNo} is ${line.amount}.`);
    total += amount;
  }
  return ok(total);
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

/** A full or partial return. Points taken back never exceed what the sale earned, over any sequence. */
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
    return await inTransactionResult(deps, async (tx) => {
      const now = deps.now().toISOString();
      const sale = await lockedSale(tx, merchantId, saleId, now);
      if (sale.status === 'cancelled') throw new Rollback(fail('SALE_CANCELLED'));
      const amount = returnAmount(sale, input);
      if (!amount.ok) throw new Rollback(amount);
      const earned = Number(sale.earned_points);
      const reversed = Number(sale.reversed_points);
      const returned = Number(sale.returned_minor);
      const points = pointsToReverse({
        earnedBySale: earned,
        alreadyReversed: reversed,
        saleAmount: Number(sale.total_minor),
        returnedAmountSoFar: returned,
        returnAmount: amount.value,
      });
      if (!points.ok) {
        throw new Rollback(
          fail('RETURN_EXCEEDS_SALE', `At most ${points.returnable} can still be returned on this sale.`),
        );
      }
      const returnId = newId('ret');
      await sales.insertReturn(tx, {
        id: returnId,
        merchant_id: merchantId,
        sale_id: sale.id,
        receipt: input.receipt,
        amount_minor: amount.value,
        points_reversed: points.points,
        body_hash: hash,
        result: '{}',
        created_at: now,
      });
      let deficit = 0;
      let waived = 0;
      if (sale.card_id && points.points > 0) {
        const reclaim = await reclaimEarned(
          tx,
          reversalContext(sale, sale.card_id, {
            merchantId,
            principalId: caller.principalId,
            now,
            reason: `return ${input.receipt}`,
          }),
          await sales.saleLotIds(tx, sale.id),
          points.points,
          program.negativeBalance,
        );
        deficit = reclaim.deficit;
        waived = reclaim.waived;
      }
      if (sale.card_id) {
        const discount = discountReturned(sale, returned + amount.value) - discountReturned(sale, returned);
        await sales.addCardDiscount(tx, sale.card_id, -discount);
      }
      await sales.updateSaleReversal(tx, sale, {
        returned_minor: returned + amount.value,
        reversed_points: reversed + points.points,
      });
      const result: ReturnResult = {
        returnId,
        saleId: sale.id,
        receipt: input.receipt,
        amount: amount.value,
        pointsReversed: points.points,
        deficit,
        waived,
        saleReturnedMinor: returned + amount.value,
        saleReversedPoints: reversed + points.points,
        balance: await saleCardBalance(tx, sale, now),
      };
      await sales.saveReturnResult(tx, returnId, JSON.stringify(result));
      await reversalEvent(tx, now, merchantId, 'sale.returned', {
        saleId: sale.id,
        returnId,
        receipt: input.receipt,
        customerId: sale.customer_id,
        amountMinor: amount.value,
        pointsReversed: points.points,
      });
      return { status: 201 as const, result };
    });
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const again = await replayReturn(deps, saleId, input.receipt, hash);
    if (again) return again;
    throw error;
  }
}
