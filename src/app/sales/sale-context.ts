/**
 * Where a sale happened, resolved before its transaction: the store and terminal.
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';

/** Where the sale happened: the store named, or the caller's terminal's store. */
export async function resolvePlace(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: { storeCode?: string | undefined; terminalCode?: string | undefined },
): Promise<Result<{ storeId: string; terminalId: string | null }>> {
  const own =
    caller.terminalId !== null
      ? await sales.findTerminal(deps.db, merchantId, { id: caller.terminalId })
      : undefined;
  let storeId: string | undefined;
  if (input.storeCode !== undefined) {
    const store = await sales.findStoreByCode(deps.db, merchantId, input.storeCode);
    if (!store) return fail('STORE_NOT_FOUND', `No store has the code "${input.storeCode}".`);
    storeId = store.id;
  } else if (own) storeId = own.store_id;
  if (storeId === undefined) {
    return fail('VALIDATION_FAILED', 'storeCode is required (the caller has no terminal).', [
      detail('VALIDATION_FAILED', 'storeCode', 'storeCode is required'),
    ]);
  }
  if (input.terminalCode !== undefined) {
    const terminal = await sales.findTerminal(deps.db, merchantId, { code: input.terminalCode });
    if (!terminal || terminal.store_id !== storeId) {
      return fail('TERMINAL_NOT_FOUND', `The store has no terminal "${input.terminalCode}".`);
    }
    return ok({ storeId, terminalId: terminal.id });
  }
  return ok({ storeId, terminalId: own && own.store_id === storeId ? own.id : null });
}
