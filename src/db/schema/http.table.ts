import type { Generated } from 'kysely';
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
  /** The caller's address (0009). */
  address: string | null;
  /** sha256 and length of the request body, kept instead of the body when nobody authenticated (0009). */
  body_digest: string | null;
}

/** Vendor identifiers (dialects) as stable aliases of native records. */
export interface AliasTable {
  merchant_id: string;
  kind: string;
  alias: string;
  target_id: string;
  created_at: string;
}

/** Fidelisa jetons already used, per signer: a replayed signed request is refused. */
export interface UsedJetonTable {
  scope: string;
  jeton: string;
  created_at: string;
}

export interface OutboxMessageTable {
  id: string;
  merchant_id: string;
  channel: string;
  recipients: string;
  subject: string | null;
  body: string;
  url: string | null;
  status: string;
  source: string;
  created_at: string;
}

/** A scheduled job and its lease (src/jobs/runner.ts). */
export interface JobTable {
  name: string;
  next_run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
  runs: Generated<number>;
}
