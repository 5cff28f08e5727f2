export interface SegmentMemberTable {
  segment_id: string;
  customer_id: string;
  added_at: string;
}
