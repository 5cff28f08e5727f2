/**
 * Memory of the MMP clients-and-invoices ZIP import (spec/mmp.md §7) against the size of factures.csv.
 *
 *   node --import tsx --expose-gc bench/mmp-import-memory.ts [lines ...]     (default: 10000 100000)
 *   DATABASE_URL=postgres://... node --import tsx --expose-gc bench/mmp-import-memory.ts
 *
 * For each size it writes a ZIP archive to a temporary directory (clients.csv with 1,000 clients,
 * factures.csv with `lines` invoice lines, 3 lines per invoice), loads the demo network `trif` into a fresh
 * database (SQLite in a temporary data directory unless DATABASE_URL is set), then imports the archive
 * through the same use-case as the upload route (yauzl + csv-parse, validated whole, written in one unit
 * of work) while sampling the process every 20 ms. It prints the baseline and the peak of RSS and V8 heap,
 * and the growth over the baseline: bounded memory means the growth does not follow the line count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { ZipFile } from 'yazl';
import { loadDemoVehicles } from '../src/dialects/mmp/demo/demo-vehicles.js';
import { importClientsInvoices } from '../src/app/vehicles/import-clients-invoices.js';
import { findNetwork, listMembers } from '../src/app/vehicles/network.js';
import { openArchive } from '../src/app/vehicles/zip-archive.js';
import { BATCH_2 } from '../src/dialects/mmp/demo/batches.js';
import { loadConfig } from '../src/config.js';
import { openDeps } from '../src/server.js';

const SIRET = '32635721700024';
const MB = 1024 * 1024;

/** The archive, streamed to disk: no copy of the CSV text is kept in memory. */
async function writeArchive(file: string, lines: number): Promise<void> {
  const clientsHeader = BATCH_2.clients.split('\r\n')[0]!;
  const facturesHeader = BATCH_2.factures.split('\r\n')[0]!;
  function* clients() {
    yield `${clientsHeader}\r\n`;
    for (let c = 0; c < 1000; c++)
      yield `${SIRET};B${c};M;CLIENT${c};ALAIN;;${c} RUE DU PONT;;55200;COMMERCY;;06${String(10_000_000 + c).slice(-8)};;c${c}@mail.fr;0;0;0;0;0;BN${String(c).padStart(5, '0')};Peugeot;208;;2015-01-01;2021-05-01;;${40_000 + c};;;;\r\n`;
  }
  function* factures() {
    yield `${facturesHeader}\r\n`;
    for (let i = 0; i < lines; i++) {
      const k = Math.floor(i / 3);
      const c = k % 1000;
      const labels = ['M1;- Revision - Operations Systematiques', ';', 'T1;Main d oeuvre atelier'];
      const part = i % 3 === 1 ? '4.5;5W30-5L;TOTAL;HUILE 5W30' : '1.4;;;';
      yield `${SIRET};B${c};F${k};2020-${String(1 + (k % 12)).padStart(2, '0')}-15;${(k % 900) + 100}.5;;${30_000 + k};BN${String(c).padStart(5, '0')};;;${labels[i % 3]};${part}\r\n`;
    }
  }
  const zip = new ZipFile();
  const { Readable } = await import('node:stream');
  zip.addReadStream(Readable.from(clients()), 'export/clients.csv');
  zip.addReadStream(Readable.from(factures()), 'export/factures.csv');
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}

async function freshDatabase(base: string | undefined, dir: string): Promise<string> {
  if (!base) return '';
  const name = `bench_mmp_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  void dir;
  return base.replace(/\/[^/]*$/, `/${name}`);
}

const gc = (globalThis as { gc?: () => void }).gc;

async function measure(lines: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-mmp-bench-'));
  try {
    const archive = path.join(dir, 'import.zip');
    await writeArchive(archive, lines);
    const url = await freshDatabase(process.env.DATABASE_URL || undefined, dir);
    const config = loadConfig({ ...process.env, TESSERA_DATA: dir, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const { deps, database } = await openDeps(config);
    await loadDemoVehicles(deps);
    const network = (await findNetwork(deps, 'trif'))!;
    const member = (await listMembers(deps.db, network.merchantId)).find((m) => m.memberId === 78612)!;
    gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const started = performance.now();
    const outcome = await importClientsInvoices(deps, {
      network,
      storeId: member.storeId,
      createdBy: null,
      fileName: 'import.zip',
      sha256: null,
      open: () => openArchive(archive),
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    if (!outcome.ok || outcome.value.status !== 'accepted')
      throw new Error(`import refused: ${JSON.stringify(outcome.ok ? outcome.value : outcome)}`);
    await database.close();
    const row = {
      database: url ? 'postgres' : 'sqlite',
      lines,
      zipMiB: +(fs.statSync(archive).size / MB).toFixed(1),
      seconds: +seconds.toFixed(1),
      linesPerSecond: Math.round(lines / seconds),
      baseRssMiB: Math.round(base.rss / MB),
      peakRssMiB: Math.round(peakRss / MB),
      rssGrowthMiB: Math.round((peakRss - base.rss) / MB),
      baseHeapMiB: Math.round(base.heapUsed / MB),
      peakHeapMiB: Math.round(peakHeap / MB),
      heapGrowthMiB: Math.round((peakHeap - base.heapUsed) / MB),
      counts: outcome.value.counts,
    };
    console.log(JSON.stringify(row));
    return row;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const lines of sizes.length ? sizes : [10_000, 100_000]) await measure(lines);
process.exit(0);
