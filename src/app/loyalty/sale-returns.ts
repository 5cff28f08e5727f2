/**
 * Returns and cancellations: they reverse what a sale did, never more. A return takes back points in
 * proportion to the cumulative returned amount (pointsToReverse); a cancellation takes back everything
 * still earned, gives back the points the sale spent and restores its vouchers. Both are idempotent.
 */
import { encodeCursor, decodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { pointsToReverse } from '../../core/ledger/index.js';
import type { SaleLine } from '../../core/rules/index.js';
import { DuplicateError } from '../../db/errors.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import { pointsBalance, type PointsBalance } from './balance.js';
import { reclaimEarned, reverseDebit } from './ledger-writer.js';
import { restoreVouchersForSale } from './sale-vouchers.js';
import { hashBody, inTransactionResult, Rollback } from './post-sale.js';

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

export interface SaleView {
  id: string;
  receipt: string;
  storeId: string;
  terminalId: string | null;
  seller: string | null;
  cardId: string | null;
  customerId: string | null;
  date: string;
  totalMinor: number;
  status: string;
  earnedPoints: number;
  redeemedPoints: number;
  reversedPoints: number;
  returnedMinor: number;
  lines: SaleLine[];
  createdAt: string;
}

export function saleView(row: sales.SaleRow): SaleView {
  return {
    id: row.id,
    receipt: row.receipt,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    seller: row.seller,
    cardId: row.card_id,
    customerId: row.customer_id,
    date: row.sold_at,
    totalMinor: Number(row.total_minor),
    status: row.status,
    earnedPoints: Number(row.earned_points),
    redeemedPoints: Number(row.redeemed_points),
    reversedPoints: Number(row.reversed_points),
    returnedMinor: Number(row.returned_minor),
    lines: JSON.parse(row.lines) as SaleLine[],
    createdAt: row.created_at,
  };
}

export async function getSale(deps: Deps, merchantId: string, id: string): Promise<Result<SaleView>> {
  const row = await sales.findSale(deps.db, merchantId, id);
  return row ? ok(saleView(row)) : fail('SALE_NOT_FOUND');
}

export async function listSales(
  deps: Deps,
  merchantId: string,
  query: { cardNumber?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Result<{ data: SaleView[]; nextCursor: string | null }>> {
  let cardId: string | undefined;
  if (query.cardNumber !== undefined) {
    const card = await findCardByNumber(deps.db, merchantId, query.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    cardId = card.id;
  }
  let before: string | undefined;
  if (query.cursor !== undefined) {
    before = decodeCursor(query.cursor);
    if (before === undefined) return fail('INVALID_CURSOR');
  }
  const rows = await sales.listSales(deps.db, merchantId, { cardId, before, limit: query.limit + 1 });
  const data = rows.slice(0, query.limit).map(saleView);
  const last = data.at(-1);
  return ok({ data, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null });
}

/** Numbers of the vouchers a sale used and has not given back yet. */
async function restoredVoucherNumbers(tx: Tx, saleId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('voucher_uses')
    .innerJoin('vouchers', 'vouchers.id', 'voucher_uses.voucher_id')
    .select('vouchers.number')
    .where('voucher_uses.sale_id', '=', saleId)
    .where('voucher_uses.restored_at', 'is', null)
    .orderBy('vouchers.number')
    .execute();
  return rows.map((r) => r.number);
}

/** The sale, re-read after the card lock so that its totals are the latest committed ones. */
async function lockedSale(tx: Tx, merchantId: string, saleId: string, now: string) {
  const first = await sales.findSale(tx, merchantId, saleId);
  if (!first) throw new Rollback(fail('SALE_NOT_FOUND'));
  if (first.card_id) await lockCard(tx, first.card_id, now);
  const sale = await sales.findSale(tx, merchantId, saleId);
  if (!sale) throw new Rollback(fail('SALE_NOT_FOUND'));
  return sale;
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

/**
 * The part of the discount a sale accumulated that returns of `returned` (cumulative, minor units) take
 * back: in proportion, rounded down, all of it once the sale is fully returned (as pointsToReverse).
 */
function discountReturned(sale: sales.SaleRow, returned: number): number {
  const earned = (JSON.parse(sale.result) as { discountEarnedMinor?: number }).discountEarnedMinor ?? 0;
  const total = Number(sale.total_minor);
  if (earned === 0) return 0;
  if (returned >= total) return earned;
  return Number((BigInt(earned) * BigInt(returned)) / BigInt(total));
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
  const program = await sales.loadLedgerProgram(
    deps.db,
    known.card_id
      ? ((
          await deps.db
            .selectFrom('cards')
            .select('program_id')
            .where('id', '=', known.card_id)
            .executeTakeFirst()
        )?.program_id ?? null)
      : null,
  );
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
          {
            merchantId,
            cardId: sale.card_id,
            now,
            saleId: sale.id,
            storeId: sale.store_id,
            terminalId: sale.terminal_id,
            principalId: caller.principalId,
            reason: `return ${input.receipt}`,
          },
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
      const card = sale.card_id
        ? await tx
            .selectFrom('cards')
            .select(['id', 'status'])
            .where('id', '=', sale.card_id)
            .executeTakeFirst()
        : undefined;
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
        balance: card ? await pointsBalance(tx, card, now) : null,
      };
      await sales.saveReturnResult(tx, returnId, JSON.stringify(result));
      return { status: 201 as const, result };
    });
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const again = await replayReturn(deps, saleId, input.receipt, hash);
    if (again) return again;
    throw error;
  }
}

export interface CancelResult {
  saleId: string;
  status: 'cancelled';
  pointsReversed: number;
  pointsRestored: number;
  vouchersRestored: string[];
  balance: PointsBalance | null;
}

/** Voids a whole sale within the program's cancel window. A second cancel is SALE_CANCELLED. */
export async function cancelSale(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  saleId: string,
): Promise<Result<CancelResult>> {
  const known = await sales.findSale(deps.db, merchantId, saleId);
  if (!known) return fail('SALE_NOT_FOUND');
  const programId = known.card_id
    ? ((
        await deps.db
          .selectFrom('cards')
          .select('program_id')
          .where('id', '=', known.card_id)
          .executeTakeFirst()
      )?.program_id ?? null)
    : null;
  const program = await sales.loadLedgerProgram(deps.db, programId);
  return inTransactionResult(deps, async (tx) => {
    const nowDate = deps.now();
    const now = nowDate.toISOString();
    const sale = await lockedSale(tx, merchantId, saleId, now);
    if (sale.status === 'cancelled') throw new Rollback(fail('SALE_CANCELLED'));
    const deadline = new Date(sale.sold_at).getTime() + program.cancelWindowHours * 3_600_000;
    if (nowDate.getTime() > deadline) {
      throw new Rollback(
        fail('CANCEL_WINDOW_PASSED', `Sales can be cancelled within ${program.cancelWindowHours} hours.`),
      );
    }
    const earned = Number(sale.earned_points);
    const reversed = Number(sale.reversed_points);
    const toReclaim = earned - reversed;
    let pointsRestored = 0;
    if (sale.card_id) {
      const ctx = {
        merchantId,
        cardId: sale.card_id,
        now,
        saleId: sale.id,
        storeId: sale.store_id,
        terminalId: sale.terminal_id,
        principalId: caller.principalId,
        reason: 'cancel',
      };
      const redeem = await sales.redeemMovementOf(tx, sale.id);
      if (redeem) pointsRestored = (await reverseDebit(tx, ctx, redeem.id)).points;
      if (toReclaim > 0) {
        await reclaimEarned(tx, ctx, await sales.saleLotIds(tx, sale.id), toReclaim, program.negativeBalance);
      }
    }
    const vouchersRestored = await restoredVoucherNumbers(tx, sale.id);
    await restoreVouchersForSale(tx, sale.id, now);
    if (sale.card_id) {
      const returned = Number(sale.returned_minor);
      const discount = discountReturned(sale, Number(sale.total_minor)) - discountReturned(sale, returned);
      await sales.addCardDiscount(tx, sale.card_id, -discount);
    }
    await sales.updateSaleReversal(tx, sale, {
      returned_minor: Number(sale.returned_minor),
      reversed_points: earned,
      status: 'cancelled',
    });
    const card = sale.card_id
      ? await tx
          .selectFrom('cards')
          .select(['id', 'status'])
          .where('id', '=', sale.card_id)
          .executeTakeFirst()
      : undefined;
    return {
      saleId: sale.id,
      status: 'cancelled' as const,
      pointsReversed: toReclaim,
      pointsRestored,
      vouchersRestored,
      balance: card ? await pointsBalance(tx, card, now) : null,
    };
  });
}
