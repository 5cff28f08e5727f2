/**
 * The unit of work every write runs in: one transaction, the time and ids of the work, the outbox, and what
 * to do once it is committed. A failed Result rolls everything back and comes out as the value; serialization
 * failures, deadlocks, a busy database and stale conditional writes retry the whole unit from its reads.
 */
import { ok, type Result } from '../core/error-catalog.js';
import type { IdPrefix } from '../core/id-prefixes.js';
import { inTransaction, type Tx } from '../db/transaction.js';
import type { Deps } from './context.js';
import { newId } from './ids.js';
import { enqueueOutbox, type OutboxEvent } from './messaging/enqueue.js';

/** A message or webhook event caused by the work, delivered after commit by the outbox job. */
export type { OutboxEvent } from './messaging/enqueue.js';

export interface UnitOfWork {
  tx: Tx;
  /** The instant of the work (ISO-8601 UTC), the same for all its writes. */
  now: string;
  newId(prefix: IdPrefix): string;
  /** Writes the event in this transaction: it exists if and only if the work is committed. */
  enqueue(event: OutboxEvent): Promise<void>;
  /** Runs after the commit (never after a rollback); its failure is reported, not answered. */
  onCommit(fn: () => void | Promise<void>): void;
}

class Rollback extends Error {
  constructor(readonly failure: Extract<Result<unknown>, { ok: false }>) {
    super(failure.code);
  }
}

export async function withUnitOfWork<T>(
  deps: Deps,
  work: (uow: UnitOfWork) => Promise<Result<T>>,
  options: { onCommitError?: (error: unknown) => void } = {},
): Promise<Result<T>> {
  // Called from inside another unit of work: join it (its transaction, clock, outbox and commit hooks).
  if (deps.unitOfWork) return work(deps.unitOfWork);
  let after: (() => void | Promise<void>)[] = [];
  let value: T;
  try {
    value = await inTransaction(deps.db, async (tx) => {
      after = []; // a retried attempt starts again
      const now = deps.now().toISOString();
      const uow: UnitOfWork = {
        tx,
        now,
        newId,
        enqueue: (event) => enqueueOutbox(tx, now, event),
        onCommit: (fn) => {
          after.push(fn);
        },
      };
      const result = await work(uow);
      if (!result.ok) throw new Rollback(result);
      return result.value;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
  for (const fn of after) {
    try {
      await fn();
    } catch (error) {
      options.onCommitError?.(error);
    }
  }
  return ok(value);
}

/**
 * The dependencies of use-cases that must run inside `uow`: their queries go through its transaction and
 * their own units of work (and plain transactions) join it, so a use-case made of several others (customer
 * enrolment: create the customer, hand out a card, issue, bind and activate it) is one transaction.
 */
export function joinUnitOfWork(deps: Deps, uow: UnitOfWork): Deps {
  return { ...deps, db: uow.tx, unitOfWork: uow, now: () => new Date(uow.now) };
}
