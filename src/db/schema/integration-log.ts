/** An error answer, a full exchange of a principal logged in full, or an administrative action. */
export type IntegrationLogKind = 'error' | 'full' | 'audit';

export interface IntegrationLogTable {
  id: string;
  merchant_id: string | null;
  principal_id: string | null;
  kind: IntegrationLogKind;
  request_id: string;
  method: string;
  url: string;
  status: number;
  error_code: string | null;
  error_message: string | null;
  request_body: string | null;
  response_body: string | null;
  duration_ms: number;
  created_at: string;
  /** The caller's address (0009). */
  address: string | null;
  /** sha256 and length of the request body, kept instead of the body when nobody authenticated (0009). */
  body_digest: string | null;
}
