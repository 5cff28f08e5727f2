/** Data loading: queued import contents, code catalogs, base price lists, points-for-product table. */
export interface ImportPayloadTable {
  import_id: string;
  merchant_id: string;
  body: string;
}
