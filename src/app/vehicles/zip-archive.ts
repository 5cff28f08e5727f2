/**
 * A clients-and-invoices ZIP archive on disk, opened with yauzl: entries are checked before anything is
 * read (entry count, path traversal, encryption, compression method, expanded size and ratio against zip
 * bombs; yauzl also checks every entry's real size against its header while streaming it), then each CSV
 * entry can be streamed as many times as needed.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { LocatedIssue } from '../../core/vehicles/import-messages.js';
import { csvRecords, type RecordSource } from './csv-records.js';

export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxExpandedBytes: 500 * 1024 * 1024,
  maxRatio: 100,
  /** Below this size an entry's ratio is not checked (a few kilobytes of ';' compress very well). */
  ratioFloorBytes: 1024 * 1024,
};

export interface OpenedArchive {
  clients: RecordSource;
  factures: RecordSource;
  close(): void;
}

const WANTED = ['clients.csv', 'factures.csv'] as const;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (e, z) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z)),
    ),
  );
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > ZIP_LIMITS.maxEntries) {
        reject(new Error('too many entries'));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** A name that could escape a folder when extracted: absolute, a drive letter, or a '..' segment. */
export function isUnsafeName(name: string): boolean {
  return (
    /^[/\\]/.test(name) ||
    /^[A-Za-z]:/.test(name) ||
    name.split(/[/\\]/).includes('..') ||
    name.includes('\0')
  );
}

const nameOf = (entry: Entry) =>
  Buffer.isBuffer(entry.fileName) ? entry.fileName.toString('utf8') : String(entry.fileName);

/** Opens and checks the archive: the two CSV sources, or the issues that refuse it. */
export async function openArchive(
  path: string,
): Promise<{ archive: OpenedArchive } | { issues: LocatedIssue[] }> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return { issues: [{ issue: { code: 'NOT_A_ZIP' } }] };
  }
  let entries: Entry[];
  try {
    entries = await entriesOf(zip);
  } catch {
    zip.close();
    return { issues: [{ issue: { code: 'ARCHIVE_UNSUPPORTED' } }] };
  }
  const issues: LocatedIssue[] = [];
  let expanded = 0;
  const found = new Map<string, Entry[]>();
  for (const entry of entries) {
    const name = nameOf(entry);
    if (isUnsafeName(name)) {
      issues.push({ issue: { code: 'UNSAFE_ENTRY_NAME', name } });
      continue;
    }
    if (name.endsWith('/')) continue;
    expanded += entry.uncompressedSize;
    const base = (name.split(/[/\\]/).pop() ?? '').toLowerCase();
    const ignored = name.startsWith('__MACOSX/') || !WANTED.includes(base as (typeof WANTED)[number]);
    if (ignored) continue;
    const encrypted = (entry.generalPurposeBitFlag & 0x1) !== 0;
    const method = entry.compressionMethod === 0 || entry.compressionMethod === 8;
    const ratio =
      entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressedSize);
    if (encrypted || !method || ratio) issues.push({ issue: { code: 'ARCHIVE_UNSUPPORTED' } });
    found.set(base, [...(found.get(base) ?? []), entry]);
  }
  if (expanded > ZIP_LIMITS.maxExpandedBytes) issues.push({ issue: { code: 'ARCHIVE_UNSUPPORTED' } });
  for (const file of WANTED) {
    const list = found.get(file) ?? [];
    if (list.length === 0) issues.push({ issue: { code: 'ENTRY_MISSING', file } });
    if (list.length > 1) issues.push({ issue: { code: 'ENTRY_DUPLICATED', file } });
  }
  if (issues.length) {
    zip.close();
    const seen = new Set<string>();
    return { issues: issues.filter((i) => !seen.has(JSON.stringify(i)) && seen.add(JSON.stringify(i))) };
  }
  const source =
    (entry: Entry): RecordSource =>
    () => ({
      [Symbol.asyncIterator]: async function* () {
        const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
          zip.openReadStream(entry, (e, s) => (e || !s ? reject(e ?? new Error('no stream')) : resolve(s))),
        );
        yield* csvRecords(stream as import('node:stream').Readable);
      },
    });
  return {
    archive: {
      clients: source(found.get('clients.csv')![0]!),
      factures: source(found.get('factures.csv')![0]!),
      close: () => zip.close(),
    },
  };
}
