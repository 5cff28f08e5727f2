/**
 * Reference data of loyalty elements and customers: agreements (contracts) that elements and customers
 * belong to, and the reference catalogs customer codes are checked against once a merchant has loaded them
 * (countries, states, cities, identification types, genders, customer types).
 */
import * as repo from '../../db/repos/reference.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export const REFERENCE_CATALOGS = [
  'country',
  'state',
  'city',
  'identification-type',
  'gender',
  'customer-type',
] as const;
export type ReferenceCatalog = (typeof REFERENCE_CATALOGS)[number];

export async function saveReferenceCode(
  deps: Deps,
  merchantId: string,
  catalog: ReferenceCatalog,
  entry: { code: string; description: string; parent?: string | null },
): Promise<void> {
  await repo.saveReferenceCode(deps.db, {
    merchantId,
    catalog,
    code: entry.code,
    description: entry.description,
    parent: entry.parent ?? null,
    now: deps.now().toISOString(),
  });
}

export function listReferenceCodes(deps: Deps, merchantId: string, catalog: ReferenceCatalog) {
  return repo.listReferenceCodes(deps.db, merchantId, catalog);
}

/** Whether a code may be used: known in its catalog, or the merchant has loaded no code in it. */
export async function referenceCodeAllowed(
  deps: Deps,
  merchantId: string,
  catalog: ReferenceCatalog,
  code: string,
): Promise<boolean> {
  return (await repo.referenceCodeKnown(deps.db, merchantId, catalog, code)) !== 'unknown';
}

export async function saveAgreement(
  deps: Deps,
  merchantId: string,
  input: { code: string; name: string; active?: boolean },
): Promise<void> {
  await repo.saveAgreement(deps.db, {
    id: newId('agr'),
    merchantId,
    code: input.code,
    name: input.name,
    active: input.active ?? true,
    now: deps.now().toISOString(),
  });
}

export function findAgreement(deps: Deps, merchantId: string, code: string) {
  return repo.findAgreement(deps.db, merchantId, code);
}
