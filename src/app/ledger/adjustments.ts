/** Manual corrections of a card's points: role-restricted (checked by the route), with a required reason. */
import { fail, type Result } from '../../core/error-catalog.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import { loadLedgerProgram } from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import { pointsBalance, type PointsBalance } from './balance.js';
import { creditPoints, debitPoints } from './ledger-writer.js';
import { inTransactionResult, Rollback } from '../result-transaction.js';

export interface AdjustmentInput {
  cardNumber: string;
  /** Signed, non-zero: positive credits a lot (program's pending period and lifetime), negative spends. */
  points: number;
  reason: string;
}

export interface AdjustmentResult {
  movementId: string;
  cardNumber: string;
  points: number;
  reason: string;
  balance: PointsBalance;
}

export async function adjustPoints(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: AdjustmentInput,
): Promise<Result<AdjustmentResult>> {
  const reason = input.reason.trim();
  if (reason === '') return fail('ADJUSTMENT_REASON_REQUIRED');
  if (!Number.isSafeInteger(input.points) || input.points === 0) {
    return fail('VALIDATION_FAILED', 'points must be a non-zero integer.');
  }
  const card = await findCardByNumber(deps.db, merchantId, input.cardNumber);
  if (!card) return fail('CARD_NOT_FOUND');
  const program = await loadLedgerProgram(deps.db, card.programId);
  return inTransactionResult(deps, async (tx) => {
    const now = deps.now().toISOString();
    await lockCard(tx, card.id);
    const ctx = {
      merchantId,
      cardId: card.id,
      now,
      terminalId: caller.terminalId,
      principalId: caller.principalId,
      reason,
    };
    let movementId: string;
    if (input.points > 0) {
      const credit = await creditPoints(tx, ctx, input.points, {
        pendingDays: 0,
        expiry: program.expiry,
        kind: 'adjust',
      });
      if (!credit.ok) throw new Rollback(credit);
      movementId = credit.value.movementId;
    } else {
      const debit = await debitPoints(tx, ctx, -input.points, 'adjust');
      if (!debit.ok) throw new Rollback(debit);
      movementId = debit.value.movementId;
    }
    return {
      movementId,
      cardNumber: card.number,
      points: input.points,
      reason,
      balance: await pointsBalance(tx, card, now),
    };
  });
}
