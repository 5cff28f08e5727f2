export interface ElementTypeRangeTable {
  id: string;
  program_id: string;
  merchant_id: string;
  prefix_start: number;
  prefix_end: number;
  suggested: number;
  created_at: string;
}
