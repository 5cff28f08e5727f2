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
