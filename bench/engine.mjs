// The promotion engine in process, as part of `npm run bench`: bench/promotions-evaluate.ts (10,000 active
// promotions, a 50-line basket) compiled with tsc and run once per explain mode, after the HTTP workloads
// (the servers are stopped by then: nothing else of the benchmark runs beside it). Its targets (issue 13):
// p50 ≤ 0.2 ms and p99 ≤ 1 ms per evaluation.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The engine's figures per explain mode: `none` is what a sale runs, `all` the evaluate route's default. */
const ENGINE_RUNS = [
  { explain: 'all', what: "every promotion's answer (the evaluate route's default)" },
  { explain: 'none', what: "no answers for the promotions that did not apply (a sale's evaluation)" },
];

const TARGET = { p50ms: 0.2, p99ms: 1 };

/** Compiles and runs the engine benchmark; `iterations` evaluations per mode. */
export function runEngine(root, { iterations, say }) {
  const compiled = spawnSync('npm', ['run', '--silent', 'bench:promotions:build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (compiled.status !== 0) throw new Error(`npm run bench:promotions failed:\n${compiled.stderr}`);
  const script = path.join(root, '.tmp', 'bench-promotions', 'bench', 'promotions-evaluate.js');
  const results = [];
  for (const { explain, what } of ENGINE_RUNS) {
    say(`- promotions-engine (explain=${explain}): ${what}`);
    const run = spawnSync(
      process.execPath,
      [script, '--explain', explain, '--iterations', String(iterations)],
      { cwd: root, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`the engine benchmark failed:\n${run.stderr}`);
    const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
    say(
      `  p50 ${figures.p50ms.toFixed(3)} ms, p99 ${figures.p99ms.toFixed(3)} ms (${iterations} evaluations)`,
    );
    results.push({ ...figures, met: figures.p50ms <= TARGET.p50ms && figures.p99ms <= TARGET.p99ms });
  }
  return results;
}

/**
 * The engine's table, in the style of the HTTP one: wall-clock times per evaluation (the targets' measure;
 * the JSON also keeps the process CPU per evaluation, which counts the collector's and compiler's threads).
 */
export function engineTable(results) {
  const rows = results.map(
    (r) =>
      `| explain=${r.explain} | ${r.promotions.toLocaleString('en-US')} | ${r.lines} | ${r.iterations.toLocaleString('en-US')} | ` +
      `${r.p50ms.toFixed(3)} | ${r.p99ms.toFixed(3)} | ${r.met ? 'met' : 'missed'} |`,
  );
  return [
    `| promotion engine, in process | promotions | lines | evaluations | p50 ms | p99 ms | p50 ≤ ${TARGET.p50ms}, p99 ≤ ${TARGET.p99ms} ms |`,
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}
