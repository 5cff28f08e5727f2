export interface VehicleInvoiceLineTable {
  merchant_id: string;
  invoice_id: number;
  line_no: number;
  quantity_milli: number;
  package_code: string;
  package_label: string;
  job_code: string;
  job_label: string;
  part_reference: string;
  part_brand: string;
  part_label: string;
}
