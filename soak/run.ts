// Tessera reliability run: retry storm, kill -9 under load, two processes on one PostgreSQL database, and a
// mixed-load soak with an anonymous-RSS growth limit. Servers run from dist/ (built first) as child processes.
// Usage: npm run soak [-- options]   (node --import tsx soak/run.ts --help)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { processes, postgres } from './bench.js';
import { tokens } from './client.js';
import { crashCycles, type CrashReport } from './crash.js';
import { connectionFlood, type FloodReport, type Timing } from './flood.js';
import { mixedLoad, type MixedReport } from './mixed.js';
import { check, freshDb, prepare, ROOT, startServer, type Db, type Runtime } from './stack.js';
import { retryStorm, type StormReport } from './storm.js';
import { twoProcesses, type TwoProcessReport } from './two-processes.js';

const STEPS = ['storm', 'crash', 'two', 'mixed', 'flood'] as const;
type Step = (typeof STEPS)[number];

const USAGE = `Usage: npm run soak [-- options]

  --duration S        seconds of mixed load (default 600)
  --sales N           receipts of the retry storm, each sent three times at once (default 5000)
  --crashes N         kill -9 cycles per database (default 10)
  --db sqlite|postgres|both
                      databases of the storm and crash steps (default both; postgres: a fresh database on
                      DATABASE_URL when set, otherwise a throwaway cluster from /usr/lib/postgresql/*/bin)
  --soak-db sqlite|postgres
                      database of the mixed load (default sqlite)
  --concurrency C     concurrent tills (default 16)
  --flood N           keep-alive connections of the connection flood (default 2000)
  --only a,b          run only these steps: ${STEPS.join(', ')}
  --no-build          use dist/ as it is instead of running npm run build
  --help

Races (concurrent redemptions, voucher uses, next-available cards, returns) are covered by npm test
(test/*-race.test.ts).`;

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '600' },
      sales: { type: 'string', default: '5000' },
      crashes: { type: 'string', default: '10' },
      db: { type: 'string', default: 'both' },
      'soak-db': { type: 'string', default: 'sqlite' },
      concurrency: { type: 'string', default: '16' },
      flood: { type: 'string', default: '2000' },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  if (!['sqlite', 'postgres', 'both'].includes(values.db))
    throw new Error('--db must be sqlite, postgres or both');
  if (!['sqlite', 'postgres'].includes(values['soak-db']))
    throw new Error('--soak-db must be sqlite or postgres');
  const only = (values.only?.split(',').map((x) => x.trim()) ?? [...STEPS]) as Step[];
  const unknown = only.filter((x) => !STEPS.includes(x));
  if (unknown.length) throw new Error(`unknown step(s): ${unknown.join(', ')}`);
  return {
    duration: int('duration', values.duration, 10),
    sales: int('sales', values.sales, 1),
    crashes: int('crashes', values.crashes, 1),
    dbs: (values.db === 'both' ? ['sqlite', 'postgres'] : [values.db]) as Db['kind'][],
    soakDb: values['soak-db'] as Db['kind'],
    concurrency: int('concurrency', values.concurrency, 1),
    flood: int('flood', values.flood, 1),
    only,
    build: !values['no-build'],
  };
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const mb = (kb: number | null) => (kb === null ? '?' : `${(kb / 1024).toFixed(1)} MB`);

let pgAdminUrl: string | undefined;
async function pgUrl(): Promise<string> {
  if (pgAdminUrl) return pgAdminUrl;
  if (process.env.DATABASE_URL?.startsWith('postgres')) return (pgAdminUrl = process.env.DATABASE_URL);
  const bin = postgres.findPgBin();
  if (!bin)
    throw new Error('no PostgreSQL binaries (PG_BIN, pg_config, /usr/lib/postgresql/*/bin); use --db sqlite');
  say('Starting a throwaway PostgreSQL cluster...');
  const cluster = await postgres.startPgCluster(bin);
  processes.onCleanup('stop the PostgreSQL cluster', cluster.stop, cluster.stop);
  return (pgAdminUrl = cluster.url);
}

async function database(kind: Db['kind']) {
  const db = await freshDb(kind, kind === 'postgres' ? await pgUrl() : undefined);
  processes.onCleanup(`drop the ${kind} database`, db.drop);
  return db;
}

