export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  method: string;
  path: string;
  body_hash: string;
  status: number | null;
  response_body: string | null;
  response_type: string | null;
  created_at: string;
}

export interface IntegrationLogTable {
  id: string;
  merchant_id: string | null;
  principal_id: string | null;
  kind: string;
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
}
