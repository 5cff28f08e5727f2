/**
 * Transactions that answer a Result: an expected failure inside rolls the whole transaction back and comes
 * out as a value; exceptions stay for broken invariants and infrastructure.
 */
import { ok, type Failure, type Result } from '../../core/error-catalog.js';
import { inTransaction, type Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';

/** Carries a failure out of a transaction so that the transaction rolls back. */
export class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/** Runs a transaction whose body may roll back with an expected failure by throwing a Rollback. */
export async function inTransactionResult<T>(deps: Deps, fn: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await inTransaction(deps.db, fn));
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
}

/** Runs `fn` in a transaction; a failed result rolls everything back and is answered as the value. */
export async function inRollbackableTransaction<T>(
  deps: Deps,
  fn: (tx: Tx) => Promise<Result<T>>,
): Promise<Result<T>> {
  const outcome = await inTransactionResult(deps, async (tx) => {
    const result = await fn(tx);
    if (!result.ok) throw new Rollback(result);
    return result;
  });
  return outcome.ok ? outcome.value : outcome;
}
