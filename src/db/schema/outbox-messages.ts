import type { Generated } from 'kysely';

export type OutboxChannel = 'email' | 'sms' | 'push' | 'webhook';
export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'suppressed';

export interface OutboxMessageTable {
  id: string;
  merchant_id: string;
  channel: OutboxChannel;
  recipients: string;
  subject: string | null;
  body: string;
  url: string | null;
  status: OutboxStatus;
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
