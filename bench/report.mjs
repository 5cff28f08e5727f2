// Turning a run into a Markdown table, a JSON file and a section of BENCHMARKS.md.
import fs from 'node:fs';
import { engineTable } from './engine.mjs';

const fixed = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));

function rate(value) {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

function ms(value) {
  if (value === null || value === undefined) return '–';
  if (Number.isInteger(value)) return String(value); // autocannon records whole milliseconds
  return value >= 100 ? String(Math.round(value)) : fixed(value, value >= 10 ? 1 : 2);
}

export function ratio(value) {
  if (value === null || value === undefined) return '–';
  if (value >= 0.1) return `${(value * 100).toFixed(0)} %`;
  if (value >= 0.01) return `${(value * 100).toFixed(1)} %`;
  return `${(value * 100).toFixed(2)} %`;
}

const FEW = 50;
/** Latencies from fewer than FEW answers (a workload slower than its window) are marked. */
const few = (r) =>
  r.latency.sampled !== undefined && r.latency.sampled < FEW && r.latency.p50 !== null ? ' *' : '';

export function markdownTable(results) {
  const header = [
    '| workload | conns | offered req/s | requests/s | vs constant | vs constant just before | p50 ms | p90 ms | p99 ms | non-2xx | errors | server CPU | server peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = results.map((r) =>
    [
      '',
      ` ${r.name} `,
      ` ${r.connections} `,
      ` ${r.offeredRate ? rate(r.offeredRate) : 'max'} `,
      ` ${rate(r.requestsPerSecond)} `,
      ` ${ratio(r.ratioToConstant)} `,
      ` ${ratio(r.ratioToReference)} `,
      ` ${ms(r.latency.p50)}${few(r)} `,
      ` ${ms(r.latency.p90)}${few(r)} `,
      ` ${ms(r.latency.p99)}${few(r)} `,
      ` ${r.non2xx} `,
      ` ${r.errors} `,
      ` ${r.serverCpuShareOfOneCore === null ? '–' : `${Math.round(r.serverCpuShareOfOneCore * 100)} %`} `,
      ` ${r.peakRssKb === null ? '–' : `${Math.round(r.peakRssKb / 1024)} MB`} `,
      '',
    ].join('|'),
  );
  const note = results.some((r) => few(r))
    ? [
        '',
        `\\* fewer than ${FEW} answers to measure: each request waits longer than the window lasts; the latency ` +
          'at saturation is about connections / requests/s.',
      ]
    : [];
  return [...header, ...rows, ...note].join('\n');
}

export function machineLine(machine) {
  const gib = (machine.totalMemoryBytes / 1024 ** 3).toFixed(1);
  return `${machine.cpus} × ${machine.cpuModel}, ${gib} GiB, ${machine.os}, Node ${machine.node}`;
}

function constantNote(run) {
  const c = run.constantRoute;
  if (!c || c.requestsPerSecond.length < 2) return [];
  const [first, last] = c.requestsPerSecond.map((v) => rate(v));
  const drift =
    c.drift > 0.2 ? ' The difference shows that the load of the machine changed during the run.' : '';
  return [
    `"vs constant" divides by the mean of the constant route at the start and at the end (${first} and ${last} requests/s).${drift} ` +
      `"vs constant just before" divides by the constant route measured for ${run.config.referenceSeconds ?? 0} s right before the workload (workloads at full rate only).`,
    '',
  ];
}

/** The block that --write-md puts into BENCHMARKS.md for one database. */
export function markdownSection(run) {
  const c = run.config;
  const size = c.quick ? 'quick size' : 'full size';
  // Workloads with a warm-up of their own (sale-1500-half-rate has none: its first answers count).
  const own = run.results.filter((r) => r.warmupSeconds !== c.warmupSeconds);
  const ownWarmups = own.map((r) => `${r.name}: ${r.warmupSeconds} s`).join(', ');
  const lines = [
    `Run of ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC (${size}: ${c.customers.toLocaleString('en-US')} seeded customers, ` +
      `${c.durationSeconds} s per workload after a ${c.warmupSeconds} s warm-up${own.length ? ` (${ownWarmups})` : ''}, ${c.connections} connections), ` +
      `database: ${run.database.description}.`,
    '',
    `Command: \`${run.command}\``,
    '',
    `Machine: ${machineLine(run.machine)}; load average ${run.machine.loadAverageAtStart[0].toFixed(1)} at the start. Commit: \`${run.git.commit.slice(0, 12)}\`${run.git.dirty ? ' (with uncommitted changes)' : ''}.`,
    '',
    markdownTable(run.results),
    '',
    ...(run.engine ? [engineTable(run.engine), ''] : []),
    ...constantNote(run),
    `Raw figures: \`${run.resultFile}\`.`,
  ];
  return lines.join('\n');
}

const markers = (db) => [`<!-- bench:${db}:start -->`, `<!-- bench:${db}:end -->`];

/** Formats with the project's Prettier settings, so that `npm run check` accepts the file as written. */
async function formatMarkdown(file, text) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

/** Replaces the section of `db` between its markers in BENCHMARKS.md (appends it when the markers are absent). */
export async function writeBenchmarksMd(file, db, section, template) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : template;
  const [start, end] = markers(db);
  const block = `${start}\n\n${section}\n\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  else text = `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, await formatMarkdown(file, text));
}
