import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { runCli } from '../../src/cli/run.js';
import type { DbTarget } from './harness.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** An empty data directory (and, on PostgreSQL, an empty database) for CLI tests, and `tessera` run in-process. */
export async function cliSandbox(target: DbTarget) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
  let env: NodeJS.ProcessEnv;
  let drop = async () => {};
  if (target.kind === 'sqlite') {
    env = { TESSERA_DATA: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  } else {
    const name = `cli_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    env = {
      DATABASE_URL: target.url!.replace(/\/[^/]*$/, `/${name}`),
      TESSERA_DATA: dir,
      LOG_LEVEL: 'silent',
    };
    drop = async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const tessera = async (...argv: string[]): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(COMMANDS, argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  return {
    dir,
    env,
    tessera,
    cleanup: async () => {
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
