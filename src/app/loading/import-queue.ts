/**
 * Asynchronous imports: a request is accepted as an import record ('queued') holding its content, and is
 * processed later, one import at a time per (merchant, kind), by whichever process claims it first — the job
 * runner's tick, or the process that accepted it right after answering. Queued records are rows, so a
 * restart loses nothing: the next tick picks them up. The record then shows the state (queued → running →
 * accepted | rejected | failed), the counts and the per-item errors, in /v1/imports.
 */
import * as imports from '../../db/repos/imports.repo.js';
import * as repo from '../../db/repos/loading.repo.js';
import type { ImportKind } from '../../db/schema/index.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { endImport, MAX_STORED_ERRORS, type ImportItemError } from '../imports/imports.js';

const LOCK_STALE_MS = 3_600_000;

export interface QueueImport {
  merchantId: string;
  kind: ImportKind;
  fileName: string | null;
  createdBy: string | null;
  body: unknown;
}

export async function queueImport(deps: Deps, input: QueueImport): Promise<{ importId: string }> {
  const id = newId('imp');
  await repo.insertQueuedImport(
    deps.db,
    {
      id,
      merchant_id: input.merchantId,
      kind: input.kind,
      store_id: null,
      file_name: input.fileName,
      sha256: null,
      status: 'queued',
      counts: '{}',
      error_count: 0,
      errors: '[]',
      created_by: input.createdBy,
      received_at: deps.now().toISOString(),
      finished_at: null,
    },
    JSON.stringify(input.body),
  );
  return { importId: id };
}

/** The content an import received (what the monitor shows as sent). */
export async function importContent(deps: Deps, importId: string): Promise<unknown> {
  const text = await repo.importBody(deps.db, importId);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** What a processor reports: item errors (all counted, the first ones kept) and named counters. */
export class ImportReport {
  readonly counts: Record<string, number> = { processed: 0, ok: 0, errors: 0 };
  readonly errors: ImportItemError[] = [];

  count(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }
  ok(effect?: string): void {
    this.count('processed');
    this.count('ok');
    if (effect) this.count(effect);
  }
  error(location: string, code: string, message: string): void {
    this.count('processed');
    this.count('errors');
    if (this.errors.length < MAX_STORED_ERRORS) this.errors.push({ location, code, message });
  }
  /** Adds what another report (a committed batch of items) counted and kept. */
  merge(other: ImportReport): void {
    for (const [name, n] of Object.entries(other.counts)) this.count(name, n);
    for (const e of other.errors) if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(e);
  }
}

/** Processes one import's content; throwing RejectImport ends it 'rejected' with that one error. */
export type ImportProcessor = (
  deps: Deps,
  merchantId: string,
  body: unknown,
  report: ImportReport,
  importId: string,
) => Promise<void>;

export class RejectImport extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Claims and processes the queued imports of the kinds `processorOf` knows (kind prefix), oldest first;
 * an import whose kind is locked by another running import waits for a later pass. Returns the ids run.
 */
export async function runQueuedImports(
  deps: Deps,
  kindPrefix: string,
  processorOf: (kind: string) => ImportProcessor | undefined,
  options: { max?: number; lockStaleMs?: (kind: string) => number } = {},
): Promise<string[]> {
  const ran: string[] = [];
  const max = options.max ?? 50;
  // An import left running by a process that died (its lock gone or stale) goes back in the queue.
  await repo.requeueAbandoned(
    deps.db,
    kindPrefix,
    new Date(deps.now().getTime() - LOCK_STALE_MS).toISOString(),
  );
  const skipped = new Set<string>();
  while (ran.length < max) {
    const queued = (await repo.queuedImports(deps.db, kindPrefix, 20)).filter((q) => !skipped.has(q.id));
    const next = queued[0];
    if (!next) break;
    const now = deps.now();
    const locked = await imports.takeLock(
      deps.db,
      next.merchant_id,
      next.kind,
      next.id,
      now.toISOString(),
      new Date(now.getTime() - (options.lockStaleMs?.(next.kind) ?? LOCK_STALE_MS)).toISOString(),
    );
    if (!locked) {
      skipped.add(next.id);
      continue;
    }
    if (!(await repo.markRunning(deps.db, next.id))) {
      await imports.releaseLock(deps.db, next.merchant_id, next.kind, next.id);
      skipped.add(next.id);
      continue;
    }
    await processOne(deps, next, processorOf(next.kind));
    ran.push(next.id);
  }
  return ran;
}

async function processOne(
  deps: Deps,
  record: { id: string; merchant_id: string; kind: string },
  processor: ImportProcessor | undefined,
): Promise<void> {
  const end = { merchantId: record.merchant_id, kind: record.kind, importId: record.id };
  const report = new ImportReport();
  try {
    if (!processor) throw new RejectImport('IMPORT_KIND_UNKNOWN', `No processor for ${record.kind}.`);
    const text = await repo.importBody(deps.db, record.id);
    if (text === undefined)
      throw new RejectImport('IMPORT_CONTENT_MISSING', 'The import content is missing.');
    await processor(deps, record.merchant_id, JSON.parse(text) as unknown, report, record.id);
    await endImport(
      deps.db,
      { ...end, now: deps.now().toISOString() },
      { status: 'accepted', counts: report.counts, errors: report.errors, errorCount: report.counts.errors },
    );
  } catch (error) {
    const rejected = error instanceof RejectImport;
    await endImport(
      deps.db,
      { ...end, now: deps.now().toISOString() },
      {
        status: rejected ? 'rejected' : 'failed',
        counts: report.counts,
        errors: [
          ...report.errors,
          rejected
            ? { location: 'import', code: error.code, message: error.message }
            : {
                location: 'import',
                code: 'IMPORT_FAILED',
                message: 'The import failed; it can be sent again.',
              },
        ],
        errorCount: (report.counts.errors ?? 0) + 1,
      },
    );
  }
}
