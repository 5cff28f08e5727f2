import type { Kysely } from 'kysely';
import type { IntegrationLogTable } from '../schema/index.js';
import type { DB, IntegrationLogKind } from '../schema/index.js';

export async function insertLogEntry(db: Kysely<DB>, row: IntegrationLogTable): Promise<void> {
  await db.insertInto('integration_log').values(row).execute();
}

export function listLogEntries(
  db: Kysely<DB>,
  merchantId: string,
  options: { kind?: IntegrationLogKind | undefined; before?: string | undefined; limit: number },
) {
  let q = db.selectFrom('integration_log').selectAll().where('merchant_id', '=', merchantId);
  if (options.kind) q = q.where('kind', '=', options.kind);
  if (options.before) q = q.where('id', '<', options.before);
  return q.orderBy('id', 'desc').limit(options.limit).execute();
}

/** Switches full request/response logging for one API client or user of the merchant. */
export async function setPrincipalLogging(db: Kysely<DB>, merchantId: string, id: string, logFull: boolean) {
  const table = id.startsWith('usr_') ? 'users' : 'api_clients';
  const r = await db
    .updateTable(table)
    .set({ log_full: logFull ? 1 : 0 })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function listClients(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('api_clients')
    .select(['id', 'client_id as login', 'name', 'role', 'log_full', 'active'])
    .where('merchant_id', '=', merchantId)
    .orderBy('id')
    .execute();
}

export function listUsers(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'email as name', 'role', 'log_full', 'active'])
    .where('merchant_id', '=', merchantId)
    .orderBy('id')
    .execute();
}

export async function fullLoggingOf(db: Kysely<DB>, principalId: string): Promise<boolean> {
  const table = principalId.startsWith('usr_') ? 'users' : 'api_clients';
  const row = await db.selectFrom(table).select('log_full').where('id', '=', principalId).executeTakeFirst();
  return row?.log_full === 1;
}

/** Retention: entries created before `before`; `anonymousBefore` for entries of no merchant. */
export async function deleteLogEntriesBefore(
  db: Kysely<DB>,
  before: string,
  anonymousBefore: string,
): Promise<number> {
  const r = await db
    .deleteFrom('integration_log')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', before),
        eb.and([eb('merchant_id', 'is', null), eb('created_at', '<', anonymousBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
