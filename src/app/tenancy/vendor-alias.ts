import { findAliasOf } from '../../db/repos/aliases.repo.js';
import type { AliasKind } from '../../db/schema/index.js';
import type { Deps } from '../context.js';

/** A vendor's identifier of a native record (e.g. 'avomark.shop' → the merchant's Avomark shop id). */
export async function vendorAliasOf(deps: Deps, kind: AliasKind, targetId: string): Promise<string | null> {
  return (await findAliasOf(deps.db, kind, targetId)) ?? null;
}
