export type GiftAwardStatus = 'awarded' | 'cancelled' | 'restored';

export interface GiftAwardTable {
  id: string;
  merchant_id: string;
  gift_id: string;
  card_id: string;
  customer_id: string | null;
  movement_id: string;
  voucher_id: string | null;
  status: GiftAwardStatus;
  restored_at: string | null;
  created_at: string;
}
