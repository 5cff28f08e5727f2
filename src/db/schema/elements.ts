/** Loyalty elements (0017): a card whose balance is one stored amount (minor units), and its movements. */
export interface ElementTypeTable {
  program_id: string;
  merchant_id: string;
  description: string;
  nominated: number;
  rechargeable: number;
  cvv_required: number;
  customer_validation: string;
  charge_limit: number;
  initial_amount: number;
  validity_days: number | null;
  created_at: string;
}

export interface ElementTypeRangeTable {
  id: string;
  program_id: string;
  merchant_id: string;
  prefix_start: number;
  prefix_end: number;
  suggested: number;
  created_at: string;
}

export interface AgreementTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  active: number;
  created_at: string;
}

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

/** Reference catalogs of customer data (countries, states, cities, identification types, genders ...). */
export interface ReferenceCodeTable {
  merchant_id: string;
  catalog: string;
  code: string;
  description: string;
  parent: string | null;
  created_at: string;
}

/** What a customer record holds beyond the native columns, as the integrating system sent it. */
export interface CustomerDetailTable {
  customer_id: string;
  merchant_id: string;
  gender_code: string | null;
  /** The e-mail as sent (the native column holds it only when it is a valid address). */
  email: string | null;
  birth_date: string | null;
  nationality: string | null;
  identification_expires_on: string | null;
  phone: string | null;
  address_country: string | null;
  address_state: string | null;
  address_city: string | null;
  postal_code: string | null;
  segments: string | null;
}
