export interface VehicleNetworkTable {
  merchant_id: string;
  time_zone: string;
  default_monthly_mileage: number;
  next_invoice_id: number;
  next_campaign_id: number;
  next_promotion_id: number;
  next_row_order: number;
}

export interface VehicleMemberTable {
  store_id: string;
  merchant_id: string;
  member_id: number;
  short_name: string;
  workshop_siret: string;
  active: number;
}

export interface StoreUserTable {
  user_id: string;
  store_id: string;
}

export interface OauthClientGrantTable {
  api_client_id: string;
  grant_type: string;
}

export interface RefreshTokenTable {
  token_hash: string;
  api_client_id: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface VehicleJobOverrideTable {
  merchant_id: string;
  job_id: number;
  settings: string;
}

export interface VehicleClientTable {
  customer_id: string;
  merchant_id: string;
  client_id: number;
  store_id: string;
  workshop_siret: string | null;
  dms_id: string | null;
  civility: string | null;
  last_name: string | null;
  first_name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  postal_code: string | null;
  city: string | null;
  home_phone: string | null;
  mobile_phone: string | null;
  pro_phone: string | null;
  email: string | null;
  privacy: string | null;
  sms_flag: number;
  email_flag: number;
  sync_phone: number;
  sync_email: number;
  updated_at: string;
}

export interface VehicleClientRowTable {
  merchant_id: string;
  store_id: string;
  row_order: number;
  import_id: string;
  customer_id: string;
  plate: string;
  row_values: string;
  workshop_siret: string;
  dms_id: string;
  last_visit_date: string | null;
}

export interface VehicleTable {
  merchant_id: string;
  plate: string;
  created_at: string;
}

export interface VehicleClientLinkTable {
  merchant_id: string;
  customer_id: string;
  plate: string;
  source: string;
}

export interface VehicleInvoiceTable {
  merchant_id: string;
  invoice_id: number;
  workshop_siret: string;
  dms_id: string;
  client_dms_id: string;
  invoice_date: string;
  amount_minor: number;
  vin: string | null;
  mileage: number | null;
  plate_raw: string;
  plate: string;
  store_id: string;
  import_id: string;
}

export interface VehicleInvoiceLineTable {
  merchant_id: string;
  invoice_id: number;
  line_no: number;
  quantity_milli: number;
  package_code: string;
  package_label: string;
  job_code: string;
  job_label: string;
  part_reference: string;
  part_brand: string;
  part_label: string;
}

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

export interface VehicleCampaignOperationTable {
  merchant_id: string;
  campaign_id: number;
  job_id: number;
  promotion_id: number;
  promotion_label: string;
}

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

export interface ImportTable {
  id: string;
  merchant_id: string;
  kind: string;
  store_id: string | null;
  file_name: string | null;
  sha256: string | null;
  status: string;
  counts: string;
  error_count: number;
  errors: string;
  created_by: string | null;
  received_at: string;
  finished_at: string | null;
}

export interface ImportLockTable {
  merchant_id: string;
  kind: string;
  import_id: string;
  locked_at: string;
}
