// Child processes, cleanup on every way out, free loopback ports, readiness polling and RSS sampling.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Cleanup steps, run last-registered first: `run` on the normal path, `runSync` from the 'exit' event. */
const cleanups = [];
let shuttingDown;

export function onCleanup(name, run, runSync = undefined) {
  const entry = { name, run, runSync, done: false };
  cleanups.push(entry);
  return entry;
}

/** Runs every cleanup step once, in reverse order; never throws. */
export function shutdown() {
  shuttingDown ??= (async () => {
    for (const entry of [...cleanups].reverse()) {
      if (entry.done) continue;
      entry.done = true;
      try {
        await entry.run();
      } catch (error) {
        process.stderr.write(`bench: cleanup "${entry.name}" failed: ${error?.message ?? error}\n`);
      }
    }
  })();
  return shuttingDown;
}

function exitSync() {
  for (const entry of [...cleanups].reverse()) {
    if (entry.done || !entry.runSync) continue;
    entry.done = true;
    try {
      entry.runSync();
    } catch {
      // best effort: the process is exiting
    }
  }
}

let installed = false;

/** Ctrl-C, SIGTERM, SIGHUP, uncaught errors and plain exits all stop the children and remove temporary files. */
export function installExitHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', exitSync);
  const onSignal = (signal, code) => {
    process.stderr.write(`\nbench: ${signal}, stopping the child processes...\n`);
    void shutdown().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
  const onFatal = (error) => {
    process.stderr.write(`bench: ${error?.stack ?? error}\n`);
    void shutdown().finally(() => process.exit(1));
  };
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a long-running child whose output goes to `logFile`; it is stopped (SIGTERM, then SIGKILL) on cleanup.
 * Returns the ChildProcess with an `exited` promise.
 */
export function startChild(name, command, args, { env, cwd, logFile }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => process.stderr.write(`bench: ${name} failed to start: ${error.message}\n`));
  const alive = () => child.exitCode === null && child.signalCode === null;
  onCleanup(
    `stop ${name}`,
    async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), 5000);
      await child.exited;
      clearTimeout(timer);
    },
    () => alive() && child.kill('SIGKILL'),
  );
  return child;
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls `url` until it answers 200, the child exits, or the timeout passes. */
export async function waitForHttp(url, { child, logFile, timeoutMs = 60_000 }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `the process behind ${url} exited (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last}):\n${tail(logFile)}`);
}

function statusField(pid, field) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

let clockTicks;
function cpuSecondsOf(pid) {
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  // /proc/<pid>/stat: the command name (field 2) may hold spaces, so count fields after its closing parenthesis.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime
}

/**
 * What a process used over an interval (Linux /proc; nulls elsewhere):
 * - peak resident memory: the high-water mark is reset (`echo 5 > /proc/<pid>/clear_refs`) when allowed and
 *   VmHWM read at the end; VmRSS is also sampled every 100 ms in case the reset is refused;
 * - CPU time (user + system), and CPU as a share of one core over the interval.
 */
export function startProcessSampler(pid) {
  let peak = 0;
  let hwmReset = false;
  const sample = () => {
    try {
      peak = Math.max(peak, statusField(pid, 'VmRSS') ?? 0);
    } catch {
      // process gone or no /proc
    }
  };
  const cpu = () => {
    try {
      return cpuSecondsOf(pid);
    } catch {
      return null;
    }
  };
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {
    hwmReset = false;
  }
  const startedAt = process.hrtime.bigint();
  const cpuAtStart = cpu();
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const cpuAtEnd = cpu();
      const cpuSeconds = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
      let hwm;
      try {
        hwm = statusField(pid, 'VmHWM');
      } catch {
        hwm = undefined;
      }
      let memory;
      if (peak === 0 && hwm === undefined) memory = { peakRssKb: null, method: 'unavailable' };
      else if (hwmReset && hwm !== undefined) memory = { peakRssKb: Math.max(peak, hwm), method: 'VmHWM' };
      else memory = { peakRssKb: peak, method: 'VmRSS sampled every 100 ms' };
      return {
        ...memory,
        cpuSeconds,
        cpuShareOfOneCore: cpuSeconds === null ? null : cpuSeconds / elapsed,
      };
    },
  };
}
