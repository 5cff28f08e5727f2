/** The validation pass of a clients-and-invoices import: every record of both files, nothing written. */
import {
  checkHeader,
  checkRecord,
  ClientRowTracker,
  InvoiceTracker,
  type Header,
  type ImportFile,
  type TypedRow,
} from '../../core/vehicles/import-rows.js';
import type { LocatedIssue } from '../../core/vehicles/import-messages.js';
import type { RecordSource } from './csv-records.js';

/** Issues kept (their number is counted beyond). */
const KEEP = 200;

export interface Validation {
  issues: LocatedIssue[];
  issueCount: number;
  counts: { clientRows: number; invoiceRows: number; invoices: number };
}

/**
 * Walks a file's records: header, then every typed row to `onRow` (validation and writing passes share
 * it). Issues go to `report`; a header that is unusable stops the file.
 */
export async function walkFile(
  file: ImportFile,
  source: RecordSource,
  today: string,
  report: (issue: LocatedIssue) => void,
  onRow: (line: number, row: TypedRow) => void | Promise<void>,
): Promise<void> {
  let header: Header | null = null;
  let sawHeader = false;
  for await (const record of source()) {
    if ('issue' in record) {
      report({ file, line: record.line, issue: record.issue });
      if (record.line === 1) return;
      continue;
    }
    if (!sawHeader) {
      sawHeader = true;
      const checked = checkHeader(file, record.fields);
      checked.issues.forEach(report);
      if (checked.issues.length) return;
      header = checked.header;
      continue;
    }
    const { row, issues } = checkRecord(header!, record.line, record.fields, today);
    issues.forEach(report);
    if (row) await onRow(record.line, row);
  }
  if (!sawHeader) report({ file, line: 1, issue: { code: 'EMPTY_FILE' } });
}

export async function validateImport(
  sources: { clients: RecordSource; factures: RecordSource },
  today: string,
): Promise<Validation> {
  const issues: LocatedIssue[] = [];
  let issueCount = 0;
  const report = (i: LocatedIssue) => {
    issueCount += 1;
    if (issues.length < KEEP) issues.push(i);
  };
  const clients = new ClientRowTracker();
  const invoices = new InvoiceTracker();
  let clientRows = 0;
  let invoiceRows = 0;
  await walkFile('clients.csv', sources.clients, today, report, (line, row) => {
    clientRows += 1;
    const dup = clients.check(line, row);
    if (dup) report(dup);
  });
  await walkFile('factures.csv', sources.factures, today, report, (line, row) => {
    invoiceRows += 1;
    const differs = invoices.check(line, row);
    if (differs) report(differs);
  });
  return { issues, issueCount, counts: { clientRows, invoiceRows, invoices: invoices.invoiceCount } };
}
