export interface MessageAttemptTable {
  id: string;
  message_id: string;
  merchant_id: string;
  attempt: number;
  channel: string;
  attempted_at: string;
  /** sent | failed | suppressed */
  outcome: string;
  /** What the provider answered (SMTP reply, HTTP status and body excerpt), or the error. */
  answer: string | null;
  duration_ms: number;
}
