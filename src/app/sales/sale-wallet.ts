/** The wallet side of a sale: money lines applied under the card lock, and undone on cancellation. */
import { walletCapProblem } from '../../core/bounds.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isWalletOperation, planWallet } from '../../core/loyalty/wallet.js';
import type { SaleLine } from '../../core/rules/index.js';
import * as ledger from '../../db/repos/ledger.repo.js';
import type { Tx } from '../../db/transaction.js';
import { moveWallet, type MovementContext } from '../ledger/ledger-writer.js';

/** Applies the sale's deposit, withdrawal, credit and fee lines to the card's wallet. */
export async function applySaleWallet(
  tx: Tx,
  ctx: MovementContext | null,
  lines: readonly SaleLine[],
  walletEnabled: boolean,
): Promise<Result<null>> {
  if (!lines.some((l) => isWalletOperation(l.operation))) return ok(null);
  if (!ctx) return fail('WALLET_NOT_ACTIVATED', 'Wallet operations need a card.');
  const plan = planWallet(lines, await ledger.walletBalance(tx, ctx.cardId), walletEnabled);
  if (!plan.ok) {
    return fail(plan.reason, undefined, [
      {
        field: `lines[lineNo=${plan.lineNo}]`,
        code: plan.reason,
        message: `Line ${plan.lineNo} cannot be applied to the wallet.`,
      },
    ]);
  }
  for (const m of plan.movements)
    await moveWallet(tx, { ...ctx, reason: `line ${m.lineNo}` }, m.kind, m.money);
  return ok(null);
}

/**
 * Takes back what the sale moved in the wallet; refused if the money has already been spent, or if giving back a
 * withdrawal would bring the wallet past its cap.
 */
export async function reverseSaleWallet(tx: Tx, ctx: MovementContext, saleId: string): Promise<Result<null>> {
  const moved = (await ledger.walletMovementsOfSale(tx, saleId)).reduce((sum, m) => sum + Number(m.money), 0);
  if (moved === 0) return ok(null);
  const held = await ledger.walletBalance(tx, ctx.cardId);
  if (held - moved < 0) {
    return fail('WALLET_INSUFFICIENT_FUNDS', 'The money this sale put in the wallet has already been spent.');
  }
  // Giving back what the sale took out (a withdrawal, a fee) must not bring the wallet past its cap.
  const over = walletCapProblem(held, -moved);
  if (over) return fail('WALLET_LIMIT_EXCEEDED', over);
  await moveWallet(tx, { ...ctx, reason: 'cancel' }, 'wallet_reverse', -moved);
  return ok(null);
}
