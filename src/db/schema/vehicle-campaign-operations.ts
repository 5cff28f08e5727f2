export interface VehicleCampaignOperationTable {
  merchant_id: string;
  campaign_id: number;
  job_id: number;
  promotion_id: number;
  promotion_label: string;
}
