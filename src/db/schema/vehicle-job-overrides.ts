export interface VehicleJobOverrideTable {
  merchant_id: string;
  job_id: number;
  settings: string;
}
