import type { Generated } from 'kysely';
import type { CardCategory, CardType } from '../../core/loyalty/program.js';
import type { TierBasis } from '../../core/rules/tiers.js';

/** A loyalty program (card type): number format, earning rules, tiers, lifetimes, settings. JSON columns are text. */
export interface ProgramTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  card_type: CardType;
  card_category: CardCategory;
  number_prefix: string;
  number_length: number;
  check_digit: string;
  points_label: string;
  currency: string;
  pending_days: number;
  expiry_policy: string;
  steps_basis: TierBasis;
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
  /** Migration 0031: raised by every settings update (the in-memory copy of a program is keyed by it). */
  settings_version: Generated<number>;
  active: number;
  created_at: string;
  updated_at: string;
}
