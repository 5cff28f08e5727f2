export interface GiftTable {
  id: string;
  merchant_id: string;
  program_id: string | null;
  title: string;
  points_cost: number;
  stock: number | null;
  valid_from: string | null;
  valid_until: string | null;
  active: number;
  created_at: string;
}
