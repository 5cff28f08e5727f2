// Crash: a server process posting sales under load is killed with SIGKILL, `tessera check` runs on what it
// left, a new process starts on the same database, and every sale that was acknowledged with a 2xx must be
// there (one row, the points its answer reported, the stored answer replayed). Requests cut off by the kill
// are sent again: each must then get a 2xx (a replay if it had committed, a new sale otherwise).
import { pool, send, tokens, type Answer, type Tokens } from './client.js';
import { avomarkSale, nativeSale, saleAnswer, type SaleAnswer, type SaleRequest } from './sales.js';
import { check, sql, startServer, type Db, type Runtime, type Server } from './stack.js';

export interface CrashOptions {
  db: Db;
  runtime: Runtime;
  cards: string[];
  cycles: number;
  /** Concurrent tills posting sales. */
  concurrency: number;
  /** Load before the kill: a random time in [min, max] ms. */
  killAfterMs: [number, number];
  /** The server to crash first (started if absent). */
  server?: Server;
}

export interface CrashCycle {
  acknowledged: number;
  cutOff: number;
  cutOffThatHadCommitted: number;
  checkPassed: boolean;
  restartSeconds: number;
}

export interface CrashReport {
  crashes: number;
  acknowledged: number;
  cutOff: number;
  cycles: CrashCycle[];
  problems: string[];
  /** The server running after the last restart (the caller stops it). */
  server: Server;
}

// Native sales carry an Idempotency-Key: a key claimed by the killed process must not stay stuck (its claim
// is a lease, short here so that the resend after the restart comes after it).
const LEASE_S = 2;
const SERVER_ENV = { TESSERA_IDEMPOTENCY_LEASE_S: String(LEASE_S) };

const post = (base: string, t: Tokens, r: SaleRequest) =>
  send(base, 'POST', r.path, {
    token: r.dialect === 'avomark' ? t.avomark : t.native,
    body: r.body,
    timeoutMs: 30_000,
    ...(r.dialect === 'avomark' ? {} : { headers: { 'idempotency-key': `crash-${r.receipt}` } }),
  });

/** Tills posting new receipts until `stopped()`; what got a 2xx and what got no answer. */
async function load(
  base: string,
  t: Tokens,
  cards: string[],
  prefix: string,
  concurrency: number,
  stopped: () => boolean,
) {
  const acked = new Map<string, { request: SaleRequest; answer: SaleAnswer }>();
  const cutOff: SaleRequest[] = [];
  const refused: string[] = [];
  let n = 0;
  const till = async () => {
    while (!stopped()) {
      const i = n++;
      const card = cards[i % cards.length]!;
      const receipt = `${prefix}-${i}`;
      const request = i % 4 === 0 ? avomarkSale(receipt, card) : nativeSale(receipt, card);
      const a: Answer = await post(base, t, request);
      if (a.status === 200 || a.status === 201) acked.set(receipt, { request, answer: saleAnswer(a.body) });
      else if (a.status === 0) cutOff.push(request);
      else refused.push(`${receipt}: ${a.status} ${JSON.stringify(a.body)}`);
    }
  };
  return { acked, cutOff, refused, done: Promise.all(Array.from({ length: concurrency }, till)) };
}

