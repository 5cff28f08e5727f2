export interface RefreshTokenTable {
  token_hash: string;
  api_client_id: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}
