// Tessera benchmark harness: builds, starts a fresh server and a bare Fastify server as child processes on
// loopback ports, seeds customers in bulk, drives each workload of bench/workloads.mjs with autocannon from
// this process, and reports requests/s and latency as ratios against the constant route of the same run.
// Usage: npm run bench [-- --quick] [-- --db postgres] [-- --write-md]   (node bench/run.mjs --help)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { engineTable, runEngine } from './engine.mjs';
import { createFreshDatabase, findPgBin, redact, startPgCluster } from './postgres.mjs';
import {
  freePort,
  installExitHandlers,
  onCleanup,
  shutdown,
  startChild,
  tail,
  waitForHttp,
} from './processes.mjs';
import { benchContext, tesseraEnv } from './context.mjs';
import { runWorkload } from './measure.mjs';
import {
  markdownSection,
  markdownTable,
  machineLine,
  ratio as ratioText,
  writeBenchmarksMd,
} from './report.mjs';
import { seedPostgres, seedSqlite } from './seed.mjs';
import { workloads } from './workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Vouchers seeded for the sale-with-voucher workload: one per request, at up to this many requests/s.
const VOUCHERS_PER_SECOND = 1500;
// Cards with a long history (2,000 lots each) for the sale-history workload, among the seeded ones.
const HEAVY_CARDS = 50;

const USAGE = `Usage: npm run bench [-- options]      (or: node bench/run.mjs [options])

  --quick             small and short: 2,000 customers, 2 s per workload (under a minute on 2 cores)
  --db sqlite|postgres
                      database (default sqlite). postgres: a fresh database on DATABASE_URL when it is set,
                      otherwise a throwaway cluster from /usr/lib/postgresql/*/bin (or PG_BIN)
  --customers N       seeded customers (default 100000; --quick 2000)
  --duration S        seconds per workload (default 10; --quick 2)
  --warmup S          warm-up seconds before each workload, not measured (default 2; --quick 1)
  --connections C     concurrent connections (default 50; a workload may set its own: token uses 4)
  --reference S       seconds of the constant route measured just before each workload that runs at full
                      rate (default 3; --quick 1; 0: none), for a ratio to the machine's speed of that moment
  --only a,b          run only these workloads (the constant one always runs): ${workloads.map((w) => w.name).join(', ')}
  --write-md          put this run's table into BENCHMARKS.md (the section of its database and size)
  --no-build          use dist/ as it is instead of running npm run build
  --seed-cache DIR    SQLite: keep the seeded database in DIR and start later runs of the same size and schema
                      from a copy of it (minutes saved per run when comparing two builds)
  --cpu-prof DIR      write a V8 CPU profile of the Tessera server into DIR (summarise it with
                      node bench/profile-summary.mjs DIR/<file>.cpuprofile); profile one workload with --only
  --help`;

/**
 * --seed-cache: the seeded SQLite file of a size and schema (the migrations' names and the seeder's text),
 * kept so that a later run starts from a copy instead of seeding again.
 */
function seedCache(config, vouchers) {
  if (!config.seedCache) return null;
  const migrations = fs
    .readdirSync(path.join(ROOT, 'src', 'db', 'migrations'))
    .sort()
    .join(',');
  const seeder = fs.readFileSync(path.join(ROOT, 'bench', 'seed.mjs'), 'utf8');
  const key = createHash('sha256')
    .update(`${config.customers}|${vouchers}|${HEAVY_CARDS}|${migrations}|${seeder}`)
    .digest('hex')
    .slice(0, 16);
  const file = path.join(path.resolve(config.seedCache), `seeded-${key}.sqlite`);
  return {
    file,
    load(target) {
      if (!fs.existsSync(file) || !fs.existsSync(`${file}.json`)) return null;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      return JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    },
    save(source, seeded) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // A consistent copy of the WAL-mode file: everything checkpointed into the file, which is then copied as
      // it is. (VACUUM INTO would rebuild every b-tree with full pages, unlike the file a run seeds itself.)
      const db = new Database(source);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      fs.copyFileSync(source, file);
      fs.writeFileSync(`${file}.json`, JSON.stringify(seeded));
    },
  };
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      db: { type: 'string', default: 'sqlite' },
      customers: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      reference: { type: 'string' },
      only: { type: 'string' },
      'write-md': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'seed-cache': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name, raw, fallback, min) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  if (!['sqlite', 'postgres'].includes(values.db)) throw new Error(`--db must be sqlite or postgres`);
  const names = values.only?.split(',').map((s) => s.trim()) ?? [];
  const unknown = names.filter((n) => !workloads.some((w) => w.name === n));
  if (unknown.length) throw new Error(`unknown workload(s): ${unknown.join(', ')}`);
  return {
    quick: values.quick,
    db: values.db,
    customers: int('customers', values.customers, values.quick ? 2000 : 100_000, 1),
    durationSeconds: int('duration', values.duration, values.quick ? 2 : 10, 1),
    warmupSeconds: int('warmup', values.warmup, values.quick ? 1 : 2, 0),
    connections: int('connections', values.connections, 50, 1),
    referenceSeconds: int('reference', values.reference, values.quick ? 1 : 3, 0),
    only: names,
    writeMd: values['write-md'],
    build: !values['no-build'],
    cpuProfileDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
    seedCache: values['seed-cache'],
  };
}

