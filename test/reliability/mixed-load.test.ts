/**
 * Mixed load, very short (the soak itself is `npm run soak`): 8 s of reads, sales, voucher sales and Avomark
 * sales from 6 tills against a real server process. Proves: every request gets a 2xx (no 4xx on valid
 * requests, no 5xx), and `tessera check` passes afterwards. RSS is sampled and reported, not judged: 8 s is
 * too short for a growth figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from '../../soak/client.js';
import { mixedLoad } from '../../soak/mixed.js';
import { check, freshDb, prepare, startServer, type Db, type Seeded, type Server } from '../../soak/stack.js';
import { databases } from '../support/harness.js';

describe.each(databases())('mixed load on $kind', { timeout: 120_000 }, (target) => {
  let db: Db;
  let server: Server;
  let seeded: Seeded;
  beforeAll(async () => {
    db = await freshDb(target.kind, target.url);
    seeded = await prepare(db, 'tsx', { customers: 50, vouchers: 500 });
    server = await startServer(db, 'tsx', 'mixed');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers every request of a mixed load with a 2xx and leaves a clean database', async () => {
    const report = await mixedLoad({
      server,
      tokens: await tokens(server.base),
      seeded,
      seconds: 8,
      concurrency: 6,
      maxGrowth: Infinity,
    });
    console.info(
      `mixed load on ${target.kind}: ${report.requests} requests, RSS ${Math.round(report.rss.baselineKb ?? 0)} → ${Math.round(report.rss.endKb ?? 0)} kB`,
    );
    expect(report.problems).toEqual([]);
    expect(report.requests).toBeGreaterThan(50);
    const checked = await check(db, 'tsx');
    expect(checked.output).toContain('All checks passed.');
  });
});
