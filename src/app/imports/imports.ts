/**
 * The import monitor: every upload of a file (vehicle clients and invoices today, promotions later) is an
 * import record with its state (running → accepted | rejected | failed), row counts and per-item errors.
 * One import of a kind runs at a time per merchant (a lock row; a lock older than an hour is taken over).
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/imports.repo.js';
import type { ImportKind } from '../../db/schema/index.js';
import type { Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export type ImportStatus = 'queued' | 'running' | 'accepted' | 'rejected' | 'failed';

export interface ImportItemError {
  /** Where: 'importFile', '<file>:<line>' or '<file>:<line>:<column>'. */
  location: string;
  code: string;
  message: string;
}

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  storeId: string | null;
  fileName: string | null;
  sha256: string | null;
  status: ImportStatus;
  counts: Record<string, number>;
  errorCount: number;
  errors: ImportItemError[];
  receivedAt: string;
  finishedAt: string | null;
}

const LOCK_STALE_MS = 3_600_000;
/** Errors kept on the record (the count says how many there were). */
export const MAX_STORED_ERRORS = 200;

export interface StartImport {
  merchantId: string;
  kind: ImportKind;
  storeId: string | null;
  fileName: string | null;
  sha256: string | null;
  createdBy: string | null;
}

/** Records a running import and takes the lock; IMPORT_IN_PROGRESS when another one runs. */
export async function startImport(deps: Deps, input: StartImport): Promise<Result<{ importId: string }>> {
  const id = newId('imp');
  const now = deps.now();
  const taken = await repo.takeLock(
    deps.db,
    input.merchantId,
    input.kind,
    id,
    now.toISOString(),
    new Date(now.getTime() - LOCK_STALE_MS).toISOString(),
  );
  if (!taken) return fail('IMPORT_IN_PROGRESS');
  try {
    await repo.insertImport(deps.db, {
      id,
      merchant_id: input.merchantId,
      kind: input.kind,
      store_id: input.storeId,
      file_name: input.fileName,
      sha256: input.sha256,
      status: 'running',
      counts: '{}',
      error_count: 0,
      errors: '[]',
      created_by: input.createdBy,
      received_at: now.toISOString(),
      finished_at: null,
    });
  } catch (error) {
    await repo.releaseLock(deps.db, input.merchantId, input.kind, id);
    if (isDuplicate(error)) return fail('IMPORT_IN_PROGRESS');
    throw error;
  }
  return ok({ importId: id });
}

/** Ends an import (in the import's transaction when accepted) and releases the lock. */
export async function endImport(
  db: Deps['db'] | Tx,
  input: { merchantId: string; kind: string; importId: string; now: string },
  outcome: {
    status: Exclude<ImportStatus, 'running' | 'queued'>;
    counts?: Record<string, number>;
    errors?: ImportItemError[];
    errorCount?: number;
  },
): Promise<void> {
  const errors = outcome.errors ?? [];
  await repo.finishImport(db, input.importId, {
    status: outcome.status,
    counts: JSON.stringify(outcome.counts ?? {}),
    error_count: outcome.errorCount ?? errors.length,
    errors: JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)),
    finished_at: input.now,
  });
  await repo.releaseLock(db, input.merchantId, input.kind, input.importId);
}

function recordOf(row: NonNullable<Awaited<ReturnType<typeof repo.findImport>>>): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    storeId: row.store_id,
    fileName: row.file_name,
    sha256: row.sha256,
    status: row.status as ImportStatus,
    counts: JSON.parse(row.counts) as Record<string, number>,
    errorCount: Number(row.error_count),
    errors: JSON.parse(row.errors) as ImportItemError[],
    receivedAt: row.received_at,
    finishedAt: row.finished_at,
  };
}

export async function getImport(deps: Deps, merchantId: string, id: string): Promise<Result<ImportRecord>> {
  const row = await repo.findImport(deps.db, merchantId, id);
  return row ? ok(recordOf(row)) : fail('IMPORT_NOT_FOUND');
}

/** Most recent first; the cursor is the last id of the previous page. */
export async function listImports(
  deps: Deps,
  merchantId: string,
  options: { limit: number; cursor?: string },
): Promise<{ data: ImportRecord[]; nextCursor: string | null }> {
  const rows = await repo.listImports(deps.db, merchantId, options.limit + 1, options.cursor);
  const page = rows.slice(0, options.limit).map(recordOf);
  return { data: page, nextCursor: rows.length > options.limit ? (page[page.length - 1]?.id ?? null) : null };
}
