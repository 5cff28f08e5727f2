/** Reference catalogs of customer data (countries, states, cities, identification types, genders ...). */
export interface ReferenceCodeTable {
  merchant_id: string;
  catalog: string;
  code: string;
  description: string;
  parent: string | null;
  created_at: string;
}
