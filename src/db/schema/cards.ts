import type { Generated } from 'kysely';
import type { CardStatus } from '../../core/cards/card-state.js';
import type { Role } from '../../core/roles.js';

/** Loyalty cards (loyalty elements), one per number per merchant. */
export interface CardTable {
  id: string;
  merchant_id: string;
  number: string;
  customer_id: string | null;
  status: CardStatus;
  program_id: string | null;
  block_reason: number | null;
  blocked_by_role: Role | null;
  expires_at: string | null;
  replaced_by: string | null;
  discount_minor: Generated<number>;
  issued_at: string | null;
  activated_at: string | null;
  /** When the status last changed (0006; null for cards unchanged since). */
  status_since: Generated<string | null>;
  created_at: string;
  updated_at: string;
}
