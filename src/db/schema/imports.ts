export type ImportStatus = 'queued' | 'running' | 'accepted' | 'rejected' | 'failed';

/**
 * What an import loads: MMP's clients-and-invoices archives, run at once; PROMO's queued loads (a catalog by
 * its format, a store's price list, promotions, limits), processed by the job runner.
 */
export type ImportKind =
  | 'vehicles.clients-invoices'
  | `promo.catalog.${string}`
  | `promo.priceList.${string}`
  | 'promo.promotions'
  | 'promo.limits';

export interface ImportTable {
  id: string;
  merchant_id: string;
  kind: ImportKind;
  store_id: string | null;
  file_name: string | null;
  sha256: string | null;
  status: ImportStatus;
  counts: string;
  error_count: number;
  errors: string;
  created_by: string | null;
  received_at: string;
  finished_at: string | null;
}
