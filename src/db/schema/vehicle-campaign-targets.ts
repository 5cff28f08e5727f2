export interface VehicleCampaignTargetTable {
  merchant_id: string;
  campaign_id: number;
  customer_id: string;
  client_id: number;
  plate: string;
  job_id: number;
  client_dms_id: string | null;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  brand: string | null;
  model: string | null;
  sms: number;
  email: number;
  postal: number;
}
