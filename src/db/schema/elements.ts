export interface ElementTable {
  card_id: string;
  merchant_id: string;
  amount: number;
  amount_prev: number;
  version: number;
  valid_from: string | null;
  valid_to: string | null;
  cvv: string | null;
  agreement_id: string | null;
  origin_transaction: string | null;
  origin_store: string | null;
  origin_terminal: string | null;
  consumed: number;
  cancelled_at: string | null;
  last_movement_at: string | null;
  created_at: string;
}
