/** A merchant's configuration of a transaction header attribute (migration 0026); booleans 0 | 1. */
export interface HeaderAttributeTable {
  merchant_id: string;
  attribute: string;
  name: string;
  active: number;
  mandatory: number;
  updated_at: string;
}
