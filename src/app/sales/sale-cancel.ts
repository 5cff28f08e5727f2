/**
 * Cancelling a sale within the program's cancel window: it takes back everything the sale still earned,
 * gives back the points it spent, restores its vouchers and its share of the discount. A second cancel is
 * SALE_CANCELLED.
 */
import { reverseGodfatherReward } from './sponsor-reward.js';
import { fail, type Result } from '../../core/error-catalog.js';
import { cancelWindowOpen } from '../../core/sales/reversal-rules.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Caller, Deps } from '../context.js';
import type { PointsBalance } from '../ledger/balance.js';
import { reclaimEarned, reverseDebit } from '../ledger/ledger-writer.js';
import { inTransactionResult, Rollback } from '../result-transaction.js';
import { reversalEvent } from './sale-events.js';
import {
  discountReturned,
  ledgerProgramOfSale,
  lockedSale,
  reversalContext,
  saleCardBalance,
} from './sale-reversal.js';
import { restoreVouchersForSale } from './sale-vouchers.js';
import { revertSalePromotions } from '../promotions/revert-promotions.js';
import { reverseSaleWallet } from './sale-wallet.js';

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
  const program = await ledgerProgramOfSale(deps.db, known);
  return inTransactionResult(deps, async (tx) => {
    const nowDate = deps.now();
    const now = nowDate.toISOString();
    const sale = await lockedSale(tx, merchantId, saleId, now);
    if (sale.status === 'cancelled') throw new Rollback(fail('SALE_CANCELLED'));
    if (!cancelWindowOpen(sale.sold_at, program.cancelWindowHours, now)) {
      throw new Rollback(
        fail('CANCEL_WINDOW_PASSED', `Sales can be cancelled within ${program.cancelWindowHours} hours.`),
      );
    }
    const earned = Number(sale.earned_points);
    const reversed = Number(sale.reversed_points);
    const toReclaim = earned - reversed;
    let pointsRestored = 0;
    if (sale.card_id) {
      const ctx = reversalContext(sale, sale.card_id, {
        merchantId,
        principalId: caller.principalId,
        now,
        reason: 'cancel',
      });
      const wallet = await reverseSaleWallet(tx, ctx, sale.id);
      if (!wallet.ok) throw new Rollback(wallet);
      const redeem = await sales.redeemMovementOf(tx, sale.id);
      if (redeem) {
        const restored = await reverseDebit(tx, ctx, redeem.id, Math.max(0, toReclaim));
        if (!restored.ok) throw new Rollback(restored);
        pointsRestored = restored.value.points;
      }
      if (toReclaim > 0) {
        await reclaimEarned(tx, ctx, await sales.saleLotIds(tx, sale.id), toReclaim, program.negativeBalance);
      }
    }
    await reverseGodfatherReward(
      tx,
      sale.id,
      { merchantId, principalId: caller.principalId, now },
      program.negativeBalance,
    );
    const vouchersRestored = await restoredVoucherNumbers(tx, sale.id);
    await restoreVouchersForSale(tx, sale.id, now);
    await revertSalePromotions(tx, sale, now);
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
    await reversalEvent(tx, now, merchantId, 'sale.cancelled', {
      saleId: sale.id,
      receipt: sale.receipt,
      customerId: sale.customer_id,
      pointsReversed: toReclaim,
      pointsRestored,
      vouchersRestored,
    });
    return {
      saleId: sale.id,
      status: 'cancelled' as const,
      pointsReversed: toReclaim,
      pointsRestored,
      vouchersRestored,
      balance: await saleCardBalance(tx, sale, now),
    };
  });
}