export async function crashCycles(o: CrashOptions): Promise<CrashReport> {
  const problems: string[] = [];
  const problem = (text: string) => problems.length < 50 && problems.push(text);
  const cycles: CrashCycle[] = [];
  let server = o.server ?? (await startServer(o.db, o.runtime, 'crash', SERVER_ENV));
  const run = Date.now().toString(36);
  for (let c = 0; c < o.cycles; c++) {
    const t = await tokens(server.base);
    const prefix = `K${run}-${c}`;
    let killed = false;
    const l = await load(server.base, t, o.cards, prefix, o.concurrency, () => killed);
    const [min, max] = o.killAfterMs;
    await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
    killed = true; // the tills send nothing new; what is in flight is cut off by the kill
    await server.kill9();
    const killedAt = Date.now();
    await l.done;
    for (const r of l.refused) problem(`cycle ${c}: refused ${r}`);
    if (l.acked.size === 0) problem(`cycle ${c}: no sale was acknowledged before the kill`);

    const checked = await check(o.db, o.runtime);
    if (!checked.ok) problem(`cycle ${c}: tessera check after the kill failed:\n${checked.output}`);
    const restartAt = Date.now();
    server = await startServer(o.db, o.runtime, 'crash', SERVER_ENV);
    const restartSeconds = (Date.now() - restartAt) / 1000;

    // Every acknowledged sale is there, once, with the points its answer reported.
    const rows = await sql<{ receipt: string; id: string; earned_points: number | string }>(
      o.db,
      'select receipt, id, earned_points from sales where receipt like ?',
      [`${prefix}-%`],
    );
    const byReceipt = new Map<string, typeof rows>();
    for (const row of rows) byReceipt.set(row.receipt, [...(byReceipt.get(row.receipt) ?? []), row]);
    for (const [receipt, { answer }] of l.acked) {
      const found = byReceipt.get(receipt) ?? [];
      if (found.length !== 1) problem(`cycle ${c}: acknowledged sale ${receipt} has ${found.length} rows`);
      else if (Number(found[0]!.earned_points) !== answer.pointsEarned)
        problem(
          `cycle ${c}: ${receipt} earned ${found[0]!.earned_points}, its answer said ${answer.pointsEarned}`,
        );
      else if (answer.saleId && found[0]!.id !== answer.saleId)
        problem(`cycle ${c}: ${receipt} is ${found[0]!.id}, its answer said ${answer.saleId}`);
    }
    const t2 = await tokens(server.base);
    // The stored answers survived: a resend of an acknowledged ticket replays it (the same sale; 201 when its
    // Idempotency-Key replays the first answer as it was).
    const sample = [...l.acked.values()].slice(-20);
    await pool(sample, 4, async ({ request, answer }) => {
      const a = await post(server.base, t2, request);
      const again = saleAnswer(a.body);
      if (
        (a.status !== 200 && a.status !== 201) ||
        again.pointsEarned !== answer.pointsEarned ||
        again.saleId !== answer.saleId
      )
        problem(
          `cycle ${c}: resending acknowledged ${request.receipt}: ${a.status} ${JSON.stringify(a.body)}`,
        );
    });
    // A ticket cut off by the kill is either committed (replay, 200) or not (201 now): never an error, nor
    // a key stuck "in progress" once the killed process's lease has run out.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, killedAt + LEASE_S * 1000 + 200 - Date.now())),
    );
    let hadCommitted = 0;
    await pool(l.cutOff, 4, async (request) => {
      const committed = (byReceipt.get(request.receipt) ?? []).length;
      const a = await post(server.base, t2, request);
      if (committed) hadCommitted += 1;
      // A committed ticket replays: 200 from its receipt, or 201 when its Idempotency-Key had stored the
      // first answer before the kill cut the connection.
      const expected = committed ? [200, 201] : [201];
      if (!expected.includes(a.status))
        problem(
          `cycle ${c}: resending cut-off ${request.receipt} (rows: ${committed}): ${a.status} ${JSON.stringify(a.body)}`,
        );
    });
    cycles.push({
      acknowledged: l.acked.size,
      cutOff: l.cutOff.length,
      cutOffThatHadCommitted: hadCommitted,
      checkPassed: checked.ok,
      restartSeconds,
    });
  }
  const final = await check(o.db, o.runtime);
  if (!final.ok) problem(`tessera check after the last restart failed:\n${final.output}`);
  return {
    crashes: o.cycles,
    acknowledged: cycles.reduce((s, c) => s + c.acknowledged, 0),
    cutOff: cycles.reduce((s, c) => s + c.cutOff, 0),
    cycles,
    problems,
    server,
  };
}
