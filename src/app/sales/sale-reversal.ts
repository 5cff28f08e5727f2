/**
 * What a return and a cancellation share: the ledger settings of the sale's program, the sale re-read
 * under its card's lock and read as planReversal wants it, and the card's balance after.
 */
import type { Kysely } from 'kysely';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { SaleLine } from '../../core/rules/index.js';
import type { ReversibleSale } from '../../core/sales/plan-reversal.js';
import { legacyReturnedLines, type ReturnedLines } from '../../core/sales/returned-lines.js';
import { parseStoredSalePlan } from '../../core/sales/stored-sale.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { DB } from '../../db/schema/index.js';
import type { Tx } from '../../db/transaction.js';
import { pointsBalance, type PointsBalance } from '../ledger/balance.js';
import type { MovementContext } from '../ledger/ledger-writer.js';

/** The ledger settings of the program of the sale's card (the defaults for a sale without a card). */
export async function ledgerProgramOfSale(db: Kysely<DB>, sale: sales.SaleRow): Promise<sales.LedgerProgram> {
  const programId = sale.card_id
    ? ((await db.selectFrom('cards').select('program_id').where('id', '=', sale.card_id).executeTakeFirst())
        ?.program_id ?? null)
    : null;
  return sales.loadLedgerProgram(db, programId);
}

/** The sale, re-read after the card lock so that its totals are the latest committed ones. */
export async function lockedSale(tx: Tx, merchantId: string, saleId: string): Promise<Result<sales.SaleRow>> {
  const first = await sales.findSale(tx, merchantId, saleId);
  if (!first) return fail('SALE_NOT_FOUND');
  if (first.card_id) await lockCard(tx, first.card_id);
  const sale = await sales.findSale(tx, merchantId, saleId);
  return sale ? ok(sale) : fail('SALE_NOT_FOUND');
}

/** The sale as planReversal reads it: its stored plan, lines, totals and what earlier returns took per line. */
export function reversibleSale(sale: sales.SaleRow): ReversibleSale {
  const plan = parseStoredSalePlan(sale.plan);
  const lines = JSON.parse(sale.lines) as SaleLine[];
  const returnedMinor = Number(sale.returned_minor);
  const returned: ReturnedLines = sale.returned_lines
    ? (JSON.parse(sale.returned_lines) as ReturnedLines)
    : legacyReturnedLines(lines, returnedMinor);
  return {
    plan,
    lines,
    totalMinor: Number(sale.total_minor),
    soldAt: sale.sold_at,
    cancelled: sale.status === 'cancelled',
    hasCard: sale.card_id !== null,
    earnedPoints: Number(sale.earned_points),
    reversedPoints: Number(sale.reversed_points),
    returnedMinor,
    returned,
    discountEarnedMinor:
      plan?.discountEarnedMinor ??
      (JSON.parse(sale.result) as { discountEarnedMinor?: number }).discountEarnedMinor ??
      0,
  };
}

/** The points balance of the sale's card at `now`, read in the transaction; null for a sale without one. */
export async function saleCardBalance(
  tx: Tx,
  sale: sales.SaleRow,
  now: string,
): Promise<PointsBalance | null> {
  const card = sale.card_id
    ? await tx.selectFrom('cards').select(['id', 'status']).where('id', '=', sale.card_id).executeTakeFirst()
    : undefined;
  return card ? pointsBalance(tx, card, now) : null;
}

/** The context of the movements that reverse a sale on its card: the sale's place, who reverses it, why. */
export function reversalContext(
  sale: sales.SaleRow,
  cardId: string,
  by: { merchantId: string; principalId: string; now: string; reason: string },
): MovementContext {
  return {
    merchantId: by.merchantId,
    cardId,
    now: by.now,
    saleId: sale.id,
    storeId: sale.store_id,
    terminalId: sale.terminal_id,
    principalId: by.principalId,
    reason: by.reason,
  };
}
