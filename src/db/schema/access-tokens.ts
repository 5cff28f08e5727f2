import type { Role } from '../../core/roles.js';

/** Who a token was issued to: a user (password grant) or an API client (client credentials). */
export type PrincipalKind = 'user' | 'client';

export interface AccessTokenTable {
  token_hash: string;
  principal_kind: PrincipalKind;
  principal_id: string;
  merchant_id: string | null;
  provider_id: string | null;
  role: Role;
  terminal_id: string | null;
  expires_at: string;
  created_at: string;
}
