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
  /** Delivery state (0013). Status: pending | sent | dead | suppressed. */
  attempts: Generated<number>;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  /** Why a pending message is not sent yet (channel not configured, quiet hours, rate). */
  hold_reason: string | null;
  sent_at: string | null;
  customer_id: string | null;
  template: string | null;
  language: string | null;
  /** JSON object of template variables. */
  variables: string | null;
  html: string | null;
  event_type: string | null;
  event_id: string | null;
  webhook_id: string | null;
  idempotency_key: string | null;
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
