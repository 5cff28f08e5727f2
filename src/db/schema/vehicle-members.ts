export interface VehicleMemberTable {
  store_id: string;
  merchant_id: string;
  member_id: number;
  short_name: string;
  workshop_siret: string;
  active: number;
}
