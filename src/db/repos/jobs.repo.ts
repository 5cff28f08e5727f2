/** The job runner's claims: one conditional statement each, so that two processes never hold one job. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** Makes sure the job has a row (due at `firstRunAt`); an existing row keeps its schedule. */
export async function ensureJob(db: Kysely<DB>, name: string, firstRunAt: string): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ name, next_run_at: firstRunAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** Claims the job if it is due and nobody holds a live lease on it; true when this owner got it. */
export async function claimJob(
  db: Kysely<DB>,
  name: string,
  owner: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a run and schedules the next one; only the owner of the lease can. */
export async function finishJob(
  db: Kysely<DB>,
  name: string,
  owner: string,
  done: { at: string; nextRunAt: string; error: string | null },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      lease_owner: null,
      lease_until: null,
      last_run_at: done.at,
      last_error: done.error,
      next_run_at: done.nextRunAt,
      runs: eb('runs', '+', 1),
    }))
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .execute();
}

export function listJobs(db: Kysely<DB>) {
  return db.selectFrom('jobs').selectAll().orderBy('name').execute();
}
