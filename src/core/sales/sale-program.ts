/** What selling on a card needs to know of its program. */
import type { ExpiryPolicy } from '../ledger/index.js';
import type { CardType, SponsorshipSettings } from '../loyalty/program.js';
import type { EarningRule, TierLadder } from '../rules/index.js';

export interface SaleProgram {
  id: string | null;
  cardType: CardType;
  rules: EarningRule[];
  tiers: TierLadder;
  pendingDays: number;
  expiry: ExpiryPolicy;
  /** Basis points of the eligible amount accumulated as discount (discount programs). */
  discountBasisPoints: number;
  negativeBalance: 'allow' | 'cap_at_zero';
  cancelWindowHours: number;
  requireKnownItems: boolean;
  walletEnabled: boolean;
  /** Sponsorship rewards (null: not activated); optional for plans made before it existed. */
  sponsorship?: SponsorshipSettings | null;
}

/** A card without a program earns nothing and keeps its points forever. */
export const NO_PROGRAM: SaleProgram = {
  id: null,
  cardType: 'bonus',
  rules: [],
  tiers: { type: 'points', steps: [] },
  pendingDays: 0,
  expiry: { kind: 'none' },
  discountBasisPoints: 0,
  negativeBalance: 'allow',
  cancelWindowHours: 24,
  requireKnownItems: false,
  walletEnabled: false,
};
