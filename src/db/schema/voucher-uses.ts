export interface VoucherUseTable {
  id: string;
  voucher_id: string;
  sale_id: string;
  amount: number;
  choice: string | null;
  restored_at: string | null;
  created_at: string;
}
