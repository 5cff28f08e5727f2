import { findMerchant } from '../app/admin/merchants.js';
import type { Deps } from '../app/context.js';
import { ERROR_CATALOG, type Failure } from '../core/error-catalog.js';
import { CommandError } from './command.js';

/** The id of the merchant named by --merchant, or a one-line error. */
export async function merchantIdOf(deps: Deps, slug: string): Promise<string> {
  const merchant = await findMerchant(deps, slug);
  if (!merchant)
    throw new CommandError(`merchant "${slug}" does not exist (\`tessera merchant list\` shows them)`);
  return merchant.id;
}

/** A failed use-case as one line: its message, else the catalog's. */
export function failed(failure: Failure): CommandError {
  return new CommandError(failure.message ?? ERROR_CATALOG[failure.code].message);
}

export const MERCHANT_OPTION = { merchant: { type: 'string' as const } };