const say = (line) => process.stderr.write(`${line}\n`);

function commandLine(argv) {
  const args = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${args ? ` -- ${args}` : ''}`;
  return `node bench/run.mjs${args ? ` ${args}` : ''}`;
}

function git() {
  const run = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = run(['rev-parse', 'HEAD']);
  const status = run(['status', '--porcelain']);
  return {
    commit: head.status === 0 ? head.stdout.trim() : 'unknown',
    dirty: status.status === 0 ? status.stdout.trim() !== '' : null,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  };
}

function build() {
  say('Building (npm run build)...');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  }
  say(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The database for this run: a SQLite file in the temporary directory, or a fresh PostgreSQL database. */
async function openDatabase(db, tmp) {
  if (db === 'sqlite') {
    const file = path.join(tmp, 'data', 'tessera.sqlite');
    return {
      kind: 'sqlite',
      env: {},
      description: 'SQLite (WAL, flushed before each answer) in a temporary directory',
      file,
    };
  }
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL);
    onCleanup('drop the benchmark database', fresh.drop);
    return {
      kind: 'postgres',
      env: { DATABASE_URL: fresh.url },
      description: fresh.description,
      url: fresh.url,
    };
  }
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'no PostgreSQL binaries (initdb, pg_ctl) in PG_BIN, pg_config --bindir or /usr/lib/postgresql/*/bin; ' +
        'install the postgresql package or set DATABASE_URL',
    );
  }
  say('Starting a throwaway PostgreSQL cluster...');
  const cluster = await startPgCluster(bin);
  onCleanup('stop the PostgreSQL cluster', cluster.stop, cluster.stop);
  const version = path.basename(path.dirname(bin));
  return {
    kind: 'postgres',
    env: { DATABASE_URL: cluster.url },
    description: `PostgreSQL ${/^\d+$/.test(version) ? `${version} ` : ''}throwaway cluster (durable defaults)`,
    url: cluster.url,
  };
}

async function main() {
  const argv = process.argv.slice(2);
  let config;
  try {
    config = parseOptions(argv);
  } catch (error) {
    say(`bench: ${error.message}\n(node bench/run.mjs --help lists the options)`);
    process.exit(2);
  }
  installExitHandlers();
  const startedAt = new Date();
  const info = machine();
  say(
    `Tessera benchmark: ${config.db}, ${config.customers} customers, ${config.durationSeconds} s per workload`,
  );
  say(`  machine: ${machineLine(info)}`);
  if (info.loadAverageAtStart[0] > info.cpus / 2) {
    say(
      `  ! load average ${info.loadAverageAtStart[0].toFixed(1)} on ${info.cpus} CPUs: something else is running, ` +
        'expect noisy figures (the ratios suffer less than the absolute numbers)',
    );
  }

  if (config.build) build();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-'));
  onCleanup(
    'remove the temporary directory',
    () => fs.rmSync(tmp, { recursive: true, force: true }),
    () => fs.rmSync(tmp, { recursive: true, force: true }),
  );
  const database = await openDatabase(config.db, tmp);

  const env = tesseraEnv(path.join(tmp, 'data'), database.env);
  const cli = path.join(ROOT, 'dist', 'cli', 'main.js');

  const vouchers = VOUCHERS_PER_SECOND * (config.warmupSeconds + config.durationSeconds) + 100;
  const cached = database.kind === 'sqlite' ? seedCache(config, vouchers) : null;
  let seeded = cached?.load(database.file) ?? null;
  if (seeded) {
    say(`Seeded database copied from ${cached.file} (made by an earlier run of the same size and schema)`);
  } else {
    say('Creating the schema and the demo data (tessera demo)...');
    const demo = spawnSync(process.execPath, [cli, 'demo'], { cwd: ROOT, env, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`tessera demo failed:\n${demo.stdout}\n${demo.stderr}`);
    say(
      `Seeding ${config.customers} customers with one VIP card and some points each, ${vouchers} vouchers...`,
    );
    seeded =
      database.kind === 'sqlite'
        ? await seedSqlite(database.file, { count: config.customers, vouchers, heavyCards: HEAVY_CARDS })
        : await seedPostgres(database.url, { count: config.customers, vouchers, heavyCards: HEAVY_CARDS });
    say(`  seeded in ${(seeded.ms / 1000).toFixed(1)} s (${seeded.movements} earn movements)`);
    cached?.save(database.file, seeded);
  }

  const [tesseraPort, constantPort] = [await freePort(), await freePort()];
  const tesseraLog = path.join(tmp, 'tessera.log');
  const constantLog = path.join(tmp, 'constant.log');
  const tessera = startChild(
    'tessera',
    process.execPath,
    [
      ...(config.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', config.cpuProfileDir] : []),
      cli,
      ...['serve', '--demo', '--host', '127.0.0.1', '--port', String(tesseraPort)],
    ],
    { cwd: ROOT, env, logFile: tesseraLog },
  );
  const constant = startChild(
    'constant server',
    process.execPath,
    [path.join(ROOT, 'bench', 'constant-server.mjs'), String(constantPort)],
    { cwd: ROOT, env: { ...process.env }, logFile: constantLog },
  );
  const targets = {
    tessera: { url: `http://127.0.0.1:${tesseraPort}`, child: tessera, log: tesseraLog, idlePath: '/readyz' },
    constant: { url: `http://127.0.0.1:${constantPort}`, child: constant, log: constantLog, idlePath: '/' },
  };
  if (database.kind === 'postgres') {
    // A second Tessera process on the same database, for the two-process workloads: PostgreSQL is the
    // scale-out path, so what two processes take together is what an operator buys by adding one.
    const secondPort = await freePort();
    const secondLog = path.join(tmp, 'tessera-2.log');
    const second = startChild(
      'tessera (second process)',
      process.execPath,
      [cli, ...['serve', '--host', '127.0.0.1', '--port', String(secondPort)]],
      { cwd: ROOT, env, logFile: secondLog },
    );
    await waitForHttp(`http://127.0.0.1:${secondPort}/readyz`, { child: second, logFile: secondLog });
    targets['tessera-pair'] = {
      ...targets.tessera,
      urls: [targets.tessera.url, `http://127.0.0.1:${secondPort}`],
    };
  }
  await waitForHttp(`${targets.tessera.url}/readyz`, { child: tessera, logFile: tesseraLog });
  await waitForHttp(`${targets.constant.url}/`, { child: constant, logFile: constantLog });
  say(`  Tessera on ${targets.tessera.url} (pid ${tessera.pid}), constant server on ${targets.constant.url}`);

  const ctx = await benchContext(targets.tessera.url, seeded, startedAt.getTime().toString(36));

  const chosen = workloads.filter(
    (w) => w.target === 'constant' || config.only.length === 0 || config.only.includes(w.name),
  );
  const selected = chosen.filter((w) => w.target !== 'in-process');
  const engineSelected = chosen.some((w) => w.target === 'in-process');
  // The constant route runs first and again last: the ratios use the mean of the two, and a large difference
  // shows that the machine's load changed during the run. It also runs briefly just before each workload at full
  // rate (--reference): on a shared machine whose speed swings within minutes, that ratio is the steadier one.
  const constantWorkload = selected.find((w) => w.target === 'constant');
  const plan = [...selected, ...(constantWorkload ? [{ ...constantWorkload, name: 'constant (end)' }] : [])];
  const results = [];
  for (const workload of plan) {
    const target = targets[workload.target];
    if (!target) {
      say(`- ${workload.name}: skipped, it runs on PostgreSQL only (--db postgres)`);
      continue;
    }
    let overallRate;
    if (workload.rateOf) {
      const base = results.find((r) => r.name === workload.rateOf);
      if (!base) {
        say(`- ${workload.name}: skipped, it needs ${workload.rateOf} measured first (add it to --only)`);
        continue;
      }
      overallRate = Math.max(1, Math.round(base.requestsPerSecond * workload.rateFraction));
    }
    const reference =
      constantWorkload && workload.target !== 'constant' && !overallRate && config.referenceSeconds > 0
        ? await runWorkload(constantWorkload, targets.constant, ctx, {
            ...config,
            warmupSeconds: 1,
            durationSeconds: config.referenceSeconds,
          })
        : undefined;
    say(`- ${workload.name}: ${workload.what}${overallRate ? ` (${overallRate} req/s offered)` : ''}`);
    if (workload.setup) await workload.setup(ctx, target);
    const result = await runWorkload(workload, target, ctx, config, overallRate);
    if (reference) {
      result.reference = {
        requestsPerSecond: reference.requestsPerSecond,
        windowSeconds: reference.windowSeconds,
      };
      result.ratioToReference = result.requestsPerSecond / reference.requestsPerSecond;
    }
    if (target.child.exitCode !== null || target.child.signalCode !== null) {
      throw new Error(`${workload.target} exited during "${workload.name}":\n${tail(target.log)}`);
    }
    say(
      `  ${Math.round(result.requestsPerSecond)} req/s` +
        (reference
          ? ` (${ratioText(result.ratioToReference)} of the constant route's ${Math.round(reference.requestsPerSecond)} just before)`
          : '') +
        `, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}` +
        (result.drainMs > 1000 ? `; ${(result.drainMs / 1000).toFixed(1)} s to work off the queue` : '') +
        (result.generatorLoopDelayMs
          ? `; load generator's own event-loop delay p99 ${result.generatorLoopDelayMs.p99.toFixed(1)} ms, max ${result.generatorLoopDelayMs.max.toFixed(1)} ms`
          : ''),
    );
    results.push(result);
  }
  const constants = results.filter((r) => r.target === 'constant').map((r) => r.requestsPerSecond);
  const ceiling = constants.length ? constants.reduce((a, b) => a + b, 0) / constants.length : null;
  for (const r of results) r.ratioToConstant = ceiling ? r.requestsPerSecond / ceiling : null;
  const drift =
    constants.length === 2 ? Math.abs(constants[0] - constants[1]) / Math.max(...constants) : null;
  if (drift !== null && drift > 0.2) {
    say(
      `! the constant route did ${Math.round(constants[0])} req/s at the start and ${Math.round(constants[1])} at ` +
        'the end: the load of the machine changed during the run, the ratios are approximate',
    );
  }

  const serverLog = fs.existsSync(tesseraLog) ? fs.readFileSync(tesseraLog, 'utf8').trim() : '';
  const serverLogLines = serverLog ? serverLog.split('\n').filter((l) => l.startsWith('{')) : [];
  await shutdown();
  // In process, with the servers stopped: nothing of the benchmark runs beside it.
  const engine = engineSelected
    ? runEngine(ROOT, { iterations: config.quick ? 2000 : 5000, say })
    : undefined;

  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const resultFile = path.join('bench', 'results', `${stamp}-${config.db}.json`);
  const run = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: commandLine(argv),
    argv: process.argv,
    config,
    database: {
      kind: database.kind,
      description: database.description,
      url: database.url ? redact(database.url) : undefined,
    },
    machine: { ...info, loadAverageAtEnd: os.loadavg() },
    git: git(),
    constantRoute: { requestsPerSecond: constants, mean: ceiling, drift },
    seeding: {
      customers: seeded.count,
      cards: seeded.cardNumbers.length,
      movements: seeded.movements,
      vouchers: seeded.voucherNumbers.length,
      ms: seeded.ms,
    },
    server: {
      logLevel: 'warn',
      logLines: serverLogLines.length,
      firstLogLines: serverLogLines.slice(0, 5),
    },
    resultFile,
    results,
    ...(engine ? { engine } : {}),
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, resultFile), `${JSON.stringify(run, null, 2)}\n`);

  process.stdout.write(
    `\n${markdownTable(results)}\n\n${config.db}, ${config.customers} customers, ${config.connections} connections, ` +
      `${config.durationSeconds} s per workload. Raw figures: ${resultFile}\n`,
  );
  if (engine) process.stdout.write(`\n${engineTable(engine)}\n`);
  if (serverLogLines.length) say(`Note: the server logged ${serverLogLines.length} warning/error line(s).`);
  if (config.writeMd) {
    const section = `${config.db}-${config.quick ? 'quick' : 'full'}`;
    await writeBenchmarksMd(
      path.join(ROOT, 'BENCHMARKS.md'),
      section,
      markdownSection(run),
      '# Benchmarks\n',
    );
    say(`BENCHMARKS.md updated (section "${section}").`);
  }
}

main().catch(async (error) => {
  say(`bench: ${error?.stack ?? error}`);
  await shutdown();
  process.exit(1);
});
