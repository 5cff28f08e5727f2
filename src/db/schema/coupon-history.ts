export interface CouponHistoryTable {
  id: string;
  coupon_id: string;
  merchant_id: string;
  /** CREATE | REDEEM | VOID | RESTORE */
  action: string;
  at: string;
  sale_id: string | null;
  store_code: string | null;
  terminal_code: string | null;
  /** External transaction id of the event's sale (migration 0021). */
  transaction_id: string | null;
}
