export interface StepRewardTable {
  id: string;
  card_id: string;
  step_index: number;
  voucher_id: string | null;
  created_at: string;
}
