import type { Kysely } from 'kysely';
import { hotQuery } from '../hot.js';
import type { AliasKind, DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';

/** Alias kinds used by the dialects, e.g. 'fidelisa.customer' → a customer id. */
export async function findAliasTarget(
  db: Kysely<DB>,
  merchantId: string,
  kind: AliasKind,
  alias: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('aliases')
    .select('target_id')
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', kind)
    .where('alias', '=', alias)
    .executeTakeFirst();
  return row?.target_id;
}

const aliasOf = hotQuery((db, kind: AliasKind, targetId: string) =>
  db.selectFrom('aliases').select('alias').where('kind', '=', kind).where('target_id', '=', targetId),
);

export async function findAliasOf(
  db: Kysely<DB>,
  kind: AliasKind,
  targetId: string,
): Promise<string | undefined> {
  const row = (await aliasOf(db, kind, targetId)).rows[0];
  return row?.alias;
}

export async function insertAlias(
  db: Kysely<DB> | Tx,
  row: { merchantId: string; kind: AliasKind; alias: string; targetId: string; now: string },
): Promise<void> {
  await db
    .insertInto('aliases')
    .values({
      merchant_id: row.merchantId,
      kind: row.kind,
      alias: row.alias,
      target_id: row.targetId,
      created_at: row.now,
    })
    .execute();
}
