/** How long the retention job keeps each kind of operational record. */
export interface RetentionSettings {
  /** Integration log entries of a merchant. */
  logDays: number;
  /** Integration log entries of requests nobody authenticated (no merchant: nobody can read them). */
  anonymousLogDays: number;
  /** Idempotency keys and their stored responses: a retry after this is a new request. */
  idempotencyHours: number;
  /** Spent Fidelisa jetons: a request signed with one could be replayed once it is forgotten. */
  jetonDays: number;
  /** Login attempts are forgotten once this window (and any lockout) has run out. */
  loginWindowMs: number;
  /** Outbox messages (e-mail, SMS, push) once sent, dead or suppressed, with their delivery attempts. */
  messageDays: number;
  /** Webhook deliveries once finished (with their attempts), and webhook events no pending delivery needs. */
  webhookDays: number;
  /** Finished imports and their per-item errors (the imported data stays). */
  importDays: number;
  /** History of coupons that can no longer change (voided, consumed or expired). */
  couponHistoryDays: number;
  /** Movements of loyalty elements that are over (cancelled or expired): a statement kept as long as accounts. */
  elementMovementDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  logDays: 30,
  anonymousLogDays: 7,
  idempotencyHours: 72,
  jetonDays: 90,
  loginWindowMs: 15 * 60_000,
  messageDays: 90,
  webhookDays: 30,
  importDays: 90,
  couponHistoryDays: 730,
  elementMovementDays: 3650,
};
