import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** Retention: jetons spent before `before` (a request signed with one of them could be replayed after). */
export async function deleteJetonsBefore(db: Kysely<DB>, before: string): Promise<number> {
  const r = await db.deleteFrom('used_jetons').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
