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
