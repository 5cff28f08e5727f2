/**
 * Merchant catalogs of codes loaded by data imports: generic code catalogs (brands, stores, items, payment
 * codes ...), the reference catalogs customers are checked against (countries, states, cities ...), a store's
 * base price list and the points-for-product table. One record is applied at a time: an error on one record
 * never undoes another.
 */
import * as repo from '../../db/repos/catalogs.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import type { ReferenceCatalog } from '../elements/reference-data.js';
import { saveReferenceCode } from '../elements/reference-data.js';

export type EntryOperation = 'insert' | 'update' | 'upsert' | 'remove' | 'delete-by-code';
export type EntryOutcome =
  | { ok: true; effect: 'inserted' | 'updated' | 'removed' }
  | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_EXISTS' };

export interface EntryInput {
  code: string;
  name: string | null;
  data: Record<string, unknown>;
}

/**
 * Applies one record to a code catalog. `unique`: one record per code (insert of a known code is refused);
 * otherwise codes may repeat and the name tells them apart (update and removal pick code + name when given,
 * else the first record of the code).
 */
export async function applyCatalogEntry(
  deps: Deps,
  merchantId: string,
  catalog: string,
  operation: EntryOperation,
  input: EntryInput,
  unique: boolean,
): Promise<EntryOutcome> {
  const now = deps.now().toISOString();
  const same = await repo.catalogEntries(deps.db, merchantId, catalog, input.code);
  const match = input.name === null ? same[0] : (same.find((e) => e.name === input.name) ?? undefined);
  const removal = operation === 'remove' || operation === 'delete-by-code';
  // Repeated codes: a removal takes the record of that code and name; an update renames the first of the code.
  const target = unique ? same[0] : removal ? match : (match ?? same[0]);
  if (removal) {
    if (!target) return { ok: false, reason: 'NOT_FOUND' };
    await repo.deleteCatalogEntries(deps.db, [target.id]);
    return { ok: true, effect: 'removed' };
  }
  const data = JSON.stringify(input.data);
  if (operation === 'update' || (operation === 'upsert' && target)) {
    if (!target) return { ok: false, reason: 'NOT_FOUND' };
    await repo.updateCatalogEntry(deps.db, target.id, { name: input.name, data, updated_at: now });
    return { ok: true, effect: 'updated' };
  }
  if (unique && target) return { ok: false, reason: 'ALREADY_EXISTS' };
  await repo.insertCatalogEntry(deps.db, {
    id: newId('cte'),
    merchant_id: merchantId,
    catalog,
    code: input.code,
    name: input.name,
    data,
    created_at: now,
    updated_at: now,
  });
  return { ok: true, effect: 'inserted' };
}

export function clearCatalog(deps: Deps, merchantId: string, catalog: string) {
  return repo.clearCatalog(deps.db, merchantId, catalog);
}

export async function listCatalog(
  deps: Deps,
  merchantId: string,
  catalog: string,
  options: { limit: number; cursor?: string | undefined },
) {
  const rows = await repo.listCatalogEntries(deps.db, merchantId, catalog, options.limit + 1, options.cursor);
  const page = rows.slice(0, options.limit);
  return {
    data: page.map((r) => ({
      id: r.id,
      catalog: r.catalog,
      code: r.code,
      name: r.name,
      data: JSON.parse(r.data) as Record<string, unknown>,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > options.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** One record of a reference catalog; a state names its country, a city its state (`parent`). */
export async function applyReferenceEntry(
  deps: Deps,
  merchantId: string,
  catalog: ReferenceCatalog,
  operation: EntryOperation,
  input: { code: string; description: string; parent: string | null },
): Promise<EntryOutcome> {
  const exists = await repo.referenceCodeExists(deps.db, merchantId, catalog, input.code);
  if (operation === 'remove' || operation === 'delete-by-code') {
    if (!exists) return { ok: false, reason: 'NOT_FOUND' };
    await repo.deleteReferenceCode(deps.db, merchantId, catalog, input.code);
    return { ok: true, effect: 'removed' };
  }
  if (operation === 'insert' && exists) return { ok: false, reason: 'ALREADY_EXISTS' };
  if (operation === 'update' && !exists) return { ok: false, reason: 'NOT_FOUND' };
  await saveReferenceCode(deps, merchantId, catalog, input);
  return { ok: true, effect: exists ? 'updated' : 'inserted' };
}

export function referenceCodeExists(deps: Deps, merchantId: string, catalog: ReferenceCatalog, code: string) {
  return repo.referenceCodeExists(deps.db, merchantId, catalog, code);
}

export function clearReferenceCatalog(deps: Deps, merchantId: string, catalog: ReferenceCatalog) {
  return repo.clearReferenceCatalog(deps.db, merchantId, catalog);
}
