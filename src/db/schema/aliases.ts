/**
 * What an alias names: a vendor's identifier of a native record ('avomark.shop' → the merchant's Avomark
 * shop id, 'fidelisa.customer' → a customer's 32-hex uuid), the merchant's company code, or a 24-hex object
 * id of a record ('object-id.card').
 */
/** The records that have 24-hex object ids. */
export type ObjectIdKind = 'customer' | 'card' | 'movement' | 'coupon' | 'limit' | 'limit-state';

export type AliasKind =
  | 'avomark.shop'
  | 'company-code'
  | `fidelisa.${'shop' | 'customer' | 'card' | 'program' | 'gift'}`
  | `object-id.${ObjectIdKind}`;

/** Vendor identifiers (dialects) as stable aliases of native records. */
export interface AliasTable {
  merchant_id: string;
  kind: AliasKind;
  alias: string;
  target_id: string;
  created_at: string;
}
