export interface ApiClientTable {
  id: string;
  client_id: string;
  secret_hash: string;
  name: string;
  merchant_id: string | null;
  provider_id: string | null;
  role: string;
  log_full: number;
  active: number;
  created_at: string;
}
