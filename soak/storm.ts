// Retry storm: every receipt is sent three times at once (the same bytes, as a till that times out and
// resends), spread over the given servers, some through the Avomark dialect; some receipts are then sent once
// more with other content. Expected: one 201 and two 200 replays of the same answer per receipt, a 409 for
// other content, exactly one sale row per receipt, and card balances grown by exactly what the receipts earned.
import { points, pool, send, type Answer, type Tokens } from './client.js';
import { altered, avomarkSale, nativeSale, saleAnswer, type SaleRequest } from './sales.js';
import { sql, type Db } from './stack.js';

export interface StormOptions {
  db: Db;
  bases: string[];
  tokens: Tokens;
  cards: string[];
  receipts: number;
  /** Receipts in flight at once (each with its three copies). */
  concurrency: number;
  /** Every n-th receipt goes through Avomark. */
  avomarkEvery?: number;
  /** Every n-th receipt is then sent with other content. */
  conflictEvery?: number;
  prefix?: string;
}

export interface StormReport {
  receipts: number;
  requests: number;
  created: number;
  replayed: number;
  conflictsRefused: number;
  avomarkReceipts: number;
  errors5xx: number;
  noAnswer: number;
  saleRows: number;
  pointsEarned: number;
  seconds: number;
  problems: string[];
}

const tokenOf = (t: Tokens, r: SaleRequest) => (r.dialect === 'avomark' ? t.avomark : t.native);

export async function retryStorm(o: StormOptions): Promise<StormReport> {
  const started = Date.now();
  const prefix = o.prefix ?? `S${Date.now().toString(36)}`;
  const avomarkEvery = o.avomarkEvery ?? 4;
  const conflictEvery = o.conflictEvery ?? 10;
  const problems: string[] = [];
  const problem = (text: string) => problems.length < 50 && problems.push(text);
  const cards = [...new Set(o.cards)];
  const before = new Map<string, number>();
  for (const card of cards) before.set(card, await points(o.bases[0]!, o.tokens.native, card));

  const date = new Date().toISOString();
  const requests = Array.from({ length: o.receipts }, (_, i) => {
    const receipt = `${prefix}-${i}`;
    const card = cards[i % cards.length]!;
    return i % avomarkEvery === 0 ? avomarkSale(receipt, card, date) : nativeSale(receipt, card, { date });
  });
  const post = (r: SaleRequest, base: string) =>
    send(base, 'POST', r.path, { token: tokenOf(o.tokens, r), body: r.body });

  const counts = { requests: 0, created: 0, replayed: 0, conflicts: 0, errors5xx: 0, noAnswer: 0 };
  const tally = (a: Answer) => {
    counts.requests += 1;
    if (a.status === 201) counts.created += 1;
    else if (a.status === 200) counts.replayed += 1;
    else if (a.status >= 500) counts.errors5xx += 1;
    else if (a.status === 0) counts.noAnswer += 1;
  };
  const earned = new Map<string, number>();
  await pool(requests, o.concurrency, async (r, i) => {
    const answers = await Promise.all(
      [0, 1, 2].map((copy) => post(r, o.bases[(i + copy) % o.bases.length]!)),
    );
    answers.forEach(tally);
    const bad = answers.filter((a) => a.status !== 200 && a.status !== 201);
    if (bad.length) {
      problem(
        `${r.dialect} ${r.receipt}: ${bad.map((a) => `${a.status} ${JSON.stringify(a.body ?? a.error)}`).join('; ')}`,
      );
      return;
    }
    const createdCount = answers.filter((a) => a.status === 201).length;
    if (createdCount !== 1)
      problem(`${r.dialect} ${r.receipt}: ${createdCount} answers 201 out of 3 (expected 1)`);
    const ids = answers.map((a) => saleAnswer(a.body));
    const first = ids[0]!;
    if (ids.some((x) => x.saleId !== first.saleId || x.pointsEarned !== first.pointsEarned)) {
      problem(`${r.dialect} ${r.receipt}: the three answers differ: ${JSON.stringify(ids)}`);
    }
    earned.set(r.receipt, first.pointsEarned);
  });

  const conflicting = requests.filter((_, i) => i % conflictEvery === 2);
  await pool(conflicting, o.concurrency, async (r, i) => {
    const a = await post(altered(r), o.bases[i % o.bases.length]!);
    tally(a);
    if (a.status === 409) counts.conflicts += 1;
    else
      problem(
        `${r.dialect} ${r.receipt} with other content: ${a.status} ${JSON.stringify(a.body)} (expected 409)`,
      );
  });

  // One sale row per receipt, with the points its answers reported; balances grown by exactly that.
  const rows = await sql<{ receipt: string; n: number | string; earned: number | string }>(
    o.db,
    'select receipt, count(*) as n, sum(earned_points) as earned from sales where receipt like ? group by receipt',
    [`${prefix}-%`],
  );
  const byReceipt = new Map(rows.map((row) => [row.receipt, row]));
  let saleRows = 0;
  for (const row of rows) saleRows += Number(row.n);
  for (const r of requests) {
    const row = byReceipt.get(r.receipt);
    if (!row) problem(`${r.receipt}: no sale row`);
    else if (Number(row.n) !== 1) problem(`${r.receipt}: ${row.n} sale rows`);
    else if (earned.has(r.receipt) && Number(row.earned) !== earned.get(r.receipt)) {
      problem(`${r.receipt}: sale row earned ${row.earned}, answers said ${earned.get(r.receipt)}`);
    }
  }
  let pointsEarned = 0;
  for (const card of cards) {
    const expected = requests
      .filter((r) => r.card === card)
      .reduce((sum, r) => sum + (earned.get(r.receipt) ?? 0), 0);
    pointsEarned += expected;
    const after = await points(o.bases[0]!, o.tokens.native, card);
    if (after - before.get(card)! !== expected) {
      problem(`card ${card}: balance ${before.get(card)} → ${after}, but its receipts earned ${expected}`);
    }
  }
  return {
    receipts: o.receipts,
    requests: counts.requests,
    created: counts.created,
    replayed: counts.replayed,
    conflictsRefused: counts.conflicts,
    avomarkReceipts: requests.filter((r) => r.dialect === 'avomark').length,
    errors5xx: counts.errors5xx,
    noAnswer: counts.noAnswer,
    saleRows,
    pointsEarned,
    seconds: (Date.now() - started) / 1000,
    problems,
  };
}
