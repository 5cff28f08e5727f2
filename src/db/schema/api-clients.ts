import type { Role } from '../../core/roles.js';

export interface ApiClientTable {
  id: string;
  client_id: string;
  secret_hash: string;
  name: string;
  merchant_id: string | null;
  provider_id: string | null;
  role: Role;
  log_full: number;
  active: number;
  created_at: string;
}
