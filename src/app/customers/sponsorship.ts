/**
 * Sponsorship, the godchild's side: a customer enrolled with a godfather gets the program's godchildPoints on
 * the card handed out at enrolment, once (recorded per godchild; the enrolment's unit of work holds it all).
 */
import { ok, type Result } from '../../core/error-catalog.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import { findProgram } from '../../db/repos/programs.repo.js';
import { claimSponsorshipReward, setSponsorshipRewardLot } from '../../db/repos/sponsorship.repo.js';
import type { Deps } from '../context.js';
import { creditPoints } from '../ledger/ledger-writer.js';
import { inTransactionResult } from '../result-transaction.js';

export async function payGodchild(
  deps: Deps,
  merchantId: string,
  godchildId: string,
  cardNumber: string,
): Promise<Result<null>> {
  const card = await findCardByNumber(deps.db, merchantId, cardNumber);
  const program = card?.programId
    ? await findProgram(deps.db, merchantId, { id: card.programId })
    : undefined;
  const points = program?.sponsorship?.godchildPoints ?? 0;
  if (!card || !program || points <= 0) return ok(null);
  return inTransactionResult(deps, async (tx) => {
    const now = deps.now().toISOString();
    const claimed = await claimSponsorshipReward(tx, {
      godchild_id: godchildId,
      kind: 'godchild',
      merchant_id: merchantId,
      card_id: card.id,
      sale_id: null,
      points,
      created_at: now,
    });
    if (!claimed) return null;
    await lockCard(tx, card.id);
    const credited = await creditPoints(
      tx,
      { merchantId, cardId: card.id, now, reason: 'sponsorship: welcome of a godchild' },
      points,
      { pendingDays: 0, expiry: program.expiry },
    );
    if (credited.ok && credited.value.lotId) {
      await setSponsorshipRewardLot(tx, godchildId, 'godchild', credited.value.lotId);
    }
    return null;
  });
}
