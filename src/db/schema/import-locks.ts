export interface ImportLockTable {
  merchant_id: string;
  kind: string;
  import_id: string;
  locked_at: string;
}
