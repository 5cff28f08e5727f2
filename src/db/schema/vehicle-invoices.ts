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
