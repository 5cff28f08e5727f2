import type { Generated } from 'kysely';
import type { Channel } from '../../core/customer/customer.js';

export type CampaignStatus = 'draft' | 'scheduled' | 'launching' | 'launched' | 'cancelled';

/** A campaign (0024): audience, channel, template, schedule, throttle, launch progress. */
export interface CampaignTable {
  id: string;
  merchant_id: string;
  name: string;
  /** draft | scheduled | launching | launched | cancelled */
  status: CampaignStatus;
  channel: Channel;
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
