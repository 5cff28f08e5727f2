/** A merchant's promotion workflow (migration 0026); at most one is the general default. */
export interface WorkflowTable {
  merchant_id: string;
  code: string;
  name: string;
  /** 0 | 1 */
  is_default: number;
  created_at: string;
}
