export interface TerminalTable {
  id: string;
  merchant_id: string;
  store_id: string;
  code: string;
  name: string;
  created_at: string;
}