function printStorm(kind: string, r: StormReport) {
  say(
    `  ${kind}: ${r.receipts} receipts (${r.avomarkReceipts} Avomark) × 3 copies + ${r.conflictsRefused} with other content = ${r.requests} requests in ${r.seconds.toFixed(1)} s`,
  );
  say(
    `    201 created ${r.created}, 200 replayed ${r.replayed}, 409 refused ${r.conflictsRefused}, 5xx ${r.errors5xx}, no answer ${r.noAnswer}; sale rows ${r.saleRows}, points ${r.pointsEarned}`,
  );
}

async function main() {
  const o = options();
  processes.installExitHandlers();
  const runtime: Runtime = 'dist';
  if (o.build) {
    say('Building (npm run build)...');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const started = Date.now();
  const problems: string[] = [];
  const add = (step: string, list: string[]) => problems.push(...list.map((p) => `${step}: ${p}`));
  const result: {
    storm: Record<string, StormReport>;
    crash: Record<string, Omit<CrashReport, 'server'>>;
    twoProcesses?: TwoProcessReport;
    mixed?: MixedReport & { db: string; checkPassed: boolean };
    flood?: FloodReport;
  } = { storm: {}, crash: {} };

  for (const kind of o.dbs) {
    if (!o.only.includes('storm') && !o.only.includes('crash')) break;
    const db = await database(kind);
    const seeded = await prepare(db, runtime, { customers: 200 });
    let server = await startServer(db, runtime, 'soak');
    if (o.only.includes('storm')) {
      say(`\nRetry storm on ${kind}:`);
      const storm = await retryStorm({
        db,
        bases: [server.base],
        tokens: await tokens(server.base),
        cards: seeded.cardNumbers.slice(0, 100),
        receipts: o.sales,
        concurrency: o.concurrency,
      });
      printStorm(kind, storm);
      add(`storm ${kind}`, storm.problems);
      result.storm[kind] = storm;
    }
    if (o.only.includes('crash')) {
      say(`\nkill -9 under load on ${kind} (${o.crashes} crashes):`);
      const { server: last, ...crash } = await crashCycles({
        db,
        runtime,
        cards: seeded.cardNumbers,
        cycles: o.crashes,
        concurrency: o.concurrency,
        killAfterMs: [1000, 4000],
        server,
      });
      server = last;
      const committed = crash.cycles.reduce((s, c) => s + c.cutOffThatHadCommitted, 0);
      say(
        `  ${crash.crashes} crashes: ${crash.acknowledged} sales acknowledged, all found after restart; ${crash.cutOff} cut off by the kill (${committed} had committed), all resent with a 2xx`,
      );
      say(
        `  tessera check after each kill: ${crash.cycles.filter((c) => c.checkPassed).length}/${crash.crashes} passed; restart ${Math.max(...crash.cycles.map((c) => c.restartSeconds)).toFixed(1)} s at most`,
      );
      add(`crash ${kind}`, crash.problems);
      result.crash[kind] = crash;
    }
    await server.stop();
  }

  if (o.only.includes('two')) {
    say('\nTwo processes on one PostgreSQL database:');
    const db = await database('postgres');
    const seeded = await prepare(db, runtime, { customers: 200 });
    const servers = await Promise.all([
      startServer(db, runtime, 'first'),
      startServer(db, runtime, 'second'),
    ]);
    const two = await twoProcesses({
      db,
      runtime,
      servers,
      tokens: await tokens(servers[0].base),
      cards: seeded.cardNumbers.slice(0, 51),
      receipts: Math.max(100, Math.round(o.sales / 5)),
      concurrency: o.concurrency,
      credit: 500,
    });
    printStorm('both processes', two.storm);
    const r = two.redemptions;
    say(
      `  redemptions of ${r.pointsPerRedemption} points on one card of ${r.balanceBefore}, through both: ${r.attempts} attempts, ${r.succeeded} succeeded, ${r.refused} refused (INSUFFICIENT_POINTS); balance after ${r.balanceAfter}`,
    );
    say(`  tessera check: ${two.checkPassed ? 'passed' : 'FAILED'}`);
    add('two processes', two.problems);
    result.twoProcesses = two;
    await Promise.all(servers.map((s) => s.stop()));
  }

  if (o.only.includes('mixed')) {
    say(`\nMixed load on ${o.soakDb} for ${o.duration} s (${o.concurrency} tills):`);
    const db = await database(o.soakDb);
    const vouchers = Math.min(60_000, o.duration * 60);
    const seeded = await prepare(db, runtime, { customers: 5000, vouchers });
    const server = await startServer(db, runtime, 'mixed');
    const mixed = await mixedLoad({
      server,
      tokens: await tokens(server.base),
      seeded,
      seconds: o.duration,
      concurrency: o.concurrency,
      progress: say,
    });
    await server.stop();
    const checked = await check(db, runtime);
    if (!checked.ok) mixed.problems.push(`tessera check failed:\n${checked.output}`);
    for (const [name, st] of Object.entries(mixed.ops)) {
      say(
        `  ${name.padEnd(16)} ${String(st.count).padStart(7)}  2xx ${st.ok}, 4xx ${st.clientErrors}, 5xx ${st.serverErrors}, no answer ${st.noAnswer}`,
      );
    }
    const g = mixed.rss.growth;
    say(
      `  ${mixed.requests} requests (${mixed.requestsPerSecond.toFixed(0)}/s), ${mixed.vouchersUsed} vouchers used; tessera check ${checked.ok ? 'passed' : 'FAILED'}`,
    );
    say(
      `  anonymous RSS after ${mixed.rss.warmupSeconds.toFixed(0)} s ${mb(mixed.rss.baselineKb)}, at the end ${mb(mixed.rss.endKb)}, peak ${mb(mixed.rss.peakKb)}: growth ${g === null ? '?' : `${(g * 100).toFixed(1)} %`} (limit ${mixed.rss.maxGrowth * 100} %${mixed.rss.judged ? '' : '; not judged: runs under 120 s are still warming up'})`,
    );
    const heapAt = (t: number) => mixed.rss.heapUsedKb.filter((x) => x.t <= t).at(-1)?.kb ?? null;
    say(
      `  V8 heap used after ${mixed.rss.warmupSeconds.toFixed(0)} s ${mb(heapAt(mixed.rss.warmupSeconds))}, at the end ${mb(heapAt(Infinity))}`,
    );
    add('mixed', mixed.problems);
    result.mixed = { ...mixed, db: o.soakDb, checkPassed: checked.ok };
  }

  if (o.only.includes('flood')) {
    say(`\nConnection flood: ${o.flood} keep-alive connections (half kept busy, half trickling headers):`);
    const db = await database('sqlite');
    const seeded = await prepare(db, runtime, { customers: 10 });
    const server = await startServer(db, runtime, 'flood');
    const flood = await connectionFlood({
      base: server.base,
      token: (await tokens(server.base)).native,
      card: seeded.cardNumbers[0]!,
      connections: o.flood,
      perAddress: 200,
      samples: 40,
      limitMs: 1000,
      absorbLimitMs: 30_000,
    });
    await server.stop();
    const t = (x: Timing) =>
      `median ${x.medianMs.toFixed(1)} ms, p95 ${x.p95Ms.toFixed(1)} ms, max ${x.maxMs.toFixed(1)} ms${x.failed ? `, ${x.failed} failed` : ''}`;
    say(
      `  ${flood.held} of ${flood.connections} held open from ${flood.addresses} addresses (${flood.closedEarly} closed early); ${flood.floodRequestsAnswered} flood requests answered`,
    );
    say(
      `  first new connection right after the flood opened: /healthz in ${flood.absorbMs} ms (absorbing the burst)`,
    );
    say(
      `  new connection, /healthz: before ${t(flood.baseline.healthz)}; under flood ${t(flood.underFlood.healthz)}`,
    );
    say(
      `  new connection, balance:  before ${t(flood.baseline.balance)}; under flood ${t(flood.underFlood.balance)}`,
    );
    add('flood', flood.problems);
    result.flood = flood;
  }

  say(
    '\nRaces (concurrent redemptions, voucher uses, next-available cards, returns): covered by npm test (test/*-race.test.ts).',
  );
  const summary = {
    date: new Date().toISOString(),
    options: o,
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    seconds: (Date.now() - started) / 1000,
    passed: problems.length === 0,
    problems,
    ...result,
  };
  const file = path.join(ROOT, 'soak', 'results', `soak-${summary.date.replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  say(`\nSummary: ${path.relative(ROOT, file)}`);
  if (problems.length) {
    say(`\nFAILED (${problems.length} problem(s)):`);
    for (const p of problems.slice(0, 40)) say(`  - ${p}`);
  } else say('\nPASSED');
  await processes.shutdown();
  process.exit(problems.length ? 1 : 0);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`soak: ${(error as Error)?.stack ?? error}\n`);
  await processes.shutdown();
  process.exit(1);
});
