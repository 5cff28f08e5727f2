/** A card's summary row (core/sales/card-summary.ts): a cache of its ledger, dropped by every other write. */
export interface CardSummaryTable {
  card_id: string;
  merchant_id: string;
  version: number;
  computed_at: string;
  valid_until: string | null;
  active: number;
  pending: number;
  expired: number;
  nearest_expiry_amount: number | null;
  nearest_expiry_at: string | null;
  in_debt: number;
  wallet_minor: number;
  purchase_count: number;
  purchase_amount: number;
  first_sale_at: string | null;
  last_sale_at: string | null;
  year: number;
  year_count: number;
  year_amount: number;
}
