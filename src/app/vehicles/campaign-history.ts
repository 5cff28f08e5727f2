/** Campaigns stored as history (imported from a previous platform, or the demo's): loaded as they are. */
import type { Channel } from '../../core/vehicles/campaign-select.js';
import * as repo from '../../db/repos/vehicle-setup.repo.js';
import type { VehicleCampaignType } from '../../db/schema/index.js';
import type { Deps } from '../context.js';

export interface HistoryTarget {
  clientId: number;
  clientDmsId: string | null;
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  plate: string;
  brand: string | null;
  model: string | null;
  jobId: number;
  channels: Record<Channel, boolean>;
}

export interface HistoryCampaign {
  campaignId: number;
  storeId: string;
  label: string;
  type: VehicleCampaignType;
  createdOn: string;
  predictionMonth: string;
  /** UTC instant. */
  diffusedAt: string;
  channels: Channel[];
  operations: { jobId: number; promotionId: number; promotionLabel: string }[];
  targets: HistoryTarget[];
}

export async function recordCampaign(deps: Deps, merchantId: string, c: HistoryCampaign): Promise<void> {
  const targets = [];
  for (const t of c.targets) {
    const client = await repo.findClientById(deps.db, merchantId, t.clientId);
    if (!client) throw new Error(`campaign ${c.campaignId}: unknown client ${t.clientId}`);
    targets.push({
      merchant_id: merchantId,
      campaign_id: c.campaignId,
      customer_id: client.customer_id,
      client_id: t.clientId,
      plate: t.plate,
      job_id: t.jobId,
      client_dms_id: t.clientDmsId,
      civility: t.civility,
      first_name: t.firstName,
      last_name: t.lastName,
      brand: t.brand,
      model: t.model,
      sms: t.channels.sms ? 1 : 0,
      email: t.channels.email ? 1 : 0,
      postal: t.channels.postal ? 1 : 0,
    });
  }
  await repo.insertCampaign(
    deps.db,
    {
      merchant_id: merchantId,
      campaign_id: c.campaignId,
      store_id: c.storeId,
      label: c.label,
      type: c.type,
      created_on: c.createdOn,
      prediction_month: c.predictionMonth,
      window_months: 1,
      lookback_months: 0,
      channels: JSON.stringify(c.channels),
      diffused_at: c.diffusedAt,
    },
    c.operations.map((o) => ({
      merchant_id: merchantId,
      campaign_id: c.campaignId,
      job_id: o.jobId,
      promotion_id: o.promotionId,
      promotion_label: o.promotionLabel,
    })),
    targets,
  );
}
