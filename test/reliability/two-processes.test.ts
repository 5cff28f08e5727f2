/**
 * Two server processes on one PostgreSQL database (reduced): 150 receipts, each sent three times at once and
 * spread over both processes, then concurrent redemptions of one card's balance through both, twice as many as
 * it covers. Proves: one sale per receipt, points never spent beyond the balance, `tessera check` passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, type Tokens } from '../../soak/client.js';
import { freshDb, prepare, startServer, type Db, type Server } from '../../soak/stack.js';
import { twoProcesses } from '../../soak/two-processes.js';
import { databases } from '../support/harness.js';

const pgTarget = databases().find((d) => d.kind === 'postgres');

describe.skipIf(!pgTarget)('two Tessera processes on one PostgreSQL database', { timeout: 180_000 }, () => {
  let db: Db;
  let cards: string[];
  let servers: [Server, Server];
  let tok: Tokens;
  beforeAll(async () => {
    db = await freshDb('postgres', pgTarget!.url);
    cards = (await prepare(db, 'tsx', { customers: 12 })).cardNumbers;
    servers = await Promise.all([startServer(db, 'tsx', 'first'), startServer(db, 'tsx', 'second')]);
    tok = await tokens(servers[0].base);
  }, 120_000);
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await db?.drop();
  });

  it('keeps one sale per receipt and never spends more than the balance', async () => {
    const report = await twoProcesses({
      db,
      runtime: 'tsx',
      servers,
      tokens: tok,
      cards,
      receipts: 150,
      concurrency: 8,
      credit: 200,
    });
    const r = report.redemptions;
    console.info(
      `two processes: ${report.storm.requests} storm requests; ${r.succeeded} of ${r.attempts} redemptions of ${r.pointsPerRedemption} on ${r.balanceBefore} points, ${r.balanceAfter} left`,
    );
    expect(report.problems).toEqual([]);
    expect(report.storm).toMatchObject({ created: 150, replayed: 300, saleRows: 150, errors5xx: 0 });
    expect(report.redemptions.succeeded).toBeGreaterThan(0);
    expect(report.redemptions.refused).toBeGreaterThan(0);
    expect(report.checkPassed).toBe(true);
  });
});
