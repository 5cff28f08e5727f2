/** Loyalty cards. The foundation needs number and owner (search, tenant isolation); the loyalty engine grows it. */
export interface CardTable {
  id: string;
  merchant_id: string;
  number: string;
  customer_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}
