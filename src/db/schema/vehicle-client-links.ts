export interface VehicleClientLinkTable {
  merchant_id: string;
  customer_id: string;
  plate: string;
  source: string;
}
