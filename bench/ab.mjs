// Two builds compared at the same moments: node bench/ab.mjs --help
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchContext, tesseraEnv } from './context.mjs';
import { runWorkload } from './measure.mjs';
import { freePort, installExitHandlers, onCleanup, shutdown, startChild, waitForHttp } from './processes.mjs';
import { workloads } from './workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Usage: node bench/ab.mjs --base DIR --seeded FILE [options]

Compares two builds of Tessera at the same moments, on SQLite: A is the built checkout in DIR (for instance a
git worktree of the commit before a change, with npm ci and npm run build done), B is this one (npm run build
first). On a shared machine whose speed swings within minutes, runs of one build after the other compare the
machine's phases as much as the builds; here both servers run at once, each on its own copy of FILE, and the
workload runs against A and B in turn for a short slice each, the order alternating by round. Each round gives
a ratio B/A measured within seconds; the median of those is the comparison.

  --base DIR        the other build (A)
  --seeded FILE     a seeded SQLite database both builds can open, with FILE.json beside it (the files that
                    bench/run.mjs --seed-cache DIR keeps)
  --base-seeded F2  A's database instead of FILE: another file of the same customers and cards (FILE.json
                    serves both); with --base this very checkout, one build compared on two layouts of the data
  --only NAME       the workload (default sale; one of workloads.mjs's that target 'tessera')
  --rate R          requests/s offered, for the workloads that run at a set rate (sale-half-rate,
                    sale-1500-half-rate, ...): required for those, as there is no full-rate run to halve
  --rounds N        rounds (default 10; the first ones warm both servers up)
  --slice S         measured seconds per build and round (default 3)
  --warmup S        unmeasured seconds before each slice (default 1)
  --connections C   concurrent connections (default 50)
`;

function options() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      seeded: { type: 'string' },
      'base-seeded': { type: 'string' },
      only: { type: 'string', default: 'sale' },
      rate: { type: 'string' },
      rounds: { type: 'string', default: '10' },
      slice: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '50' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.base || !values.seeded) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const workload = workloads.find((w) => w.name === values.only && w.target === 'tessera');
  if (!workload) throw new Error(`--only ${values.only}: not a Tessera workload of bench/workloads.mjs`);
  if (workload.rateOf && values.rate === undefined) throw new Error(`--only ${values.only} needs --rate`);
  if (!workload.rateOf && values.rate !== undefined) {
    throw new Error(
      `--rate: ${values.only} runs at full rate; --rate is for the workloads sent at a set rate`,
    );
  }
  for (const file of [
    path.join(values.base, 'dist', 'cli', 'main.js'),
    values.seeded,
    `${values.seeded}.json`,
    ...(values['base-seeded'] ? [values['base-seeded']] : []),
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  }
  const number = (name) => {
    const n = Number(values[name]);
    if (!(n > 0)) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    base: path.resolve(values.base),
    seeded: path.resolve(values.seeded),
    baseSeeded: path.resolve(values['base-seeded'] ?? values.seeded),
    workload,
    rounds: number('rounds'),
    rate: workload.rateOf ? number('rate') : undefined,
    measure: {
      durationSeconds: number('slice'),
      warmupSeconds: number('warmup'),
      connections: number('connections'),
    },
  };
}

/** One build's server on its own copy of the seeded database. */
async function startServer(root, tag, seededFile, seeded) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tessera-ab-${tag}-`));
  onCleanup(`${tag}'s files`, () => fs.rmSync(tmp, { recursive: true, force: true }));
  const dataDir = path.join(tmp, 'data');
  fs.mkdirSync(dataDir);
  const dbFile = path.join(dataDir, 'tessera.sqlite');
  fs.copyFileSync(seededFile, dbFile);
  // On disk before the servers start, not written back under the first slices.
  const fd = fs.openSync(dbFile, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const env = tesseraEnv(dataDir);
  const port = await freePort();
  const logFile = path.join(tmp, 'tessera.log');
  const cli = path.join(root, 'dist', 'cli', 'main.js');
  const args = [cli, 'serve', '--demo', '--host', '127.0.0.1', '--port', String(port)];
  const child = startChild(`tessera ${tag}`, process.execPath, args, { cwd: root, env, logFile });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, { child, logFile });
  const target = { url, child, log: logFile, idlePath: '/readyz' };
  return { tag, target, ctx: await benchContext(url, seeded, `${tag}${Date.now().toString(36)}`) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  installExitHandlers();
  const config = options();
  const seeded = JSON.parse(fs.readFileSync(`${config.seeded}.json`, 'utf8'));
  const a = await startServer(config.base, 'A', config.baseSeeded, seeded);
  const b = await startServer(ROOT, 'B', config.seeded, seeded);
  console.log(`${config.workload.name}: A = ${config.base}, B = ${ROOT}`);
  for (const server of [a, b]) await config.workload.setup?.(server.ctx, server.target);
  // B/A per round: requests/s (the comparison at full rate), server CPU per request and p90 (at a set rate).
  const ratios = { rate: [], cpu: [], p90: [] };
  const cpuPerRequest = (r) => r.serverCpuShareOfOneCore / r.requestsPerSecond;
  for (let round = 1; round <= config.rounds; round++) {
    const got = {};
    for (const server of round % 2 ? [a, b] : [b, a]) {
      // A fresh run id per slice: the workload's receipts start again from 1.
      server.ctx.runId = `${server.tag}${Date.now().toString(36)}r${round}`;
      const r = await runWorkload(config.workload, server.target, server.ctx, config.measure, config.rate);
      if (r.non2xx || r.errors)
        throw new Error(`${server.tag}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
      got[server.tag] = r;
    }
    const line = (r) =>
      `${Math.round(r.requestsPerSecond)}/s, server CPU ${Math.round(cpuPerRequest(r) * 1e6)} µs each, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms`;
    ratios.rate.push(got.B.requestsPerSecond / got.A.requestsPerSecond);
    ratios.cpu.push(cpuPerRequest(got.B) / cpuPerRequest(got.A));
    ratios.p90.push(got.B.latency.p90 / got.A.latency.p90);
    console.log(`round ${round}: A ${line(got.A)} | B ${line(got.B)} | B/A ${ratios.rate.at(-1).toFixed(3)}`);
  }
  const summary = (name, values, better) =>
    `B/A ${name}: median ${median(values).toFixed(3)}, min ${Math.min(...values).toFixed(3)}, max ${Math.max(...values).toFixed(3)}; B better in ${values.filter(better).length} of ${values.length} rounds`;
  console.log(summary('requests/s', ratios.rate, (r) => r > 1));
  console.log(summary('server CPU per request', ratios.cpu, (r) => r < 1));
  console.log(summary('p90', ratios.p90, (r) => r < 1));
}

try {
  await main();
} finally {
  await shutdown();
}
