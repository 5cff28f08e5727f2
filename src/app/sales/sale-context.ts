/**
 * Where a sale happened, resolved before its transaction: the store and terminal, with their codes (the
 * promotion engine's basket names them), so that nothing of them is read again in the transaction.
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';

export interface SalePlace {
  storeId: string;
  storeCode: string;
  terminalId: string | null;
  terminalCode: string | null;
}

/**
 * The place, and when it came in the same read, the sale already stored under the receipt there (null: none;
 * undefined: not read, the caller reads it).
 */
export type SalePlaceAndReceipt = SalePlace & { stored?: sales.StoredSaleRef | null };

const noStore = (code: string) => fail('STORE_NOT_FOUND', `No store has the code "${code}".`);
const noTerminal = (code: string) => fail('TERMINAL_NOT_FOUND', `The store has no terminal "${code}".`);

/**
 * Where the sale happened: the store named, or the caller's terminal's store. A till that names both store
 * and terminal (the common case) gets them and the sale already stored under its receipt in one read.
 */
export async function resolvePlace(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: { storeCode?: string | undefined; terminalCode?: string | undefined; receipt: string },
): Promise<Result<SalePlaceAndReceipt>> {
  const { storeCode, terminalCode, receipt } = input;
  if (caller.terminalId === null && storeCode !== undefined && terminalCode !== undefined) {
    const row = await sales.findStoreTerminalAndSale(deps.db, merchantId, {
      storeCode,
      terminalCode,
      receipt,
    });
    if (!row) return noStore(storeCode);
    if (row.terminal_id === null || row.terminal_store_id !== row.store_id) return noTerminal(terminalCode);
    return ok({
      storeId: row.store_id,
      storeCode: row.store_code,
      terminalId: row.terminal_id,
      terminalCode: row.terminal_code,
      stored: row.stored,
    });
  }
  const own =
    caller.terminalId !== null
      ? await sales.findTerminalWithStore(deps.db, merchantId, caller.terminalId)
      : undefined;
  let store: { id: string; code: string } | undefined;
  if (storeCode !== undefined) {
    store = await sales.findStoreByCode(deps.db, merchantId, storeCode);
    if (!store) return noStore(storeCode);
  } else if (own) store = { id: own.store_id, code: own.store_code };
  if (store === undefined) {
    return fail('VALIDATION_FAILED', 'storeCode is required (the caller has no terminal).', [
      detail('VALIDATION_FAILED', 'storeCode', 'storeCode is required'),
    ]);
  }
  if (terminalCode !== undefined) {
    const terminal = await sales.findTerminal(deps.db, merchantId, { code: terminalCode });
    if (!terminal || terminal.store_id !== store.id) return noTerminal(terminalCode);
    return ok({
      storeId: store.id,
      storeCode: store.code,
      terminalId: terminal.id,
      terminalCode: terminal.code,
    });
  }
  const at = own && own.store_id === store.id ? own : null;
  return ok({
    storeId: store.id,
    storeCode: store.code,
    terminalId: at?.id ?? null,
    terminalCode: at?.code ?? null,
  });
}
