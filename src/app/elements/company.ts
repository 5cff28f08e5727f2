/** A merchant as a company of an integrating system: its code (slug) and the time zone of its day dates. */
import type { Deps } from '../context.js';

export async function companyOf(
  deps: Deps,
  merchantId: string,
): Promise<{ merchantId: string; slug: string; zone: string | null } | undefined> {
  const row = await deps.db
    .selectFrom('merchants')
    .select(['id', 'slug', 'time_zone'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  return row ? { merchantId: row.id, slug: row.slug, zone: row.time_zone ?? null } : undefined;
}
