import type { VoucherStatus } from '../../core/rewards/vouchers.js';

export type VoucherKind = 'amount' | 'percentage' | 'gift' | 'choices';
/** What issued a voucher. */
export type VoucherSource = 'manual' | 'step' | 'gift' | 'demo' | 'birthday';

export interface VoucherTable {
  id: string;
  merchant_id: string;
  number: string;
  card_id: string | null;
  customer_id: string | null;
  kind: VoucherKind;
  value: number;
  remaining: number;
  splittable: number;
  options: string;
  label: string | null;
  status: VoucherStatus;
  valid_from: string | null;
  valid_until: string | null;
  source: VoucherSource;
  step_index: number | null;
  gift_id: string | null;
  created_at: string;
  updated_at: string;
}
