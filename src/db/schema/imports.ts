export type ImportStatus = 'queued' | 'running' | 'accepted' | 'rejected' | 'failed';

export interface ImportTable {
  id: string;
  merchant_id: string;
  kind: string;
  store_id: string | null;
  file_name: string | null;
  sha256: string | null;
  status: ImportStatus;
  counts: string;
  error_count: number;
  errors: string;
  created_by: string | null;
  received_at: string;
  finished_at: string | null;
}
