export interface MovementTable {
  id: string;
  merchant_id: string;
  card_id: string;
  kind: string;
  points: number;
  money: number;
  sale_id: string | null;
  store_id: string | null;
  terminal_id: string | null;
  principal_id: string | null;
  reason: string | null;
  created_at: string;
}
