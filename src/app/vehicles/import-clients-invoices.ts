/**
 * Import of a member garage's clients and invoices (spec/mmp.md §7): take the network's import lock, read
 * and validate everything, then write everything in one unit of work, or nothing and a rejected import
 * record with its errors. Synchronous: the answer says what happened.
 */
import { ok, type Result } from '../../core/error-catalog.js';
import type { LocatedIssue } from '../../core/vehicles/import-messages.js';
import { issueKey, issueText } from '../../core/vehicles/import-messages.js';
import type { Deps } from '../context.js';
import { endImport, startImport } from '../imports/imports.js';
import { withUnitOfWork } from '../unit-of-work.js';
import type { RecordSource } from './csv-records.js';
import { validateImport } from './import-validate.js';
import { writeImport, type WriteCounts } from './import-write.js';
import { localDate, type Network } from './network.js';

export const IMPORT_KIND = 'vehicles.clients-invoices';

export type ImportOutcome =
  | { status: 'accepted'; importId: string; counts: WriteCounts }
  | { status: 'rejected'; importId: string; issues: LocatedIssue[]; issueCount: number };

export interface Sources {
  clients: RecordSource;
  factures: RecordSource;
  close?(): void;
}

export interface ImportInput {
  network: Network;
  storeId: string;
  createdBy: string | null;
  fileName: string | null;
  sha256: string | null;
  /** Opens the archive: its two files, or the issues that refuse it whole. */
  open(): Promise<{ archive: Sources } | { issues: LocatedIssue[] }>;
}

export async function importClientsInvoices(deps: Deps, input: ImportInput): Promise<Result<ImportOutcome>> {
  const merchantId = input.network.merchantId;
  const started = await startImport(deps, {
    merchantId,
    kind: IMPORT_KIND,
    storeId: input.storeId,
    fileName: input.fileName,
    sha256: input.sha256,
    createdBy: input.createdBy,
  });
  if (!started.ok) return started;
  const { importId } = started.value;
  const end = { merchantId, kind: IMPORT_KIND, importId };
  const reject = async (issues: LocatedIssue[], issueCount: number) => {
    await endImport(
      deps.db,
      { ...end, now: deps.now().toISOString() },
      {
        status: 'rejected',
        errorCount: issueCount,
        errors: issues.map((i) => ({
          location: issueKey(i),
          code: i.issue.code,
          message: issueText(i.issue, 'en'),
        })),
      },
    );
    return ok<ImportOutcome>({ status: 'rejected', importId, issues, issueCount });
  };
  let sources: Sources | undefined;
  try {
    const opened = await input.open();
    if ('issues' in opened) return await reject(opened.issues, opened.issues.length);
    sources = opened.archive;
    const today = localDate(deps.now(), input.network.timeZone);
    let validation;
    try {
      validation = await validateImport(sources, today);
    } catch {
      // The archive broke while streaming (an entry bigger than its header says, a corrupt deflate stream).
      return await reject([{ issue: { code: 'ARCHIVE_UNSUPPORTED' } }], 1);
    }
    if (validation.issueCount > 0) return await reject(validation.issues, validation.issueCount);
    const archive = sources;
    const written = await withUnitOfWork(deps, async (uow) => {
      const counts = await writeImport(uow, { merchantId, storeId: input.storeId, importId, today }, archive);
      await endImport(uow.tx, { ...end, now: uow.now }, { status: 'accepted', counts: { ...counts } });
      return ok(counts);
    });
    if (!written.ok) return written;
    return ok({ status: 'accepted', importId, counts: written.value });
  } catch (error) {
    await endImport(deps.db, { ...end, now: deps.now().toISOString() }, { status: 'failed' });
    throw error;
  } finally {
    sources?.close?.();
  }
}
