import type { Generated } from 'kysely';

/** A scheduled job and its lease (src/jobs/runner.ts). */
export interface JobTable {
  name: string;
  next_run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
  runs: Generated<number>;
}
