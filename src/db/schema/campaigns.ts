import type { Generated } from 'kysely';

/** Delivery of the outbox (0013): attempts, webhook endpoints and events, push subscriptions, templates. */

export interface MessageAttemptTable {
  id: string;
  message_id: string;
  merchant_id: string;
  attempt: number;
  channel: string;
  attempted_at: string;
  /** sent | failed | suppressed */
  outcome: string;
  /** What the provider answered (SMTP reply, HTTP status and body excerpt), or the error. */
  answer: string | null;
  duration_ms: number;
}

export interface WebhookEndpointTable {
  id: string;
  merchant_id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** whsec_<base64>: the signing secret. */
  secret: string;
  description: string | null;
  enabled: number;
  disabled_reason: string | null;
  /** The first failed delivery since the last success. */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventTable {
  id: string;
  merchant_id: string;
  type: string;
  /** JSON: the event's data object. */
  payload: string;
  created_at: string;
}

export interface PushSubscriptionTable {
  id: string;
  merchant_id: string;
  customer_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

export interface MessageTemplateTable {
  merchant_id: string;
  name: string;
  language: string;
  channel: string;
  subject: string | null;
  body: string;
  html: string | null;
  updated_at: string;
}

export interface MessagingSettingsTable {
  merchant_id: string;
  /** HH:MM local time; no message leaves between start and end. */
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
  /** Messages per minute for the merchant (all channels but webhooks); null: unlimited. */
  per_minute: number | null;
  updated_at: string;
}

/** A campaign (0024): audience, channel, template, schedule, throttle, launch progress. */
export interface CampaignTable {
  id: string;
  merchant_id: string;
  name: string;
  /** draft | scheduled | launching | launched | cancelled */
  status: string;
  channel: string;
  template: string;
  language: string | null;
  /** JSON: the audience filters (core/messaging/audience.ts). */
  audience: string;
  schedule_at: string | null;
  per_minute: number | null;
  lease_owner: string | null;
  lease_until: string | null;
  /** The last customer id enqueued (keyset cursor of the launch). */
  cursor: string | null;
  queued: Generated<number>;
  launched_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An automation of a merchant (0024), one per kind. */
export interface AutomationTable {
  id: string;
  merchant_id: string;
  /** birthday | points_expiring | welcome | tier_reached */
  kind: string;
  enabled: number;
  channel: string;
  template: string;
  language: string | null;
  days_before: number | null;
  /** JSON: the voucher a birthday brings ({ kind, value, validDays }), or null. */
  voucher: string | null;
  created_at: string;
  updated_at: string;
}
