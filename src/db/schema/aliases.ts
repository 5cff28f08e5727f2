/** Vendor identifiers (dialects) as stable aliases of native records. */
export interface AliasTable {
  merchant_id: string;
  kind: string;
  alias: string;
  target_id: string;
  created_at: string;
}
