export interface PushSubscriptionTable {
  id: string;
  merchant_id: string;
  customer_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}
