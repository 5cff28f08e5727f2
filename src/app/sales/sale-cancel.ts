/**
 * Cancelling a sale within the program's cancel window: load (the sale under its card's lock) →
 * planReversal (pure: everything the sale still holds) → commitReversal. It takes back the points the sale
 * still earned, gives back the points it spent, its wallet moves and vouchers, the discount it accrued and
 * what its promotions consumed (within the map's validity-after-void) less what returns already gave back.
 * A second cancel is SALE_CANCELLED.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { planReversal } from '../../core/sales/plan-reversal.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import type { PointsBalance } from '../ledger/balance.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { commitReversal } from './commit-reversal.js';
import { ledgerProgramOfSale, lockedSale, reversibleSale, saleCardBalance } from './sale-reversal.js';

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
  return withUnitOfWork(deps, async ({ tx, now, enqueue }) => {
    const locked = await lockedSale(tx, merchantId, saleId);
    if (!locked.ok) return locked;
    const sale = locked.value;
    const plan = planReversal(
      reversibleSale(sale),
      { kind: 'cancel', cancelWindowHours: program.cancelWindowHours },
      now,
    );
    if (!plan.ok) return plan;
    const done = await commitReversal(tx, sale, plan.value, {
      merchantId,
      principalId: caller.principalId,
      now,
      reason: 'cancel',
      negativeBalance: program.negativeBalance,
    });
    if (!done.ok) return done;
    const { pointsRestored, vouchersRestored } = done.value;
    await enqueue({
      merchantId,
      channel: 'webhook',
      event: 'sale.cancelled',
      data: {
        saleId: sale.id,
        receipt: sale.receipt,
        customerId: sale.customer_id,
        pointsReversed: plan.value.points,
        pointsRestored,
        vouchersRestored,
      },
    });
    return ok({
      saleId: sale.id,
      status: 'cancelled' as const,
      pointsReversed: plan.value.points,
      pointsRestored,
      vouchersRestored,
      balance: await saleCardBalance(tx, sale, now),
    });
  });
}
