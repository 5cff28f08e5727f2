export interface VehicleCampaignTable {
  merchant_id: string;
  campaign_id: number;
  store_id: string;
  label: string;
  type: string;
  created_on: string;
  prediction_month: string;
  window_months: number;
  lookback_months: number;
  channels: string;
  diffused_at: string | null;
}
