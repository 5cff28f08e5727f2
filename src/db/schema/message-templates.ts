export interface MessageTemplateTable {
  merchant_id: string;
  name: string;
  language: string;
  channel: string;
  subject: string | null;
  body: string;
  html: string | null;
  updated_at: string;
}
