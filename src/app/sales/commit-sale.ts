/**
 * Writing a sale's plan, in the transaction that loaded its context. Every write of something read is
 * conditional on the value read (vouchers, lots, the card's summary): a lost race fails the transaction,
 * which is retried from the reads, and never overwrites.
 */
import { summaryBalance } from '../../core/sales/card-summary.js';
import type { SalePlan } from '../../core/sales/plan-sale.js';
import { storedSalePlan, type StoredSalePlan } from '../../core/sales/stored-sale.js';
import { saveSummary } from '../../db/repos/card-summaries.repo.js';
import * as ledger from '../../db/repos/ledger.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { StoredMovementKind } from '../../db/schema/index.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';
import { writeVoucherUses } from './sale-vouchers.js';
import { issueStepRewards } from '../rewards/step-rewards.js';
import type { LoadedSaleContext } from './load-sale-context.js';
import { commitPromotions } from '../promotions/commit-promotions.js';

export interface SaleRecord {
  saleId: string;
  merchantId: string;
  storeId: string;
  terminalId: string | null;
  principalId: string;
  seller: string | null;
  receipt: string;
  soldAt: string;
  bodyHash: string;
  /** As posted: kept with the sale (sales.payments). */
  payments: unknown;
}

type AllocationKind = ledger.AllocationKind;
const allocationRows = (list: readonly { lotId: string; amount: number }[], kind: AllocationKind) =>
  list
    .filter((a) => a.amount !== 0)
    .map((a) => ({ id: newId('alc'), lotId: a.lotId, amount: a.amount, kind }));

export async function commitSale(
  tx: Tx,
  context: LoadedSaleContext,
  plan: SalePlan,
  sale: SaleRecord,
  now: string,
): Promise<StoredSalePlan> {
  const card = context.card;
  await writeVoucherUses(tx, sale.saleId, plan.voucherUses, now);
  let vouchersGenerated: string[] = [];
  if (card && plan.summary) {
    const movement = (kind: StoredMovementKind, points: number, money = 0, reason: string | null = null) => {
      const id = newId('mov');
      return ledger
        .insertMovementKeepingSummary(tx, {
          id,
          merchant_id: sale.merchantId,
          card_id: card.id,
          kind,
          points,
          money,
          sale_id: sale.saleId,
          store_id: sale.storeId,
          terminal_id: sale.terminalId,
          principal_id: sale.principalId,
          reason,
          created_at: now,
        })
        .then(() => id);
    };
    const points = plan.points;
    if (points?.debit) {
      const id = await movement('redeem', -plan.pointsRedeemed);
      await ledger.insertAllocations(tx, id, allocationRows(points.debit, 'debit'));
    }
    for (const m of plan.wallet) await movement(m.kind, 0, m.money, `line ${m.lineNo}`);
    if (points?.earnLot) {
      const id = await movement('earn', plan.pointsEarned);
      const lot = points.earnLot;
      await ledger.insertLot(tx, {
        id: lot.id,
        merchant_id: sale.merchantId,
        card_id: card.id,
        movement_id: id,
        sale_id: sale.saleId,
        amount: lot.amount,
        remaining: lot.remaining,
        burnt: 0,
        earned_at: lot.earnedAt,
        pending_until: lot.pendingUntil,
        expires_at: lot.expiresAt,
      });
      if (points.settlement) {
        await ledger.insertAllocations(tx, id, [
          ...allocationRows(points.settlement.taken, 'debit'),
          ...allocationRows(points.settlement.paid, 'settle'),
        ]);
      }
    }
    if (points && points.lotChanges.length > 0) {
      await ledger.saveLotChanges(
        tx,
        points.lotChanges.map((c) => c.before),
        points.lotChanges.map((c) => c.after),
      );
    }
    await sales.addCardDiscount(tx, card.id, plan.discountEarnedMinor);
    await saveSummary(tx, card.id, sale.merchantId, context.summaryVersion, plan.summary);
    if (plan.stepsToReward.length > 0 && context.program.id !== null) {
      vouchersGenerated = await issueStepRewards(
        tx,
        {
          merchantId: sale.merchantId,
          programId: context.program.id,
          cardId: card.id,
          customerId: context.customerId,
          now,
        },
        plan.stepsToReward,
      );
    }
  }
  const promo = context.promotions;
  const promotions =
    plan.promotions && promo
      ? await commitPromotions(
          tx,
          {
            merchantId: sale.merchantId,
            saleId: sale.saleId,
            storeCode: promo.header.storeCode,
            terminalCode: promo.header.terminalCode,
            customerId: context.customerId,
            validityAfterVoid: promo.validityAfterVoid,
            soldAt: sale.soldAt,
            now,
          },
          plan.promotions,
        )
      : null;
  const stored = storedSalePlan(plan, {
    promotions,
    cardNumber: card?.number ?? null,
    vouchersGenerated,
    balanceAfter:
      card && plan.summary
        ? {
            ...summaryBalance(plan.summary, false),
            discountMinor: card.discountMinor + plan.discountEarnedMinor,
            walletMinor: plan.summary.walletMinor,
          }
        : null,
  });
  await sales.insertSale(tx, {
    id: sale.saleId,
    merchant_id: sale.merchantId,
    store_id: sale.storeId,
    terminal_id: sale.terminalId,
    seller: sale.seller,
    receipt: sale.receipt,
    card_id: card?.id ?? null,
    customer_id: context.customerId,
    sold_at: sale.soldAt,
    total_minor: plan.purchasesMinor,
    eligible_minor: plan.eligibleMinor,
    body_hash: sale.bodyHash,
    lines: JSON.stringify(plan.lines),
    payments: JSON.stringify(sale.payments),
    result: '{}',
    plan: JSON.stringify(stored),
    status: 'posted',
    earned_points: plan.pointsEarned,
    redeemed_points: plan.pointsRedeemed,
    reversed_points: 0,
    returned_minor: 0,
    created_at: now,
  });
  return stored;
}
