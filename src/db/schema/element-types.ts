/** Loyalty elements (0017): a card whose balance is one stored amount (minor units), and its movements. */
export interface ElementTypeTable {
  program_id: string;
  merchant_id: string;
  description: string;
  nominated: number;
  rechargeable: number;
  cvv_required: number;
  customer_validation: string;
  charge_limit: number;
  initial_amount: number;
  validity_days: number | null;
  created_at: string;
}
