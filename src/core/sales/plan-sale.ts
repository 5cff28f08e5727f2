/**
 * Planning a sale, pure: from what the sale's unit of work read (the context) and the request, everything
 * the sale will write — lines, voucher uses, the points spent and earned, wallet moves, the discount
 * accrued, the steps crossed and the rewards to issue, the card's summary after. `commitSale` writes it;
 * the plan is stored with the sale, and returns and cancellations are planned from it.
 */
import { fail, ok, type Result } from '../error-catalog.js';
import { computeExpiry, computePendingUntil, type Lot } from '../ledger/index.js';
import { isWalletOperation, planWallet, type WalletMovement, type WalletRefusal } from '../loyalty/wallet.js';
import { computeEarning, forcedRewards, stepsCrossed, type SaleLine, type Tier } from '../rules/index.js';
import { tierBasis, withPurchase, type CardSummary } from './card-summary.js';
import { checkSaleLines } from './check-lines.js';
import { planPoints, type PointsPlan } from './plan-points.js';
import {
  netOfPromotions,
  planPromotions,
  type SalePromotionContext,
  type SalePromotions,
} from './plan-promotions.js';
import {
  planVoucherUses,
  type PlannedVoucherUse,
  type SaleVoucher,
  type VoucherUseRequest,
} from './plan-vouchers.js';
import type { SaleProgram } from './sale-program.js';
import { planSponsorReward, type SponsorContext, type SponsorReward } from './plan-sponsor.js';

/** The card a sale lands on, as read under its lock. */
export interface SaleCard {
  id: string;
  number: string;
  status: string;
  customerId: string | null;
  discountMinor: number;
}

export interface SaleContext {
  program: SaleProgram;
  card: SaleCard | null;
  customerId: string | null;
  /** The card's summary, fresh at `now` (null without a card). */
  summary: CardSummary | null;
  /** The card's open lots, when the sale spends points or the card is in debt; else null. */
  lots: Lot[] | null;
  /** The vouchers named by the sale, by number (absent: not found in the merchant). */
  vouchers: ReadonlyMap<string, SaleVoucher>;
  /** Steps of the card already rewarded. */
  rewardedSteps: readonly number[];
  /** The customer's godfather still to reward for a first purchase (absent: none). */
  sponsor?: SponsorContext | null;
  /** The active promotion map and what its evaluation reads (absent: no promotions). */
  promotions?: SalePromotionContext | null;
}

export interface SaleRequest {
  receipt: string;
  soldAt: string;
  lines: SaleLine[];
  vouchers: VoucherUseRequest[];
  redeemPoints: number;
}

export interface SalePlan {
  lines: SaleLine[];
  purchasesMinor: number;
  /** Purchases less the promotions' discounts and the money of the vouchers used: what earns and accrues discount. */
  eligibleMinor: number;
  voucherUses: PlannedVoucherUse[];
  pointsEarned: number;
  pointsRedeemed: number;
  points: Omit<PointsPlan, 'summary'> | null;
  wallet: WalletMovement[];
  discountEarnedMinor: number;
  unusedLines: number[];
  stepsReached: number[];
  stepsToReward: Tier[];
  /** The card's summary after the sale (null without a card). */
  summary: CardSummary | null;
  /** Points to the godfather for this first purchase of the godchild (plan-sponsor.ts), or null. */
  sponsorReward?: SponsorReward | null;
  /** What the active map granted the sale (null: no active map). Its points are in pointsEarned. */
  promotions: SalePromotions | null;
}

/** Ids the plan gives to the rows it creates (ids are parameters, like time). */
export interface SaleIds {
  earnLot: string;
}

export function planSale(
  context: SaleContext,
  request: SaleRequest,
  now: string,
  ids: SaleIds,
): Result<SalePlan> {
  const { program, card } = context;
  const bad = checkSaleLines(request.lines, program.requireKnownItems);
  if (bad) return bad;
  const redeem = request.redeemPoints;
  if (redeem > 0 && !card) return fail('INSUFFICIENT_POINTS', 'The sale has no card to take points from.');
  const lines = request.lines;
  const purchases = lines.filter((l) => l.operation === 'purchase').reduce((s, l) => s + l.amount, 0);

  const vouchers = planVoucherUses(
    request.vouchers,
    context.vouchers,
    { cardId: card?.id ?? null, customerId: context.customerId },
    Date.parse(now),
  );
  if (!vouchers.ok) return vouchers;
  const deduction = vouchers.value.amountDeduction;
  const promotions = context.promotions ? planPromotions(context.promotions, lines, now) : null;
  // The discount basis: points and the accrued discount are earned on what the customer pays, the lines
  // net of the promotions' discounts and of the vouchers' money.
  const net = netOfPromotions(lines, promotions);
  const eligible = Math.max(0, purchases - (promotions?.evaluation.totalDiscount ?? 0) - deduction);
  const earning = computeEarning(program.rules, net, deduction);
  const pointsEarned =
    (card && program.cardType !== 'discount' ? earning.points : 0) +
    (card ? (promotions?.evaluation.points ?? 0) : 0);
  const base = {
    promotions,
    lines,
    purchasesMinor: purchases,
    eligibleMinor: eligible,
    voucherUses: vouchers.value.uses,
    pointsEarned,
    unusedLines: earning.unusedLines,
  };
  const summary = context.summary;
  if (!card || !summary) {
    if (lines.some((l) => isWalletOperation(l.operation))) {
      return fail('WALLET_NOT_ACTIVATED', 'Wallet operations need a card.');
    }
    return ok({
      ...base,
      pointsRedeemed: 0,
      points: null,
      wallet: [],
      discountEarnedMinor: 0,
      stepsReached: [],
      stepsToReward: [],
      summary: null,
    });
  }

  const points = planPoints(
    summary,
    context.lots,
    {
      redeem,
      earning:
        pointsEarned > 0
          ? {
              lotId: ids.earnLot,
              points: pointsEarned,
              pendingUntil: computePendingUntil(now, program.pendingDays),
              expiresAt: computeExpiry(now, program.expiry),
            }
          : null,
    },
    now,
  );
  if (!points.ok) return points;
  const wallet = planWallet(lines, summary.walletMinor, program.walletEnabled);
  if (!wallet.ok) return walletRefusal(wallet.reason, wallet.lineNo);
  const discountEarnedMinor =
    program.cardType !== 'bonus' && program.discountBasisPoints > 0
      ? Math.floor((eligible * program.discountBasisPoints) / 10_000)
      : 0;
  const { summary: pointsAfter, ...moves } = points.value;
  const after: CardSummary = withPurchase(
    { ...pointsAfter, walletMinor: wallet.balanceAfter },
    purchases,
    request.soldAt,
  );
  const before = tierBasis(summary, program.tiers.type);
  const reached = tierBasis(after, program.tiers.type);
  return ok({
    ...base,
    sponsorReward: planSponsorReward(program.sponsorship, context.sponsor, purchases),
    pointsRedeemed: redeem,
    points: moves,
    wallet: wallet.movements,
    discountEarnedMinor,
    stepsReached: stepsCrossed(program.tiers, before, reached),
    stepsToReward: forcedRewards(program.tiers, before, reached, context.rewardedSteps),
    summary: after,
  });
}

function walletRefusal(reason: WalletRefusal, lineNo: number) {
  return fail(reason, undefined, [
    {
      field: `lines[lineNo=${lineNo}]`,
      code: reason,
      message: `Line ${lineNo} cannot be applied to the wallet.`,
    },
  ]);
}
