/** Who sent an import (its record's creator): the user whose workflows decide an imported promotion's. */
import { findImport } from '../../db/repos/imports.repo.js';
import type { Deps } from '../context.js';

export async function importedBy(deps: Deps, merchantId: string, importId: string): Promise<string | null> {
  const row = await findImport(deps.db, merchantId, importId);
  return row?.created_by ?? null;
}
