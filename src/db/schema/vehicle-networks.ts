export interface VehicleNetworkTable {
  merchant_id: string;
  time_zone: string;
  default_monthly_mileage: number;
  next_invoice_id: number;
  next_campaign_id: number;
  next_promotion_id: number;
  next_row_order: number;
}
