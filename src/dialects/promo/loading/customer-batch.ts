/**
 * CatalogCustomer a batch at a time: every record is read and checked first (reference codes asked once per
 * batch), then the runs of inserts and updates between removals are saved together by
 * `saveCustomerProfiles` (one read of the codes, multi-row inserts); a removal goes alone, as before. When a
 * run's writes fail, they are undone and its records are applied one by one, each in its own savepoint, so
 * a bad record still loses nothing else and is listed at its own record number.
 */
import { saveCustomerProfiles, type ProfileEntry } from '../../../app/elements/customer-profile-batch.js';
import type { ProfileOutcome } from '../../../app/elements/customer-profiles.js';
import {
  applyEach,
  rethrowIfRetryable,
  type ApplyItem,
  type Batch,
  type BatchResult,
  type ItemOutcome,
} from '../../../app/loading/item-batches.js';
import { MESSAGES, readItem as readCustomerItem, unknownCode } from '../use-cases/customer-admin.js';
import { LETTER } from './process-elements.js';
import { bad, readOperation, type ItemContext } from './process-catalog.js';

const resultOf = (o: ProfileOutcome): ItemOutcome =>
  o.ok ? { ok: true, effect: o.effect } : bad(o.message ?? MESSAGES[o.reason], o.reason);

export async function customerBatch(
  ctx: ItemContext,
  batch: Batch<unknown>,
  applyOne: ApplyItem<unknown>,
): Promise<BatchResult> {
  const outcomes: ItemOutcome[] = [];
  const known = new Map<string, boolean>();
  let run: { pos: number; entry: ProfileEntry }[] = [];
  /** Saves the pending run; answers the position of an unexpected failure, if one stopped it. */
  const flush = async (): Promise<{ pos: number; error: unknown } | undefined> => {
    const pending = run;
    run = [];
    if (pending.length === 0) return undefined;
    try {
      const saved = await saveCustomerProfiles(
        batch.uow,
        ctx.merchantId,
        pending.map((p) => p.entry),
      );
      saved.forEach((o, i) => (outcomes[pending[i]!.pos] = resultOf(o)));
      return undefined;
    } catch (error) {
      rethrowIfRetryable(error); // the whole batch again
    }
    for (const { pos } of pending) {
      const one = await applyEach(batch, [batch.items[pos]], applyOne, pos);
      if (one.thrown) return { pos, error: one.thrown.error };
      outcomes[pos] = one.outcomes[0]!;
    }
    return undefined;
  };
  const stop = (failure: { pos: number; error: unknown }): BatchResult => ({
    outcomes: outcomes.slice(0, failure.pos),
    thrown: { error: failure.error },
  });
  for (const [pos, raw] of batch.items.entries()) {
    const read = readOperation(raw, ctx.format);
    if ('refused' in read) {
      outcomes[pos] = read.refused;
      continue;
    }
    const customer = readCustomerItem({ ...read.item, operation: LETTER[read.op] });
    if ('msg' in customer) {
      outcomes[pos] = bad(customer.msg);
      continue;
    }
    const unknown = await unknownCode(batch.deps, ctx.merchantId, customer.input, known);
    if (unknown) {
      outcomes[pos] = bad(unknown, 'CATALOG_CODE_UNKNOWN');
      continue;
    }
    if (customer.operation !== 'remove') {
      run.push({ pos, entry: { operation: customer.operation, input: customer.input } });
      continue;
    }
    // A removal erases (outbox event, stored contents naming the customer): alone, after the run before it.
    const failed = await flush();
    if (failed) return stop(failed);
    const one = await applyEach(batch, [raw], applyOne, pos);
    if (one.thrown) return stop({ pos, error: one.thrown.error });
    outcomes[pos] = one.outcomes[0]!;
  }
  const failed = await flush();
  if (failed) return stop(failed);
  return { outcomes };
}
