import type { Deps } from '../app/context.js';
import { saleBoundsProblem, saleDateProblem, type SaleAmounts } from '../core/bounds.js';
import { HttpError } from './http-error.js';

/**
 * Refuses, with a 400 in the caller's API format, a sale whose amounts, quantities, payments or points are
 * out of bounds or whose date is outside the configured window around now. Every API checks its sales here
 * before posting them.
 */
export function assertSaleInBounds(deps: Deps, sale: SaleAmounts & { date: string }): void {
  const problem =
    saleBoundsProblem(sale) ?? saleDateProblem(sale.date, deps.now().getTime(), deps.config.saleDateWindow);
  if (problem !== undefined) throw new HttpError('VALIDATION_FAILED', problem);
}
