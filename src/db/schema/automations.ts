import type { Channel } from '../../core/customer/customer.js';

/** An automation of a merchant (0024), one per kind. */
export interface AutomationTable {
  id: string;
  merchant_id: string;
  /** birthday | points_expiring | welcome | tier_reached */
  kind: string;
  enabled: number;
  channel: Channel;
  template: string;
  language: string | null;
  days_before: number | null;
  /** JSON: the voucher a birthday brings ({ kind, value, validDays }), or null. */
  voucher: string | null;
  created_at: string;
  updated_at: string;
}
