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
