export type SaleStatus = 'posted' | 'cancelled';

export interface SaleTable {
  id: string;
  merchant_id: string;
  store_id: string;
  terminal_id: string | null;
  seller: string | null;
  receipt: string;
  card_id: string | null;
  customer_id: string | null;
  sold_at: string;
  total_minor: number;
  eligible_minor: number;
  body_hash: string;
  lines: string;
  payments: string;
  result: string;
  /** The plan the sale was posted with (versioned JSON, see core/sales/sale-plan.ts); null before 0006. */
  plan: string | null;
  status: SaleStatus;
  earned_points: number;
  redeemed_points: number;
  reversed_points: number;
  returned_minor: number;
  /** Cumulative returned amount per purchase line (JSON), written by returns (0020); null before any. */
  returned_lines?: string | null;
  /** When the sale was cancelled (0030); null: not cancelled, or cancelled before the column. */
  cancelled_at?: string | null;
  created_at: string;
}
