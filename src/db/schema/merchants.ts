export interface ProviderTable {
  id: string;
  code: string;
  name: string;
  api_key: string | null;
  created_at: string;
}

export interface MerchantTable {
  id: string;
  provider_id: string | null;
  slug: string;
  name: string;
  currency: string;
  next_customer_ref: number;
  api_key: string | null;
  contact_email: string | null;
  /** IANA zone of the merchant's day dates (0017); null means UTC. */
  time_zone?: string | null;
  created_at: string;
}

export interface StoreTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  region: string | null;
  time_zone: string | null;
  currency: string | null;
  created_at: string;
}

export interface TerminalTable {
  id: string;
  merchant_id: string;
  store_id: string;
  code: string;
  name: string;
  created_at: string;
}
