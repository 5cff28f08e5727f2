/** Avomark's operation ids onto the engine's sale operations. */
import type { SaleOperation } from '../../core/rules/index.js';

/**
 * Avomark API360 operation ids ("Tableau des opérations"). The seed calls the list non-exhaustive;
 * unknown ids map to nothing.
 */
export const AVOMARK_OPERATIONS: Readonly<Record<number, SaleOperation>> = {
  0: 'purchase',
  1: 'purchase',
  2: 'discount',
  5: 'discount',
  7: 'credit',
  10: 'opening_fees',
  11: 'deposit',
  12: 'withdrawal',
  13: 'return',
  17: 'reset',
};

/** The operation of an Avomark operation id, or null for an id the seed does not list. */
export function operationFromAvomarkId(id: number): SaleOperation | null {
  return Object.hasOwn(AVOMARK_OPERATIONS, id) ? (AVOMARK_OPERATIONS[id] ?? null) : null;
}
