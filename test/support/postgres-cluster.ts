import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgres, processes } from '../../soak/bench.js';

/** The PostgreSQL server binaries ($PG_BIN, pg_config --bindir, /usr/lib/postgresql/<newest>/bin): the bench's finder. */
export const findPgBin = postgres.findPgBin;

export interface PgCluster {
  url: string;
  stop(): void;
}

/**
 * Starts a throwaway cluster on a loopback port, in a temporary directory. PostgreSQL refuses to run as
 * root, so as root the cluster runs as the unprivileged `postgres` user (created by the Debian package).
 */
export async function startPgCluster(bin: string): Promise<PgCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-pg-'));
  const runAs = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (asRoot) return execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    return execFileSync(full, args, { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  runAs('initdb', ['-D', data, '-U', 'tessera', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const port = await processes.freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB`;
  runAs('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://tessera@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAs('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
