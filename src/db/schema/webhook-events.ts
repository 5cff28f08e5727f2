export interface WebhookEventTable {
  id: string;
  merchant_id: string;
  type: string;
  /** JSON: the event's data object. */
  payload: string;
  created_at: string;
}
