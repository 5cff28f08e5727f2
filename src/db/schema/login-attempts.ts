export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}
