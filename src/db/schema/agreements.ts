export interface AgreementTable {
  id: string;
  merchant_id: string;
  code: string;
  name: string;
  active: number;
  created_at: string;
}
