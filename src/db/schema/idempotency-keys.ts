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
