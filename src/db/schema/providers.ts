export interface ProviderTable {
  id: string;
  code: string;
  name: string;
  api_key: string | null;
  created_at: string;
}
