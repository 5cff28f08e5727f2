/**
 * Retry storm (reduced): 240 receipts, each sent three times at once to a real server process, a quarter
 * through Avomark, every tenth then with other content. Proves: one sale row and one set of points per
 * receipt, the replays answer the stored answer (200), other content is a 409, and no 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, type Tokens } from '../../soak/client.js';
import { freshDb, prepare, startServer, type Db, type Server } from '../../soak/stack.js';
import { retryStorm } from '../../soak/storm.js';
import { databases } from '../support/harness.js';

describe.each(databases())('retry storm on $kind', { timeout: 120_000 }, (target) => {
  let db: Db;
  let server: Server;
  let tok: Tokens;
  let cards: string[];
  beforeAll(async () => {
    db = await freshDb(target.kind, target.url);
    cards = (await prepare(db, 'tsx', { customers: 12 })).cardNumbers;
    server = await startServer(db, 'tsx', 'storm');
    tok = await tokens(server.base);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('keeps one sale and one set of points per receipt sent three times at once', async () => {
    const report = await retryStorm({
      db,
      bases: [server.base],
      tokens: tok,
      cards,
      receipts: 240,
      concurrency: 8,
    });
    console.info(
      `retry storm on ${target.kind}: ${report.requests} requests, ${report.created} created, ${report.replayed} replayed, ${report.conflictsRefused} refused, ${report.seconds.toFixed(1)} s`,
    );
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ receipts: 240, created: 240, replayed: 480, saleRows: 240, errors5xx: 0 });
    expect(report.conflictsRefused).toBe(24);
    expect(report.avomarkReceipts).toBe(60);
  });
});
