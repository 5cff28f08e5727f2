/**
 * Several sales as one unit of work: a bill that lands on several cards (Fidelisa: every active card of the
 * customer earns, each by its own program). Each sale is posted through the one sale path (load → plan →
 * commit) inside one transaction: all are committed or none, so a card that refuses the bill leaves no trace
 * on the cards before it, and a till's retry cannot credit them twice. Receipts keep each sale idempotent:
 * a unit that loses a race on a receipt is run again and finds the sales already posted.
 */
import { ok, type Result } from '../../core/error-catalog.js';
import { DuplicateError } from '../../db/errors.js';
import type { Caller, Deps } from '../context.js';
import { joinUnitOfWork, withUnitOfWork } from '../unit-of-work.js';
import { postSale, type SaleInput, type SaleResult } from './post-sale.js';

export async function postSales(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  inputs: readonly SaleInput[],
): Promise<Result<{ status: 200 | 201; result: SaleResult }[]>> {
  const postAll = () =>
    withUnitOfWork(deps, async (uow) => {
      const inside = joinUnitOfWork(deps, uow);
      const posted: { status: 200 | 201; result: SaleResult }[] = [];
      for (const input of inputs) {
        const one = await postSale(inside, caller, merchantId, input);
        if (!one.ok) return one;
        posted.push(one.value);
      }
      return ok(posted);
    });
  try {
    return await postAll();
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    return postAll();
  }
}
