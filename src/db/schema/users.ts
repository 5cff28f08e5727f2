export interface UserTable {
  id: string;
  merchant_id: string | null;
  provider_id: string | null;
  login: string;
  email: string | null;
  password_hash: string;
  role: string;
  log_full: number;
  active: number;
  created_at: string;
}

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

export interface AccessTokenTable {
  token_hash: string;
  principal_kind: string;
  principal_id: string;
  merchant_id: string | null;
  provider_id: string | null;
  role: string;
  terminal_id: string | null;
  expires_at: string;
  created_at: string;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}
