// The pieces of a reliability run: a fresh database, the `tessera` CLI, Tessera server processes (started,
// killed with SIGKILL, restarted on the same database) and raw SQL reads for the checks.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { processes, seed, type BenchChild, type Seeded } from './bench.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How a Tessera process is started: through tsx from src/ (tests, no build) or from dist/ (after a build). */
export type Runtime = 'tsx' | 'dist';

export interface Db {
  kind: 'sqlite' | 'postgres';
  /** DATABASE_URL of the processes. */
  url: string;
  /** Temporary directory: the SQLite file, the server logs. */
  dir: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file, or a fresh database on the PostgreSQL server of `pgUrl`. */
export async function freshDb(kind: Db['kind'], pgUrl?: string): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-soak-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    return { kind, url: `sqlite:${path.join(dir, 'tessera.sqlite')}`, dir, drop: async () => removeDir() };
  }
  if (!pgUrl) throw new Error('a PostgreSQL URL is required');
  const name = `soak_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(pgUrl, `create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return {
    kind,
    url: u.toString(),
    dir,
    drop: async () => {
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
      removeDir();
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function command(runtime: Runtime, args: string[]): [string, string[]] {
  return runtime === 'tsx'
    ? [process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]]
    : [process.execPath, ['dist/cli/main.js', ...args]];
}

function env(db: Db, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: db.url, TESSERA_DATA: db.dir, LOG_LEVEL: 'warn', ...extra };
}

/** Runs `tessera <args>` on the database; never throws. */
export function cli(db: Db, runtime: Runtime, ...args: string[]) {
  const [cmd, argv] = command(runtime, args);
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(cmd, argv, { cwd: ROOT, env: env(db), maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `tessera demo`, then bulk-seeded customers with one VIP card each and bearer vouchers (bench/seed.mjs). */
export async function prepare(db: Db, runtime: Runtime, options: { customers: number; vouchers?: number }) {
  const demo = await cli(db, runtime, 'demo');
  if (demo.code !== 0) throw new Error(`tessera demo failed (${demo.code}): ${demo.stderr}`);
  const count = { count: options.customers, vouchers: options.vouchers ?? 0 };
  return db.kind === 'sqlite'
    ? seed.seedSqlite(db.url.slice('sqlite:'.length), count)
    : seed.seedPostgres(db.url, count);
}

/** `tessera check`: true when every invariant holds; the output otherwise. */
export async function check(db: Db, runtime: Runtime) {
  const result = await cli(db, runtime, 'check');
  return {
    ok: result.code === 0 && result.stdout.includes('All checks passed.'),
    output: result.stdout + result.stderr,
  };
}

export interface Server {
  base: string;
  pid: number;
  child: BenchChild;
  logFile: string;
  /** SIGKILL, as a crash or `kill -9`. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

let serial = 0;

/** Starts `tessera serve` on a free loopback port and waits until /readyz answers 200. */
export async function startServer(
  db: Db,
  runtime: Runtime,
  name = 'tessera',
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Server> {
  const port = await processes.freePort();
  serial += 1;
  const logFile = path.join(db.dir, `${name}-${serial}.log`);
  const [cmd, argv] = command(runtime, ['serve', '--host', '127.0.0.1', '--port', String(port)]);
  const child = processes.startChild(`${name} #${serial}`, cmd, argv, {
    env: env(db, extraEnv),
    cwd: ROOT,
    logFile,
  });
  const base = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = async (sig: NodeJS.Signals) => {
    if (!alive()) return;
    child.kill(sig);
    const timer = sig === 'SIGKILL' ? undefined : setTimeout(() => alive() && child.kill('SIGKILL'), 5000);
    await child.exited;
    clearTimeout(timer);
  };
  try {
    await processes.waitForHttp(`${base}/readyz`, { child, logFile, timeoutMs: 90_000 });
  } catch (error) {
    await signal('SIGKILL');
    throw error;
  }
  return {
    base,
    pid: child.pid!,
    child,
    logFile,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Reads rows with `?` placeholders on either database (numbered for PostgreSQL). */
export async function sql<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  if (db.kind === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3');
    const conn = new SQLite(db.url.slice('sqlite:'.length), { readonly: true });
    try {
      return conn.prepare(text).all(...params) as T[];
    } finally {
      conn.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The anonymous resident memory of a process in kB (Linux /proc: RssAnon, its heaps and native allocations,
 * where a leak grows), or null. The pages of the database file that SQLite reads through its memory map are
 * resident too, but they are the file cache's (shared, reclaimable) and grow with the part of the file read:
 * left out.
 */
export function anonymousRssKb(pid: number): number | null {
  try {
    const match = /^RssAnon:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export type { Seeded };
