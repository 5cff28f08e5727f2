/**
 * Import items applied in batches: one transaction per ITEMS_PER_TRANSACTION items (instead of one per item),
 * each item in its own savepoint, so a bad item's writes are undone alone and never take the good ones with
 * it. What the items report is kept aside and added to the import's report once the batch is committed: a
 * batch retried from its start (serialization failure, busy database) counts its items once.
 * `applyBatches` lets a loader apply a whole batch itself (reads and writes of many items at once, with
 * `applyEach` as its item-by-item fallback); it answers one outcome per item, in order.
 */
import { ok } from '../../core/error-catalog.js';
import { RetryableDbError, translateDbError } from '../../db/errors.js';
import { inSavepoint } from '../../db/savepoint.js';
import type { Deps } from '../context.js';
import { joinUnitOfWork, withUnitOfWork, type UnitOfWork } from '../unit-of-work.js';
import { ImportReport } from './import-queue.js';

export const ITEMS_PER_TRANSACTION = 200;

export type ItemOutcome = { ok: true; effect: string } | { ok: false; code: string; msg: string };

/** Applies one item (0-based `index`) with `deps` joined to the batch's transaction. */
export type ApplyItem<I> = (deps: Deps, item: I, index: number, report: ImportReport) => Promise<ItemOutcome>;

/** What a batch gives its items: `deps` joined to the batch's unit of work, and the batch's scratch report. */
export interface Batch<I> {
  deps: Deps;
  uow: UnitOfWork;
  items: readonly I[];
  /** The 0-based index of the batch's first item in the import. */
  start: number;
  report: ImportReport;
}

/**
 * The outcomes of a batch's items, in order; `thrown` when an unexpected failure stopped it after them (the
 * items before it are committed, then the import fails).
 */
export interface BatchResult {
  outcomes: ItemOutcome[];
  thrown?: { error: unknown };
}

export type ApplyBatch<I> = (batch: Batch<I>) => Promise<BatchResult>;

/** A serialization failure or a busy database (untranslated inside a joined transaction) retries the batch. */
export function rethrowIfRetryable(error: unknown): void {
  const translated = translateDbError(error);
  if (translated instanceof RetryableDbError) throw translated;
}

/** Items one by one, each in its own savepoint (`first` is the index of `items[0]` within the batch). */
export async function applyEach<I>(
  batch: Batch<I>,
  items: readonly I[],
  apply: ApplyItem<I>,
  first = 0,
): Promise<BatchResult> {
  const outcomes: ItemOutcome[] = [];
  for (const [i, item] of items.entries()) {
    try {
      outcomes.push(
        await inSavepoint(
          batch.uow.tx,
          () => apply(batch.deps, item, batch.start + first + i, batch.report),
          (o) => o.ok,
        ),
      );
    } catch (error) {
      rethrowIfRetryable(error); // the whole batch again, from fresh reads
      return { outcomes, thrown: { error } };
    }
  }
  return { outcomes };
}

export function applyInBatches<I>(
  deps: Deps,
  items: readonly I[],
  apply: ApplyItem<I>,
  report: ImportReport,
  size = ITEMS_PER_TRANSACTION,
): Promise<void> {
  return applyBatches(deps, items, (batch) => applyEach(batch, batch.items, apply), report, size);
}

export async function applyBatches<I>(
  deps: Deps,
  items: readonly I[],
  apply: ApplyBatch<I>,
  report: ImportReport,
  size = ITEMS_PER_TRANSACTION,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    let thrown: { error: unknown } | undefined;
    let scratch = new ImportReport();
    await withUnitOfWork(deps, async (uow) => {
      scratch = new ImportReport();
      const result = await apply({
        deps: joinUnitOfWork(deps, uow),
        uow,
        items: chunk,
        start,
        report: scratch,
      });
      thrown = result.thrown;
      for (const [i, outcome] of result.outcomes.entries()) {
        if (outcome.ok) scratch.ok(outcome.effect);
        else scratch.error(`rec:${start + i + 1}`, outcome.code, outcome.msg);
      }
      return ok(undefined);
    });
    report.merge(scratch);
    if (thrown) throw thrown.error;
  }
}
