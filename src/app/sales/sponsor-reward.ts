/**
 * Sponsorship rewards written in the unit of work that earns them: the godfather's points on the godchild's
 * first purchase (planned by planSponsorReward, recorded once per godchild), and their reversal when that
 * sale is cancelled. The godfather's card is locked before its ledger is written.
 */
import type { ExpiryPolicy } from '../../core/ledger/index.js';
import type { SponsorReward } from '../../core/sales/plan-sponsor.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import * as repo from '../../db/repos/sponsorship.repo.js';
import type { Tx } from '../../db/transaction.js';
import { creditPoints, reclaimEarned } from '../ledger/ledger-writer.js';

export async function payGodfather(
  tx: Tx,
  reward: SponsorReward,
  sale: { saleId: string; merchantId: string; storeId: string | null; terminalId: string | null },
  program: { pendingDays: number; expiry: ExpiryPolicy },
  now: string,
): Promise<void> {
  const claimed = await repo.claimSponsorshipReward(tx, {
    godchild_id: reward.godchildId,
    kind: 'godfather',
    merchant_id: sale.merchantId,
    card_id: reward.godfatherCardId,
    sale_id: sale.saleId,
    points: reward.points,
    created_at: now,
  });
  if (!claimed) return; // another first purchase of the godchild, committed meanwhile, paid it
  await lockCard(tx, reward.godfatherCardId);
  const credited = await creditPoints(
    tx,
    {
      merchantId: sale.merchantId,
      cardId: reward.godfatherCardId,
      now,
      // Not the sale's own movement (its card is the godchild's): linked by sponsorship_rewards.sale_id.
      storeId: sale.storeId,
      terminalId: sale.terminalId,
      reason: 'sponsorship: godchild first purchase',
    },
    reward.points,
    { pendingDays: program.pendingDays, expiry: program.expiry },
  );
  if (!credited.ok) {
    // The godfather's card is full (balance cap): nothing paid, nothing recorded; the sale stands.
    await repo.dropSponsorshipReward(tx, reward.godchildId, 'godfather');
    return;
  }
  if (credited.value.lotId) {
    await repo.setSponsorshipRewardLot(tx, reward.godchildId, 'godfather', credited.value.lotId);
  }
}

/** Takes back the godfather reward a cancelled sale paid (what is left of it; a shortfall as the program says). */
export async function reverseGodfatherReward(
  tx: Tx,
  saleId: string,
  ctx: { merchantId: string; principalId: string | null; now: string },
  negativeBalance: 'allow' | 'cap_at_zero',
): Promise<number> {
  const reward = await repo.sponsorshipRewardOfSale(tx, saleId);
  if (!reward) return 0;
  await lockCard(tx, reward.card_id);
  const points = Number(reward.points);
  await reclaimEarned(
    tx,
    { ...ctx, cardId: reward.card_id, reason: 'sponsorship: first purchase cancelled' },
    reward.lot_id ? [reward.lot_id] : [],
    points,
    negativeBalance,
  );
  await repo.dropSponsorshipReward(tx, reward.godchild_id, 'godfather');
  return points;
}
