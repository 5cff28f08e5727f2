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
