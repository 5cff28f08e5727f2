/**
 * Crash (reduced): three times, a server process posting sales from 6 tills (native and Avomark) is killed
 * with SIGKILL mid-load and restarted on the same database. Proves: every sale acknowledged with a 2xx
 * survives (one row, same points, its stored answer replayed), a ticket cut off by the kill can be resent and
 * gets a 2xx, and `tessera check` passes after each kill and at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashCycles } from '../../soak/crash.js';
import { freshDb, prepare, type Db, type Server } from '../../soak/stack.js';
import { databases } from '../support/harness.js';

describe.each(databases())('kill -9 under load on $kind', { timeout: 180_000 }, (target) => {
  let db: Db;
  let cards: string[];
  let server: Server | undefined;
  beforeAll(async () => {
    db = await freshDb(target.kind, target.url);
    cards = (await prepare(db, 'tsx', { customers: 12 })).cardNumbers;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('loses no acknowledged sale across three crashes, and the database checks clean', async () => {
    const report = await crashCycles({
      db,
      runtime: 'tsx',
      cards,
      cycles: 3,
      concurrency: 6,
      killAfterMs: [700, 1500],
    });
    server = report.server;
    console.info(
      `kill -9 on ${target.kind}: ${JSON.stringify(report.cycles.map(({ acknowledged, cutOff }) => ({ acknowledged, cutOff })))}`,
    );
    expect(report.problems).toEqual([]);
    expect(report.cycles.every((c) => c.checkPassed)).toBe(true);
    expect(report.acknowledged).toBeGreaterThan(0);
  });
});
