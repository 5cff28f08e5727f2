import type { MovementKind } from '../../core/ledger/invariants.js';
import type { WalletMovementKind } from '../../core/loyalty/wallet.js';

/** Points movements (core/ledger) and wallet movements (core/loyalty/wallet.ts), with the wallet's reversal. */
export type StoredMovementKind = MovementKind | WalletMovementKind | 'wallet_reverse';

export interface MovementTable {
  id: string;
  merchant_id: string;
  card_id: string;
  kind: StoredMovementKind;
  points: number;
  money: number;
  sale_id: string | null;
  store_id: string | null;
  terminal_id: string | null;
  principal_id: string | null;
  reason: string | null;
  created_at: string;
}
