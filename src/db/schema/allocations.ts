export interface AllocationTable {
  id: string;
  movement_id: string;
  lot_id: string;
  kind: string;
  amount: number;
}
