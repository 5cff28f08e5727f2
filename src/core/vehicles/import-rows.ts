/**
 * Validation of the records of a clients-and-invoices import, one at a time, with the cross-row rules
 * (duplicate client rows, rows of one invoice that disagree) kept in small trackers. Pure: records and
 * today's date come in, typed values and located issues come out.
 */
import { parseDecimal } from '../money/money.js';
import { addCalendarMonths, parseDate, plusDays } from './dates.js';
import {
  CLIENT_COLUMNS,
  INVOICE_COLUMNS,
  INVOICE_HEADER_COLUMNS,
  LINE_COLUMNS,
  type ColumnSpec,
} from './import-columns.js';
import type { ImportIssue, LocatedIssue } from './import-messages.js';
import { isValidPlate, normalizePlate } from './text.js';

export type ImportFile = 'clients.csv' | 'factures.csv';
export type Value = string | number | boolean | null;
export type TypedRow = Record<string, Value>;

export interface Header {
  file: ImportFile;
  names: string[];
  specs: (ColumnSpec | undefined)[];
}

export const specsOf = (file: ImportFile) => (file === 'clients.csv' ? CLIENT_COLUMNS : INVOICE_COLUMNS);

/** Checks the header row; the header is usable when no issue comes out. */
export function checkHeader(
  file: ImportFile,
  fields: readonly string[],
): { header: Header; issues: LocatedIssue[] } {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
  const issues: LocatedIssue[] = [];
  const at = (issue: ImportIssue, column?: string): LocatedIssue => ({
    file,
    line: 1,
    ...(column ? { column } : {}),
    issue,
  });
  const specs = specsOf(file);
  if (names.length === 1 && /[,\t]/.test(names[0]!)) {
    return { header: { file, names, specs: [] }, issues: [at({ code: 'WRONG_SEPARATOR' })] };
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) issues.push(at({ code: 'COLUMN_DUPLICATED' }, name));
    else if (!specs.some((s) => s.name === name))
      issues.push(at({ code: 'COLUMN_UNKNOWN' }, name || '(vide)'));
    seen.add(name);
  }
  for (const s of specs)
    if (s.required && !seen.has(s.name)) issues.push(at({ code: 'COLUMN_MISSING' }, s.name));
  if (file === 'clients.csv' && !seen.has('clientLastName') && !seen.has('clientCompanyName'))
    issues.push(at({ code: 'COLUMN_MISSING' }, 'clientLastName'));
  return { header: { file, names, specs: names.map((n) => specs.find((s) => s.name === n)) }, issues };
}

function limitDate(today: string, until: ColumnSpec['until']): string {
  if (until === 'tomorrow') return plusDays(today, 1);
  if (until === 'tenYears') return addCalendarMonths(today, 120);
  return today;
}

/** Decimal text with at most `places` decimals → integer in 10^-places units, or null. */
function scaled(raw: string, places: number): number | null {
  const m = new RegExp(`^(-?)(\\d{1,12})(?:[.,](\\d{1,${places}}))?$`).exec(raw);
  if (!m) return null;
  return parseDecimal(`${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}`, places) ?? null;
}

function typed(spec: ColumnSpec, raw: string, today: string): { value: Value } | { issue: ImportIssue } {
  if (spec.type === 'boolean') {
    if (raw === '') return { value: false };
    const v = raw.toLowerCase();
    if (['1', 'true', 'oui', 'o', 'yes'].includes(v)) return { value: true };
    if (['0', 'false', 'non', 'n', 'no'].includes(v)) return { value: false };
    return { issue: { code: 'BOOLEAN' } };
  }
  if (raw === '') {
    if (spec.required) return { issue: { code: 'VALUE_REQUIRED' } };
    return { value: spec.type === 'decimal3' ? 0 : null };
  }
  if (spec.max !== undefined && [...raw].length > spec.max)
    return { issue: { code: 'TOO_LONG', max: spec.max } };
  switch (spec.type) {
    case 'siret':
      return /^\d{14}$/.test(raw) ? { value: raw } : { issue: { code: 'SIRET' } };
    case 'date': {
      const date = parseDate(raw);
      if (!date) return { issue: { code: 'DATE_INVALID', value: raw } };
      return date > limitDate(today, spec.until) ? { issue: { code: 'DATE_FUTURE' } } : { value: date };
    }
    case 'integer':
      return /^\d{1,7}$/.test(raw) && Number(raw) <= 2_000_000
        ? { value: Number(raw) }
        : { issue: { code: 'INTEGER' } };
    case 'decimal2':
    case 'decimal3': {
      const v = scaled(raw, spec.type === 'decimal2' ? 2 : 3);
      return v === null ? { issue: { code: 'DECIMAL' } } : { value: v };
    }
    case 'plate':
      return isValidPlate(normalizePlate(raw)) ? { value: raw } : { issue: { code: 'PLATE_INVALID' } };
    default:
      return { value: raw };
  }
}

