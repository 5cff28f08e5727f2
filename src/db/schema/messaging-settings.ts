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
