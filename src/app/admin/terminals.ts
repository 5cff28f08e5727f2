import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/tenancy.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export interface TerminalView {
  id: string;
  code: string;
  name: string;
  storeId: string;
  storeCode: string;
  createdAt: string;
}

/** Creates a till of one of the merchant's stores, named by the store's id or code. */
export async function createTerminal(
  deps: Deps,
  merchantId: string,
  input: { code: string; name: string; storeId?: string | undefined; storeCode?: string | undefined },
): Promise<Result<TerminalView>> {
  if ((input.storeId === undefined) === (input.storeCode === undefined))
    return fail('VALIDATION_FAILED', 'Send exactly one of storeId and storeCode.');
  const store = await repo.findStore(
    deps.db,
    merchantId,
    input.storeId !== undefined ? { id: input.storeId } : { code: input.storeCode! },
  );
  if (!store)
    return fail(
      'STORE_NOT_FOUND',
      `No store of this merchant has the ${input.storeId ? 'id' : 'code'} "${input.storeId ?? input.storeCode}".`,
    );
  const row = {
    id: newId('trm'),
    merchant_id: merchantId,
    store_id: store.id,
    code: input.code,
    name: input.name,
    created_at: deps.now().toISOString(),
  };
  try {
    await repo.insertTerminal(deps.db, row);
  } catch (error) {
    if (isDuplicate(error))
      return fail(
        'TERMINAL_CODE_TAKEN',
        `A terminal with the code "${input.code}" already exists (codes are unique per merchant).`,
      );
    throw error;
  }
  return ok({
    id: row.id,
    code: row.code,
    name: row.name,
    storeId: store.id,
    storeCode: store.code,
    createdAt: row.created_at,
  });
}

export async function listTerminals(
  deps: Deps,
  merchantId: string,
  filter: { storeCode?: string | undefined },
): Promise<Result<TerminalView[]>> {
  let storeId: string | undefined;
  if (filter.storeCode !== undefined) {
    const store = await repo.findStore(deps.db, merchantId, { code: filter.storeCode });
    if (!store) return fail('STORE_NOT_FOUND', `No store has the code "${filter.storeCode}".`);
    storeId = store.id;
  }
  const rows = await repo.listTerminals(deps.db, merchantId, storeId);
  return ok(
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      storeId: r.store_id,
      storeCode: r.store_code,
      createdAt: r.created_at,
    })),
  );
}
