// Memory of PROMO imports: a CatalogCustomer series of N customers sent in requests of 1,000 items through
// the HTTP stack (app.inject) into the import queue, each processed by the import job before the next one
// is sent, on a fresh SQLite database with the demo loaded. Samples RSS and heap every 100 ms and after each
// request; reports the peak, and the heap after the first request against the last (growth per request).
// One customer in 500 is malformed: the import records its error and keeps the others.
// Usage: node --expose-gc --import tsx bench/promo-import-memory.ts [--customers 100000] [--batch 1000]
// Figures in BENCHMARKS.md ("PROMO imports"): CatalogCustomer is read and written a batch of 200 at a
// time (one read of the batch's codes, multi-row inserts), about six times the customers per second of the
// item-by-item version on the same machine; memory stays flat (heap after each request ~78 MB).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/app/demo/load-demo.js';
import { loadConfig } from '../src/config.js';
import { runPromoImports } from '../src/dialects/promo/loading/import-job.js';
import { buildApp } from '../src/http/app.js';
import { openDeps } from '../src/server.js';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, batch: { type: 'string', default: '1000' } },
});
const TOTAL = Number(values.customers);
const BATCH = Number(values.batch);
const MB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-import-mem-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
  LOG_LEVEL: 'silent',
});
const { deps, database } = await openDeps(config);
await loadDemo(deps);
const app = await buildApp(deps, { logger: false });
await app.ready();
/** A fresh token: a long series outlives one (tokens last an hour). */
async function newToken(): Promise<string> {
  const tokenRes = await app.inject({
    method: 'POST',
    url: '/promo/oauth/token',
    headers: {
      authorization: `Basic ${Buffer.from('my-client:').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=password&username=sender&password=mate&scope=read',
  });
  return (tokenRes.json() as { access_token: string }).access_token;
}
let token = await newToken();

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return m;
};
const timer = setInterval(sample, 100);
const heapAfter: number[] = [];
let ok = 0;
let errors = 0;
const started = Date.now();
const baseline = sample();
for (let sent = 0; sent < TOTAL; sent += BATCH) {
  const items = Array.from({ length: Math.min(BATCH, TOTAL - sent) }, (_, i) => {
    const n = sent + i;
    return {
      code: `mem${n}`,
      name: n % 500 === 499 ? '' : `Nombre${n}`,
      lastName: `Apellido${n}`,
      identificationType: 'dni',
      identifier: String(10_000_000 + n),
      email: `c${n}@example.com`,
      birthDate: '1980-01-01',
      phone: '1155555555',
      isActive: 'true',
      operation: 'I',
    };
  });
  const payload = JSON.stringify({ companyId: 'napse', catalog: 'CatalogCustomer', params: [], items });
  const send = () =>
    app.inject({
      method: 'POST',
      url: '/promo/api/rest/catalogs',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
  let res = await send();
  if (res.statusCode === 401) {
    token = await newToken();
    res = await send();
  }
  if (res.statusCode !== 200) throw new Error(`batch at ${sent}: ${res.statusCode} ${res.body}`);
  const id = res.headers['x-import-id'] as string;
  let record;
  for (;;) {
    await runPromoImports(deps);
    record = await deps.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (record.status !== 'queued' && record.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const counts = JSON.parse(record.counts) as Record<string, number>;
  ok += counts.ok ?? 0;
  errors += counts.errors ?? 0;
  if (global.gc) global.gc();
  heapAfter.push(sample().heapUsed);
  if (heapAfter.length % 10 === 0)
    console.error(
      `${sent + items.length} customers, heap ${MB(heapAfter.at(-1)!)} MB, rss ${MB(process.memoryUsage().rss)} MB`,
    );
}
clearInterval(timer);
const seconds = (Date.now() - started) / 1000;
console.log(
  JSON.stringify(
    {
      customers: TOTAL,
      batch: BATCH,
      imported: ok,
      itemErrors: errors,
      seconds: Math.round(seconds),
      customersPerSecond: Math.round(TOTAL / seconds),
      baselineRssMB: MB(baseline.rss),
      peakRssMB: MB(peakRss),
      peakHeapMB: MB(peakHeap),
      heapAfterFirstRequestMB: MB(heapAfter[0]!),
      heapAfterLastRequestMB: MB(heapAfter.at(-1)!),
      gcExposed: Boolean(global.gc),
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
