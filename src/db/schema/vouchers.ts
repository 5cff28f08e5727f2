export interface VoucherTable {
  id: string;
  merchant_id: string;
  number: string;
  card_id: string | null;
  customer_id: string | null;
  kind: string;
  value: number;
  remaining: number;
  splittable: number;
  options: string;
  label: string | null;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  source: string;
  step_index: number | null;
  gift_id: string | null;
  created_at: string;
  updated_at: string;
}
