/**
 * The records of a ';'-separated CSV byte stream (RFC 4180 quoting, CRLF/LF/CR, empty lines skipped), as
 * csv-parse reads them, numbered from 1 = header. Fields are decoded as strict UTF-8: a record with an
 * invalid byte sequence comes out as an encoding issue; a quoting error ends the file with an issue.
 */
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { ImportIssue } from '../../core/vehicles/import-messages.js';

export type RawRecord = { line: number; fields: string[] } | { line: number; issue: ImportIssue };

/** Opens the byte stream again for each pass (validation, then writing). */
export type RecordSource = () => AsyncIterable<RawRecord>;

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function* csvRecords(input: Readable): AsyncIterable<RawRecord> {
  const parser = parse({
    delimiter: ';',
    quote: '"',
    escape: '"',
    encoding: null,
    relax_column_count: true,
    // A quote inside an unquoted field (5" wheels, =HYPERLINK("...")) is a literal character, as DMS exports
    // write it; a field that opens a quote must still close it.
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: 1_000_000,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<Buffer[]>) {
      line += 1;
      try {
        const fields = record.map((b, i) => {
          const bytes =
            line === 1 && i === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
          return decoder.decode(bytes);
        });
        yield { line, fields };
      } catch {
        yield { line, issue: { code: 'BAD_ENCODING' } };
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE') {
      yield { line: line + 1, issue: { code: 'UNTERMINATED_QUOTE' } };
      return;
    }
    throw error;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
}

/** A record source over text (the demo's batches and tests). */
export function textSource(text: string): RecordSource {
  return async function* () {
    const { Readable } = await import('node:stream');
    yield* csvRecords(Readable.from([Buffer.from(text, 'utf8')]));
  };
}
