/**
 * Import items applied in batches: one transaction per ITEMS_PER_TRANSACTION items (instead of one per item),
 * each item in its own savepoint, so a bad item's writes are undone alone and never take the good ones with
 * it. What the items report is kept aside and added to the import's report once the batch is committed: a
 * batch retried from its start (serialization failure, busy database) counts its items once.
 */
import { ok } from '../../core/error-catalog.js';
import { RetryableDbError } from '../../db/errors.js';
import { inSavepoint } from '../../db/savepoint.js';
import type { Deps } from '../context.js';
import { joinUnitOfWork, withUnitOfWork } from '../unit-of-work.js';
import { ImportReport } from './import-queue.js';

export const ITEMS_PER_TRANSACTION = 200;

export type ItemOutcome = { ok: true; effect: string } | { ok: false; code: string; msg: string };

/** Applies one item (0-based `index`) with `deps` joined to the batch's transaction. */
export type ApplyItem<I> = (deps: Deps, item: I, index: number, report: ImportReport) => Promise<ItemOutcome>;

export async function applyInBatches<I>(
  deps: Deps,
  items: readonly I[],
  apply: ApplyItem<I>,
  report: ImportReport,
  size = ITEMS_PER_TRANSACTION,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    let thrown: { error: unknown } | undefined;
    let scratch = new ImportReport();
    await withUnitOfWork(deps, async (uow) => {
      scratch = new ImportReport();
      thrown = undefined;
      const joined = joinUnitOfWork(deps, uow);
      for (const [i, item] of chunk.entries()) {
        const index = start + i;
        let outcome: ItemOutcome;
        try {
          outcome = await inSavepoint(
            uow.tx,
            () => apply(joined, item, index, scratch),
            (o) => o.ok,
          );
        } catch (error) {
          if (error instanceof RetryableDbError) throw error; // the whole batch again, from fresh reads
          // An unexpected failure: the items before it are committed, then the import fails as before.
          thrown = { error };
          break;
        }
        if (outcome.ok) scratch.ok(outcome.effect);
        else scratch.error(`rec:${index + 1}`, outcome.code, outcome.msg);
      }
      return ok(undefined);
    });
    report.merge(scratch);
    if (thrown) throw thrown.error;
  }
}