const VEHICLE_COLUMNS = CLIENT_COLUMNS.filter(
  (c) => c.name.startsWith('vehicle') && c.name !== 'vehicleRegistrationPlate',
);

/**
 * Types one record (values trimmed; money in cents, quantities in thousandths). Columns absent from the
 * header are none. Row-level rules of the file are applied; cross-row rules are the trackers'.
 */
export function checkRecord(
  header: Header,
  line: number,
  fields: readonly string[],
  today: string,
): { row: TypedRow | null; issues: LocatedIssue[] } {
  const file = header.file;
  if (fields.length !== header.names.length) {
    return {
      row: null,
      issues: [
        { file, line, issue: { code: 'FIELD_COUNT', expected: header.names.length, found: fields.length } },
      ],
    };
  }
  const issues: LocatedIssue[] = [];
  const row: TypedRow = {};
  for (const spec of specsOf(file)) {
    const i = header.specs.indexOf(spec);
    const raw = i < 0 ? '' : fields[i]!.trim();
    const result = typed(spec, raw, today);
    if ('issue' in result) issues.push({ file, line, column: spec.name, issue: result.issue });
    else row[spec.name] = result.value;
  }
  if (file === 'clients.csv') {
    if (row.clientLastName === null && row.clientCompanyName === null)
      issues.push({ file, line, column: 'clientLastName', issue: { code: 'NAME_REQUIRED' } });
    if (
      row.vehicleRegistrationPlate === null &&
      VEHICLE_COLUMNS.some((c) => row[c.name] !== null && row[c.name] !== undefined)
    )
      issues.push({ file, line, column: 'vehicleRegistrationPlate', issue: { code: 'PLATE_REQUIRED' } });
  }
  return { row: issues.length ? null : row, issues };
}

/** Duplicate client rows: same workshop, client and normalised plate. */
export class ClientRowTracker {
  private readonly seen = new Map<string, number>();
  check(line: number, row: TypedRow): LocatedIssue | null {
    const key = clientRowKey(row);
    const first = this.seen.get(key);
    if (first !== undefined)
      return { file: 'clients.csv', line, issue: { code: 'DUPLICATE_CLIENT_ROW', line: first } };
    this.seen.set(key, line);
    return null;
  }
}

export function clientRowKey(row: TypedRow): string {
  const plate =
    row.vehicleRegistrationPlate === null ? '' : normalizePlate(String(row.vehicleRegistrationPlate));
  return `${String(row.workshopNationalId)}\u0000${String(row.clientDmsId)}\u0000${plate}`;
}

export function invoiceKey(row: TypedRow): string {
  return `${String(row.workshopNationalId)}\u0000${String(row.invoiceDmsId)}`;
}

/** Rows of one invoice must agree with its first row on the invoice's header columns. */
export class InvoiceTracker {
  private readonly first = new Map<string, { line: number; header: string }>();
  get invoiceCount(): number {
    return this.first.size;
  }
  check(line: number, row: TypedRow): LocatedIssue | null {
    const key = invoiceKey(row);
    const values = INVOICE_HEADER_COLUMNS.map((c) =>
      c === 'vehicleRegistrationPlate' ? normalizePlate(String(row[c])) : String(row[c]),
    );
    const known = this.first.get(key);
    if (!known) {
      this.first.set(key, { line, header: values.join('\u0000') });
      return null;
    }
    const before = known.header.split('\u0000');
    const column = INVOICE_HEADER_COLUMNS.find((_, i) => before[i] !== values[i]);
    return column
      ? { file: 'factures.csv', line, issue: { code: 'INVOICE_DIFFERS', line: known.line, column } }
      : null;
  }
}

/** A row whose line columns are all empty adds no line to its invoice. */
export function hasLine(row: TypedRow): boolean {
  return LINE_COLUMNS.some((c) => (c === 'partQuantity' ? row[c] !== 0 : row[c] !== null));
}
