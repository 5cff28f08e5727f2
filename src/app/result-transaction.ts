/**
 * Transactions that answer a Result, for the use-cases not yet written against `withUnitOfWork` (which they
 * now run in): an expected failure inside rolls the whole transaction back and comes out as a value.
 */
import { ok, type Failure, type Result } from '../core/error-catalog.js';
import type { Tx } from '../db/transaction.js';
import type { Deps } from './context.js';
import { withUnitOfWork } from './unit-of-work.js';

/** Carries a failure out of a transaction so that the transaction rolls back. */
export class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/** Runs a transaction whose body may roll back with an expected failure by throwing a Rollback. */
export async function inTransactionResult<T>(deps: Deps, fn: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  return withUnitOfWork(deps, async (uow) => {
    try {
      return ok(await fn(uow.tx));
    } catch (error) {
      if (error instanceof Rollback) return error.failure;
      throw error;
    }
  });
}

/** Runs `fn` in a transaction; a failed result rolls everything back and is answered as the value. */
export function inRollbackableTransaction<T>(
  deps: Deps,
  fn: (tx: Tx) => Promise<Result<T>>,
): Promise<Result<T>> {
  return withUnitOfWork(deps, (uow) => fn(uow.tx));
}
