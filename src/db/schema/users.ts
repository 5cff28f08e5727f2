import type { Role } from '../../core/roles.js';

export interface UserTable {
  id: string;
  merchant_id: string | null;
  provider_id: string | null;
  login: string;
  email: string | null;
  password_hash: string;
  role: Role;
  log_full: number;
  active: number;
  created_at: string;
}
