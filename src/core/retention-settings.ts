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
}

export const DEFAULT_RETENTION: RetentionSettings = {
  logDays: 30,
  anonymousLogDays: 7,
  idempotencyHours: 72,
  jetonDays: 90,
  loginWindowMs: 15 * 60_000,
};
