/** How a plate came to a client: a DMS import, or the back office. */
export type VehicleClientLinkSource = 'import' | 'back_office';

export interface VehicleClientLinkTable {
  merchant_id: string;
  customer_id: string;
  plate: string;
  source: VehicleClientLinkSource;
}
