import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** A row whose window (or lockout, once blocked) has run out counts as absent. */
function stale(nowIso: string, windowStartIso: string) {
  return sql<boolean>`((login_attempts.blocked_until is not null and login_attempts.blocked_until <= ${nowIso})
    or (login_attempts.blocked_until is null and login_attempts.window_started_at <= ${windowStartIso}))`;
}

/**
 * Reserves one attempt of `key` before the password is checked, in one statement: the count goes up only
 * if the key is not blocked and under `limit`, so concurrent attempts cannot all pass on a stale read.
 * Returns the count including this attempt, or undefined when refused.
 */
export async function reserveAttempt(
  db: Kysely<DB>,
  key: string,
  limit: number,
  nowIso: string,
  windowStartIso: string,
): Promise<number | undefined> {
  const old = stale(nowIso, windowStartIso);
  const row = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, window_started_at: nowIso, blocked_until: null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql`case when ${old} then 1 else login_attempts.failures + 1 end`,
          window_started_at: sql`case when ${old} then ${nowIso} else login_attempts.window_started_at end`,
          blocked_until: sql`case when ${old} then null else login_attempts.blocked_until end`,
        })
        .where(
          sql<boolean>`(${old} or (login_attempts.blocked_until is null and login_attempts.failures < ${limit}))`,
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : undefined;
}

/** Counts one failure of `key` (a login or an address total), in one statement. */
export async function countFailure(
  db: Kysely<DB>,
  key: string,
  nowIso: string,
  windowStartIso: string,
): Promise<void> {
  const old = stale(nowIso, windowStartIso);
  await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, window_started_at: nowIso, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when ${old} then 1 else login_attempts.failures + 1 end`,
        window_started_at: sql`case when ${old} then ${nowIso} else login_attempts.window_started_at end`,
      }),
    )
    .execute();
}

/** Blocks a pair that has used its allowance, from the time the last failure is written. */
export async function blockIfSpent(
  db: Kysely<DB>,
  key: string,
  limit: number,
  blockedUntilIso: string,
): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ blocked_until: blockedUntilIso })
    .where('key', '=', key)
    .where('failures', '>=', limit)
    .where('blocked_until', 'is', null)
    .execute();
}

export function findAttempts(db: Kysely<DB>, keys: string[]) {
  return db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
}

export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Retention: rows whose window and lockout have both run out. */
export async function deleteStaleAttempts(
  db: Kysely<DB>,
  nowIso: string,
  windowStartIso: string,
): Promise<number> {
  const r = await db
    .deleteFrom('login_attempts')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocked_until', 'is not', null), eb('blocked_until', '<=', nowIso)]),
        eb.and([eb('blocked_until', 'is', null), eb('window_started_at', '<=', windowStartIso)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
