export interface SegmentTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  created_at: string;
}
