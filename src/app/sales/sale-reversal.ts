/**
 * What a return and a cancellation share: the ledger settings of the sale's program, the sale re-read
 * under its card's lock, the share of the accumulated discount taken back, and the card's balance after.
 */
import type { Kysely } from 'kysely';
import { fail } from '../../core/error-catalog.js';
import { discountReturned as discountShare } from '../../core/sales/reversal-rules.js';
import { parseStoredSalePlan } from '../../core/sales/stored-sale.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { DB } from '../../db/schema/index.js';
import type { Tx } from '../../db/transaction.js';
import { pointsBalance, type PointsBalance } from '../ledger/balance.js';
import type { MovementContext } from '../ledger/ledger-writer.js';
import { Rollback } from '../result-transaction.js';

/** The ledger settings of the program of the sale's card (the defaults for a sale without a card). */
export async function ledgerProgramOfSale(db: Kysely<DB>, sale: sales.SaleRow): Promise<sales.LedgerProgram> {
  const programId = sale.card_id
    ? ((await db.selectFrom('cards').select('program_id').where('id', '=', sale.card_id).executeTakeFirst())
        ?.program_id ?? null)
    : null;
  return sales.loadLedgerProgram(db, programId);
}

/** The sale, re-read after the card lock so that its totals are the latest committed ones. */
export async function lockedSale(tx: Tx, merchantId: string, saleId: string, now: string) {
  const first = await sales.findSale(tx, merchantId, saleId);
  if (!first) throw new Rollback(fail('SALE_NOT_FOUND'));
  if (first.card_id) await lockCard(tx, first.card_id, now);
  const sale = await sales.findSale(tx, merchantId, saleId);
  if (!sale) throw new Rollback(fail('SALE_NOT_FOUND'));
  return sale;
}

/**
 * The part of the discount a sale accumulated that returns of `returned` (cumulative, minor units) take
 * back: in proportion, rounded down, all of it once the sale is fully returned (as pointsToReverse).
 */
export function discountReturned(sale: sales.SaleRow, returned: number): number {
  const earned =
    parseStoredSalePlan(sale.plan)?.discountEarnedMinor ??
    (JSON.parse(sale.result) as { discountEarnedMinor?: number }).discountEarnedMinor ??
    0;
  return discountShare(earned, Number(sale.total_minor), returned);
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
