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
