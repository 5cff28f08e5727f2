import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The real `tessera` process (through tsx), for what only a process shows: exit codes, streams, signals. */
async function tessera(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the tessera process', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints help for "serve --help" and exits instead of serving', async () => {
    const help = await tessera({ TESSERA_DATA: dir }, 'serve', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tessera serve \[--demo\]/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('answers a configuration error with one line and no stack trace', async () => {
    const bad = await tessera({ TESSERA_DATA: dir, DATABASE_URL: 'mysql://x@y/z' }, 'check');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('tessera check: DATABASE_URL must start with postgres://');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const port = await tessera({ TESSERA_DATA: dir, PORT: 'eighty' }, 'migrate');
    expect([port.code, port.stderr.trim()]).toEqual([
      2,
      'tessera migrate: PORT must be an integer from 0 to 65535, got "eighty". Run `tessera migrate --help` for its options.',
    ]);
  });

  it('says the port is busy instead of crashing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--host', '127.0.0.1', '--port', String(port)],
        { env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', TESSERA_DATA: dir } },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `tessera serve: port 127.0.0.1:${port} is already in use; stop the other server or choose --port`,
      );
    } finally {
      blocker.close();
    }
  });
});
