/** What a customer record holds beyond the native columns, as the integrating system sent it. */
export interface CustomerDetailTable {
  customer_id: string;
  merchant_id: string;
  gender_code: string | null;
  /** The e-mail as sent (the native column holds it only when it is a valid address). */
  email: string | null;
  birth_date: string | null;
  nationality: string | null;
  identification_expires_on: string | null;
  phone: string | null;
  address_country: string | null;
  address_state: string | null;
  address_city: string | null;
  postal_code: string | null;
  segments: string | null;
}
