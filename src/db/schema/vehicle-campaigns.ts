/** Campaigns are predictive (maintenance due in the prediction month): the one type MMP's wire knows. */
export type VehicleCampaignType = 'predictive';

export interface VehicleCampaignTable {
  merchant_id: string;
  campaign_id: number;
  store_id: string;
  label: string;
  type: VehicleCampaignType;
  created_on: string;
  prediction_month: string;
  window_months: number;
  lookback_months: number;
  channels: string;
  diffused_at: string | null;
}
