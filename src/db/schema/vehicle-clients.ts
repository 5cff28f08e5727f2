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
