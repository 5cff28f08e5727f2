export interface PriceListItemTable {
  merchant_id: string;
  store_code: string;
  sku: string;
  sale_price_minor: number;
  data: string;
  enabled_at: string | null;
  updated_at: string;
}
