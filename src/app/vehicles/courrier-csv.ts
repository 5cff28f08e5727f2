/**
 * The postal-mail ("courrier") export of a campaign as a CSV file for a mail merge, in the format of the
 * network's blacklist file (spec/mmp.md §4.2): UTF-8 with a BOM, ';', CRLF (the last line too), a header
 * row, null as an empty field, quotes where needed, and formula-safe cells (OWASP CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../core/vehicles/csv-safe.js';
import { COURRIER_COLUMNS, type CourrierRow } from './campaigns.js';

export function courrierCsv(rows: readonly CourrierRow[]): string {
  return stringify(
    rows.map((r) => COURRIER_COLUMNS.map((c) => safeCell(r[c]))),
    {
      bom: true,
      header: true,
      columns: [...COURRIER_COLUMNS],
      delimiter: ';',
      record_delimiter: '\r\n',
      quoted_match: /^\s|\s$/,
    },
  );
}
