import type { OutboxChannel } from './outbox-messages.js';

export type AttemptOutcome = 'sent' | 'failed' | 'suppressed';

export interface MessageAttemptTable {
  id: string;
  message_id: string;
  merchant_id: string;
  attempt: number;
  channel: OutboxChannel;
  attempted_at: string;
  /** sent | failed | suppressed */
  outcome: AttemptOutcome;
  /** What the provider answered (SMTP reply, HTTP status and body excerpt), or the error. */
  answer: string | null;
  duration_ms: number;
}
