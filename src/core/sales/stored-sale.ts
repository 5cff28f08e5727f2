/**
 * What a sale keeps of its plan (sales.plan): what it earned, spent, used and generated, and the card's
 * balance after it. Answers, replays, returns and cancellations are views of it. Versioned: a reader refuses
 * a version it does not know rather than guess.
 */
import type { Balance } from '../ledger/index.js';
import type { WalletMovement } from '../loyalty/wallet.js';
import type { SalePlan } from './plan-sale.js';

export interface BalanceAfter extends Balance {
  discountMinor: number;
  walletMinor: number;
}

/** What the active map gave a sale, and what it consumed: reversals give back exactly this. */
export interface StoredPromotions {
  mapVersion: number;
  validityAfterVoid: number;
  totalDiscount: number;
  points: number;
  lineDiscounts: { lineNo: number; discount: number }[];
  applied: {
    nro: string;
    code: string;
    benefit: string;
    discount: number;
    points: number;
    lines: number[];
    couponsRedeemed: string[];
    couponsIssued: string[];
    messages: string[];
    /** `type` is absent on plans stored before reversals needed it: such limits count as 'count'. */
    limits: {
      limitId: string;
      subject: string;
      amount: number;
      nextReset: string | null;
      type?: 'count' | 'quantity' | 'amount';
    }[];
  }[];
}

export interface StoredSalePlan {
  v: 1;
  cardNumber: string | null;
  purchasesMinor: number;
  eligibleMinor: number;
  pointsEarned: number;
  pointsRedeemed: number;
  discountEarnedMinor: number;
  unusedLines: number[];
  stepsReached: number[];
  vouchersUsed: { number: string; kind: string; deduction: number; remainder: number }[];
  vouchersGenerated: string[];
  earnLotId: string | null;
  wallet: WalletMovement[];
  balanceAfter: BalanceAfter | null;
  /** Absent on sales posted without an active promotion map. */
  promotions?: StoredPromotions;
}

export function storedSalePlan(
  plan: SalePlan,
  outcome: {
    cardNumber: string | null;
    vouchersGenerated: string[];
    balanceAfter: BalanceAfter | null;
    promotions?: StoredPromotions | null;
  },
): StoredSalePlan {
  return {
    ...(outcome.promotions ? { promotions: outcome.promotions } : {}),
    v: 1,
    cardNumber: outcome.cardNumber,
    purchasesMinor: plan.purchasesMinor,
    eligibleMinor: plan.eligibleMinor,
    pointsEarned: plan.pointsEarned,
    pointsRedeemed: plan.pointsRedeemed,
    discountEarnedMinor: plan.discountEarnedMinor,
    unusedLines: plan.unusedLines,
    stepsReached: plan.stepsReached,
    vouchersUsed: plan.voucherUses.map((u) => ({
      number: u.number,
      kind: u.kind,
      deduction: u.deduction,
      remainder: u.remainder,
    })),
    vouchersGenerated: outcome.vouchersGenerated,
    earnLotId: plan.points?.earnLot?.id ?? null,
    wallet: plan.wallet,
    balanceAfter: outcome.balanceAfter,
  };
}

/** The stored plan of a sale; null for a sale posted before plans were stored (read its answer instead). */
export function parseStoredSalePlan(text: string | null): StoredSalePlan | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as { v?: unknown };
  if (parsed.v !== 1) throw new Error(`unknown sale plan version ${String(parsed.v)}`);
  return parsed as StoredSalePlan;
}
