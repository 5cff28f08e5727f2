/** A user's association with a workflow (migration 0026). */
export interface WorkflowUserTable {
  merchant_id: string;
  user_id: string;
  workflow_code: string;
}
