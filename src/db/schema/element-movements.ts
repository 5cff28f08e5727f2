export interface ElementMovementTable {
  id: string;
  merchant_id: string;
  card_id: string;
  action: string;
  amount: number;
  amount_prev: number | null;
  amount_after: number;
  transaction_id: string | null;
  store_code: string | null;
  terminal_code: string | null;
  customer_code: string | null;
  reason: string | null;
  /** JSON array of { name, code, dateRange } of the promotions that made the movement, or null. */
  promotions: string | null;
  occurred_at: string;
  created_at: string;
}
