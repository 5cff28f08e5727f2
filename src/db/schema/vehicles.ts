export interface VehicleTable {
  merchant_id: string;
  plate: string;
  created_at: string;
}
