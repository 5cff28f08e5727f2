/** A member garage's client (a customer of the merchant) as the vehicles module shows it. */
import type { VehicleClientTable } from '../../db/schema/index.js';
import type { Member } from './network.js';

export interface VehicleClient {
  customerId: string;
  clientId: number;
  member: Member | null;
  dmsId: string | null;
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  city: string | null;
  homePhone: string | null;
  mobilePhone: string | null;
  proPhone: string | null;
  email: string | null;
  privacy: string | null;
  smsFlag: boolean;
  emailFlag: boolean;
  syncPhone: boolean;
  syncEmail: boolean;
}

export function clientOf(c: VehicleClientTable, byStore: ReadonlyMap<string, Member>): VehicleClient {
  return {
    customerId: c.customer_id,
    clientId: Number(c.client_id),
    member: byStore.get(c.store_id) ?? null,
    dmsId: c.dms_id,
    civility: c.civility,
    firstName: c.first_name,
    lastName: c.last_name,
    company: c.company,
    address1: c.address1,
    address2: c.address2,
    postalCode: c.postal_code,
    city: c.city,
    homePhone: c.home_phone,
    mobilePhone: c.mobile_phone,
    proPhone: c.pro_phone,
    email: c.email,
    privacy: c.privacy,
    smsFlag: c.sms_flag === 1,
    emailFlag: c.email_flag === 1,
    syncPhone: c.sync_phone === 1,
    syncEmail: c.sync_email === 1,
  };
}
