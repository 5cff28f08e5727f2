import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { loadConfig } from '../../src/config.js';
import { openDeps, startServer, type RunningServer } from '../../src/server.js';
import { mismatches, parseCalls, shellBlocks, type ShellBlock } from './readme-blocks.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = shellBlocks(README);
/** tsx, found from this checkout: blocks run in their own working directories. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Blocks that start from an empty data directory and run their own server (`npx tessera ...`). */
const fresh = (b: ShellBlock) => b.code.includes('npx tessera init');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs a block in bash as a reader would paste it, against the server on `port`: curl reports each answer's
 * status on stderr, `npx tessera` runs this checkout's command, background jobs are stopped at the end.
 */
async function runBlock(block: ShellBlock, port: number, env: NodeJS.ProcessEnv) {
  const prelude = `set -e -o pipefail
trap 'for p in $(jobs -p); do kill $(ps -o pid= --ppid $p) $p 2>/dev/null; done; true' EXIT
curl() { command curl -w '%{stderr}STATUS %{http_code} %{method} %{url_effective}\\n' "$@"; }
npx() { if [ "$1" = tessera ]; then shift; node --import ${TSX} ${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))} "$@"; else command npx "$@"; fi; }
`;
  const code = block.code.replaceAll('8080', String(port));
  try {
    const r = await run('bash', ['-c', prelude + code], {
      cwd: env.WORKDIR,
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the README, run top to bottom', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-readme-'));
    port = await freePort();
    const config = loadConfig(
      { ...process.env, TESSERA_DATA: dir, DATABASE_URL: '', LOG_LEVEL: 'silent', PORT: String(port) },
      { host: '127.0.0.1' },
    );
    const { deps, database } = await openDeps(config);
    await loadDemo(deps);
    server = await startServer(deps, database, { logger: false });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has curl blocks to check, and one that starts from an empty directory', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks.filter(fresh)).toHaveLength(1);
  });

  for (const block of blocks.filter((b) => !fresh(b))) {
    it(`"${block.section}" (README line ${block.line}) answers as documented on the demo server`, async () => {
      const result = await runBlock(block, port, { WORKDIR: dir });
      const calls = parseCalls(result.stderr);
      expect(mismatches(block, calls), result.stderr + result.stdout).toEqual([]);
      expect(result.code, result.stderr).toBe(0);
      if (block.section === 'Promotions in five minutes') {
        // The documented figures of the demo map; the coupon the sale issued comes off the cap, once.
        expect(result.stdout).toMatch(/"totalDiscount":3400,"points":232/);
        expect(result.stdout).toMatch(/"code":"DEMO-CAP-REDEEM"[^}]*"discount":200/);
        expect(result.stdout).toMatch(/"status":"consumed"/);
      }
    });
  }

  for (const block of blocks.filter(fresh)) {
    it(`"${block.section}" (README line ${block.line}): from an empty data directory to a sale and a balance`, async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-fresh-'));
      try {
        const result = await runBlock(block, await freePort(), {
          WORKDIR: work,
          DATABASE_URL: '',
          LOG_LEVEL: 'warn',
          TESSERA_DATA: '',
        });
        const calls = parseCalls(result.stderr);
        expect(mismatches(block, calls), result.stderr + result.stdout).toEqual([]);
        expect(result.code, result.stderr).toBe(0);
        const posted = calls.find((c) => c.method === 'POST' && c.url.endsWith('/v1/sales'));
        expect(posted?.status).toBe(201);
        expect(calls.at(-1)).toMatchObject({ method: 'GET', status: 200 });
        expect(calls.at(-1)!.url).toMatch(/\/v1\/cards\/\d+\/balance$/);
        // The documented figures: 49.90 € at 1 point per euro.
        expect(result.stdout).toMatch(/"pointsEarned":49\b/);
        expect(result.stdout).toMatch(/"active":49\b/);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
