export interface SaleReturnTable {
  id: string;
  merchant_id: string;
  sale_id: string;
  receipt: string;
  amount_minor: number;
  points_reversed: number;
  body_hash: string;
  result: string;
  created_at: string;
}
