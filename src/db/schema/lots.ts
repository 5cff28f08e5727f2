export interface LotTable {
  id: string;
  merchant_id: string;
  card_id: string;
  movement_id: string;
  sale_id: string | null;
  amount: number;
  remaining: number;
  burnt: number;
  earned_at: string;
  pending_until: string | null;
  expires_at: string | null;
}
