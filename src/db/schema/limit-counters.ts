export interface LimitCounterTable {
  limit_id: string;
  subject: string;
  used: number;
  next_reset: string | null;
  updated_at: string;
}
