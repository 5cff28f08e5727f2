import type { WebhookEventType } from '../../core/messaging/webhook-events.js';

export interface WebhookEventTable {
  id: string;
  merchant_id: string;
  type: WebhookEventType;
  /** JSON: the event's data object. */
  payload: string;
  created_at: string;
}
