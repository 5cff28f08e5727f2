/** The card read model: a card as the use-cases and HTTP views see it (db/repos/cards.repo.ts builds it). */
import type { CardState, CardStatus } from './card-state.js';

/** A card as stored, with the state-machine view the core works on. */
export interface CardRecord {
  id: string;
  merchantId: string;
  programId: string | null;
  number: string;
  customerId: string | null;
  status: CardStatus;
  expiresAt: string | null;
  discountMinor: number;
  createdAt: string;
  state: CardState;
  blockReason: number | null;
  blockedByRole: string | null;
  /** Number of the card that took over (status 'replaced'). */
  replacedBy: string | null;
  issuedAt: string | null;
  activatedAt: string | null;
  updatedAt: string;
}
