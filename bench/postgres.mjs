// A throwaway PostgreSQL for the benchmark: a fresh cluster from the machine's binaries (ported from
// test/support/postgres-cluster.ts), or a fresh database on the server that DATABASE_URL points to.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './processes.mjs';

/** Finds the PostgreSQL server binaries: $PG_BIN, pg_config --bindir, or /usr/lib/postgresql/<newest>/bin. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const v of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(root, v, 'bin'));
  }
  return candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
  );
}

/**
 * Starts a throwaway cluster on a free loopback port in a temporary directory; `stop()` (also usable from a
 * process 'exit' handler: it is synchronous) stops it and removes the directory. PostgreSQL refuses to run as
 * root, so as root the cluster runs as the unprivileged `postgres` user (created by the Debian package).
 * Unlike the test cluster, it keeps PostgreSQL's durable defaults (fsync, synchronous_commit), since SQLite
 * makes its WAL durable before each answer, and the two are compared.
 */
export async function startPgCluster(bin) {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-pg-'));
  const runAs = (cmd, args) => {
    const full = path.join(bin, cmd);
    if (asRoot) return execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    return execFileSync(full, args, { stdio: 'pipe' });
  };
  const data = path.join(dir, 'data');
  let started = false;
  const stop = () => {
    try {
      if (started) runAs('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped (e.g. by a Ctrl-C that reached its process group)
    } finally {
      started = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    runAs('initdb', ['-D', data, '-U', 'tessera', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100 -c shared_buffers=128MB`;
    started = true;
    runAs('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
    return {
      url: `postgres://tessera@127.0.0.1:${port}/postgres`,
      description: `throwaway cluster (${bin})`,
      stop,
    };
  } catch (error) {
    const stderr = error.stderr ? `\n${error.stderr}` : '';
    const log = fs.existsSync(path.join(dir, 'log'))
      ? `\n${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`
      : '';
    stop();
    throw new Error(`could not start PostgreSQL from ${bin}: ${error.message}${stderr}${log}`);
  }
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a fresh database on the server of DATABASE_URL (its user needs CREATEDB), so that a run never
 * seeds into existing data; `drop()` removes it.
 */
export async function createFreshDatabase(url) {
  const name = `tessera_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot connect to DATABASE_URL ${redact(url)}: ${error.message}`);
  }
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    throw new Error(
      `DATABASE_URL is set, but creating a fresh database "${name}" on it failed (${error.message}). ` +
        'The benchmark needs a role with CREATEDB, or unset DATABASE_URL to use a throwaway cluster.',
    );
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(url, name),
    description: `fresh database ${name} on DATABASE_URL`,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
