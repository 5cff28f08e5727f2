export interface CatalogEntryTable {
  id: string;
  merchant_id: string;
  catalog: string;
  code: string;
  name: string | null;
  data: string;
  created_at: string;
  updated_at: string;
}
