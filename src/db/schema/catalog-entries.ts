/** Data loading: queued import contents, code catalogs, base price lists, points-for-product table. */
export interface ImportPayloadTable {
  import_id: string;
  merchant_id: string;
  body: string;
}

export interface CatalogEntryTable {
  id: string;
  merchant_id: string;
  catalog: string;
  code: string;
  name: string | null;
  data: string;
  created_at: string;
  updated_at: string;
}

export interface PriceListItemTable {
  merchant_id: string;
  store_code: string;
  sku: string;
  sale_price_minor: number;
  data: string;
  enabled_at: string | null;
  updated_at: string;
}

export interface RedeemBenefitTable {
  merchant_id: string;
  store_code: string;
  product_code: string;
  points_hundredths: number;
  discount_hundredths: number;
  discount_type: string;
  updated_at: string;
}
