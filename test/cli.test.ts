import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './support/harness.js';

const run = promisify(execFile);

async function tessera(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each command starts a fresh Node process through tsx (seconds each on a busy 2-core machine).
describe.each(databases())('tessera CLI on $kind', { timeout: 180_000 }, (target) => {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
    if (target.kind === 'sqlite') {
      env = { TESSERA_DATA: dir, DATABASE_URL: '' };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const name = `cli_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      env = { DATABASE_URL: target.url!.replace(/\/[^/]*$/, `/${name}`), TESSERA_DATA: dir };
      cleanup = async () => {
        const c = new pg.Client({ connectionString: target.url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
  });
  afterAll(() => cleanup());

  it('migrates, loads the demo, creates an administrator and a client, and checks', async () => {
    const migrate = await tessera(env, 'migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain(`Migrations applied on ${target.kind}`);
    if (target.kind === 'sqlite')
      expect(fs.existsSync(path.join(env.TESSERA_DATA!, 'tessera.sqlite'))).toBe(true);

    expect((await tessera(env, 'demo')).stdout).toContain('Demo data loaded.');
    expect((await tessera(env, 'demo')).stdout).toContain('Demo data already present.');

    const admin = await tessera(
      env,
      'admin',
      'create',
      '--merchant',
      'demo',
      '--login',
      'ops@demo.test',
      '--password',
      's3cret!',
    );
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/Created user ops@demo\.test \(administrator\)/);
    const again = await tessera(
      env,
      'admin',
      'create',
      '--merchant',
      'demo',
      '--login',
      'ops@demo.test',
      '--password',
      's3cret!',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already used');

    const client = await tessera(env, 'client', 'create', '--merchant', 'demo', '--name', 'Till 9');
    expect(client.code).toBe(0);
    expect(client.stdout).toMatch(/client_id: +cli-\S+/);
    expect(client.stdout).toMatch(/client_secret: +\S{20,}/);

    const check = await tessera(env, 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('All checks passed.');
  });

  it('refuses bad arguments with exit code 2 and a message', async () => {
    expect((await tessera(env, 'frobnicate')).code).toBe(2);
    const role = await tessera(
      env,
      'client',
      'create',
      '--merchant',
      'demo',
      '--name',
      'x',
      '--role',
      'king',
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be one of');
    const merchant = await tessera(env, 'client', 'create', '--merchant', 'nope', '--name', 'x');
    expect(merchant.stderr).toContain('merchant "nope" does not exist');
  });
});
