import type { Generated } from 'kysely';

/** A loyalty program (card type): number format, earning rules, tiers, lifetimes, settings. JSON columns are text. */
export interface ProgramTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  card_type: string;
  card_category: string;
  number_prefix: string;
  number_length: number;
  check_digit: string;
  points_label: string;
  currency: string;
  pending_days: number;
  expiry_policy: string;
  steps_basis: string;
  steps: string;
  rules: string;
  required_fields: string;
  discount_percent: number;
  negative_balance: string;
  cancel_window_hours: number;
  require_known_items: number;
  one_card_per_customer: number;
  wallet_enabled: Generated<number>;
  /** JSON SponsorshipSettings, null when sponsorship is not activated (0011). */
  sponsorship: string | null;
  shared_mobiles: Generated<number>;
  /** Migration 0025: minor units 100 points are worth; null = not valued. */
  point_value_per_100: number | null;
  next_serial: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotTable {
  id: string;
  merchant_id: string;
  card_id: string;
  movement_id: string;
  sale_id: string | null;
  amount: number;
  remaining: number;
  burnt: number;
  earned_at: string;
  pending_until: string | null;
  expires_at: string | null;
}

export interface MovementTable {
  id: string;
  merchant_id: string;
  card_id: string;
  kind: string;
  points: number;
  money: number;
  sale_id: string | null;
  store_id: string | null;
  terminal_id: string | null;
  principal_id: string | null;
  reason: string | null;
  created_at: string;
}

export interface AllocationTable {
  id: string;
  movement_id: string;
  lot_id: string;
  kind: string;
  amount: number;
}

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
  status: string;
  earned_points: number;
  redeemed_points: number;
  reversed_points: number;
  returned_minor: number;
  /** Cumulative returned amount per purchase line (JSON), written by returns (0020); null before any. */
  returned_lines?: string | null;
  created_at: string;
}

export interface SaleReturnTable {
  id: string;
  merchant_id: string;
  sale_id: string;
  receipt: string;
  amount_minor: number;
  points_reversed: number;
  body_hash: string;
  result: string;
  created_at: string;
}

export interface VoucherTable {
  id: string;
  merchant_id: string;
  number: string;
  card_id: string | null;
  customer_id: string | null;
  kind: string;
  value: number;
  remaining: number;
  splittable: number;
  options: string;
  label: string | null;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  source: string;
  step_index: number | null;
  gift_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface VoucherUseTable {
  id: string;
  voucher_id: string;
  sale_id: string;
  amount: number;
  choice: string | null;
  restored_at: string | null;
  created_at: string;
}

export interface GiftTable {
  id: string;
  merchant_id: string;
  program_id: string | null;
  title: string;
  points_cost: number;
  stock: number | null;
  valid_from: string | null;
  valid_until: string | null;
  active: number;
  created_at: string;
}

export interface GiftAwardTable {
  id: string;
  merchant_id: string;
  gift_id: string;
  card_id: string;
  customer_id: string | null;
  movement_id: string;
  voucher_id: string | null;
  status: string;
  restored_at: string | null;
  created_at: string;
}

export interface StepRewardTable {
  id: string;
  card_id: string;
  step_index: number;
  voucher_id: string | null;
  created_at: string;
}

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

/** A sponsorship reward paid: one per godchild and kind (0011). */
export interface SponsorshipRewardTable {
  godchild_id: string;
  kind: 'godfather' | 'godchild';
  merchant_id: string;
  card_id: string;
  lot_id: string | null;
  sale_id: string | null;
  points: number;
  created_at: string;
}
