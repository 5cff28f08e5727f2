/**
 * Sponsorship, the godfather's side: the godchild's first purchase pays the godfather once (the program's
 * godfatherPoints, on the godfather's card). Pure: the sale's unit of work says who the godfather's card is
 * and that no godfather reward was paid for this godchild yet; the commit records the reward under a key
 * (godchild, kind) that makes a second payment impossible, and the sale's cancellation takes it back.
 */
import type { SponsorshipSettings } from '../loyalty/program.js';

/** What the sale's unit of work read about the customer's godfather (absent: none, or already rewarded). */
export interface SponsorContext {
  godchildId: string;
  /** The godfather's active card in the sale card's program. */
  godfatherCardId: string;
}

export interface SponsorReward {
  godchildId: string;
  godfatherCardId: string;
  points: number;
}

export function planSponsorReward(
  sponsorship: SponsorshipSettings | null | undefined,
  sponsor: SponsorContext | null | undefined,
  purchasesMinor: number,
): SponsorReward | null {
  if (!sponsorship || !sponsor || sponsorship.godfatherPoints <= 0 || purchasesMinor <= 0) return null;
  return {
    godchildId: sponsor.godchildId,
    godfatherCardId: sponsor.godfatherCardId,
    points: sponsorship.godfatherPoints,
  };
}
