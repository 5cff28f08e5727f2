/**
 * PROMO imports are queued (kinds `promo.catalog.<Catalog>`, `promo.priceList.<store>`, `promo.promotions`,
 * `promo.limits`) and processed by the job runner's `promo-imports` job, or right after the request by the
 * process that accepted it. Both claim each import conditionally, so it runs once.
 */
import type { Deps } from '../../../app/context.js';
import { runQueuedImports, type ImportProcessor } from '../../../app/loading/import-queue.js';
import type { Job } from '../../../jobs/runner.js';
import { processCatalog } from './process-catalog.js';
import { processLimits, processPriceList, processPromotions } from './process-others.js';

export const KIND_PREFIX = 'promo.';

function processorOf(kind: string): ImportProcessor | undefined {
  if (kind.startsWith('promo.catalog.')) return processCatalog;
  if (kind.startsWith('promo.priceList.')) return processPriceList;
  if (kind === 'promo.promotions') return processPromotions;
  if (kind === 'promo.limits') return processLimits;
  return undefined;
}

/** A Lista Zero left locked by an unexpected error is free again after 15 minutes (priceList.lockForUpate). */
export const PRICE_LIST_LOCK_MS = 15 * 60_000;
const HOUR = 3_600_000;

export function runPromoImports(deps: Deps): Promise<string[]> {
  return runQueuedImports(deps, KIND_PREFIX, processorOf, {
    lockStaleMs: (kind) => (kind.startsWith('promo.priceList.') ? PRICE_LIST_LOCK_MS : HOUR),
  });
}

const draining = new WeakMap<Deps, Promise<unknown>>();

/** Processes the queue soon, in this process, after the answer is sent; one pass at a time. */
export function drainSoon(deps: Deps): void {
  setImmediate(() => {
    const running = draining.get(deps);
    const next = (running ?? Promise.resolve())
      .then(() => runPromoImports(deps))
      .catch(() => undefined) // the job runner's next pass takes over what this one could not finish
      .finally(() => {
        if (draining.get(deps) === next) draining.delete(deps);
      });
    draining.set(deps, next);
  });
}

/**
 * Resolves once the pass drainSoon started in this process, if any, has ended (its setImmediate included): a
 * test that queues an import behind the pass's back waits for it first, or the pass may take that import.
 */
export async function drainedSoon(deps: Deps): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await draining.get(deps);
}

export const promoImportsJob: Job = {
  name: 'promo-imports',
  everyMs: 5_000,
  leaseMs: 15 * 60_000,
  run: (deps) => runPromoImports(deps),
};
