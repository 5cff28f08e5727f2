/**
 * The blacklist as a CSV file (spec/mmp.md §4.2), written by csv-stringify: UTF-8 with a BOM, ';', CRLF
 * (the last line too), booleans 1/0, null empty, quotes around fields with ';', '"', CR, LF or a leading or
 * trailing space. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are prefixed
 * with a single quote (OWASP CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../core/vehicles/csv-safe.js';

export function blacklistCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => safeCell(r[c]))),
    {
      bom: true,
      header: true,
      columns: [...columns],
      delimiter: ';',
      record_delimiter: '\r\n',
      quoted_match: /^\s|\s$/,
      cast: { boolean: (v) => (v ? '1' : '0') },
    },
  );
}
