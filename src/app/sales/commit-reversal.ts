/**
 * Writing a reversal plan (planReversal) in the unit of work that read the sale under its card's lock:
 * the earned points taken back from the sale's lots first, the accrued discount, what goes back of the
 * promotions, and — for a cancellation — the wallet moves, the points spent, the godfather's reward and the
 * vouchers. The sale's totals and per-line returns are updated by one statement conditional on the values
 * they were read with (a concurrent reversal makes it retry from its reads).
 */
import type { ReversalPlan } from '../../core/sales/plan-reversal.js';
import { ok, type Result } from '../../core/error-catalog.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Tx } from '../../db/transaction.js';
import { reclaimEarned, reverseDebit } from '../ledger/ledger-writer.js';
import { givePromotionsBack } from '../promotions/revert-promotions.js';
import { reversalContext } from './sale-reversal.js';
import { restoreVouchersForSale } from './sale-vouchers.js';
import { reverseSaleWallet } from './sale-wallet.js';
import { reverseGodfatherReward } from './sponsor-reward.js';

export interface ReversalBy {
  merchantId: string;
  principalId: string;
  now: string;
  reason: string;
  negativeBalance: 'allow' | 'cap_at_zero';
}

export interface CommittedReversal {
  deficit: number;
  waived: number;
  pointsRestored: number;
  vouchersRestored: string[];
  couponsVoided: string[];
  couponsRestored: string[];
}

export async function commitReversal(
  tx: Tx,
  sale: sales.SaleRow,
  plan: ReversalPlan,
  by: ReversalBy,
): Promise<Result<CommittedReversal>> {
  const done: CommittedReversal = {
    deficit: 0,
    waived: 0,
    pointsRestored: 0,
    vouchersRestored: [],
    couponsVoided: [],
    couponsRestored: [],
  };
  const ctx = sale.card_id ? reversalContext(sale, sale.card_id, by) : null;
  if (ctx && plan.kind === 'cancel') {
    const wallet = await reverseSaleWallet(tx, ctx, sale.id);
    if (!wallet.ok) return wallet;
    const redeem = await sales.redeemMovementOf(tx, sale.id);
    if (redeem) {
      // Checked against the balance cap net of the earning this cancellation takes back just after.
      const restored = await reverseDebit(tx, ctx, redeem.id, Math.max(0, plan.points));
      if (!restored.ok) return restored;
      done.pointsRestored = restored.value.points;
    }
  }
  if (ctx && plan.points > 0) {
    const lots = await sales.saleLotIds(tx, sale.id);
    const reclaim = await reclaimEarned(tx, ctx, lots, plan.points, by.negativeBalance);
    done.deficit = reclaim.deficit;
    done.waived = reclaim.waived;
  }
  if (plan.kind === 'cancel') {
    await reverseGodfatherReward(
      tx,
      sale.id,
      { merchantId: by.merchantId, principalId: by.principalId, now: by.now },
      by.negativeBalance,
    );
    done.vouchersRestored = await sales.unrestoredVoucherNumbers(tx, sale.id);
    await restoreVouchersForSale(tx, sale.id, by.now);
  }
  if (plan.promotions) {
    const given = await givePromotionsBack(tx, sale, plan.promotions, by.now);
    done.couponsVoided = given.couponsVoided;
    done.couponsRestored = given.couponsRestored;
  }
  if (sale.card_id) await sales.addCardDiscount(tx, sale.card_id, -plan.accruedDiscount);
  await sales.updateSaleReversal(tx, sale, {
    returned_minor: plan.returnedMinorAfter,
    reversed_points: plan.reversedPointsAfter,
    returned_lines: JSON.stringify(plan.returnedAfter),
    ...(plan.kind === 'cancel' ? { status: 'cancelled', cancelled_at: by.now } : {}),
  });
  return ok(done);
}
