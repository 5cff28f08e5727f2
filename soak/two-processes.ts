// Two Tessera processes on one PostgreSQL database: a retry storm whose three copies of each receipt are spread
// over both, and concurrent redemptions of one card's balance through both. Expected: one sale per receipt,
// never more points spent than the card had, and `tessera check` passes.
import { adminToken, points, pool, send, type Tokens } from './client.js';
import { nativeSale, saleAnswer } from './sales.js';
import { check, type Db, type Runtime, type Server } from './stack.js';
import { retryStorm, type StormReport } from './storm.js';

export interface RedemptionReport {
  card: string;
  balanceBefore: number;
  pointsPerRedemption: number;
  attempts: number;
  succeeded: number;
  refused: number;
  pointsRedeemed: number;
  pointsEarned: number;
  balanceAfter: number;
}

/** Concurrent sales that each spend `r` points of one card, through all the servers, twice as many as it covers. */
export async function concurrentRedemptions(
  bases: string[],
  t: Tokens,
  card: string,
  credit: number,
  problem: (text: string) => void,
): Promise<RedemptionReport> {
  const admin = await adminToken(bases[0]!);
  const adj = await send(bases[0]!, 'POST', '/v1/adjustments', {
    token: admin,
    body: { cardNumber: card, points: credit, reason: 'reliability run' },
  });
  if (adj.status !== 201) problem(`adjustment: ${adj.status} ${JSON.stringify(adj.body)}`);
  const before = await points(bases[0]!, t.native, card);
  const r = Math.max(1, Math.floor(before / 12));
  const attempts = 2 * Math.ceil(before / r) + 4;
  const prefix = `R${Date.now().toString(36)}`;
  let succeeded = 0;
  let refused = 0;
  let pointsEarned = 0;
  const requests = Array.from({ length: attempts }, (_, i) =>
    nativeSale(`${prefix}-${i}`, card, { redeemPoints: r, amount: 50 }),
  );
  await pool(requests, attempts, async (request, i) => {
    const a = await send(bases[i % bases.length]!, 'POST', request.path, {
      token: t.native,
      body: request.body,
    });
    const code = (a.body as { error?: { code?: string } })?.error?.code;
    if (a.status === 201) {
      succeeded += 1;
      pointsEarned += saleAnswer(a.body).pointsEarned;
    } else if (a.status === 409 && code === 'INSUFFICIENT_POINTS') refused += 1;
    else problem(`redemption ${request.receipt}: ${a.status} ${JSON.stringify(a.body)}`);
  });
  const after = await points(bases[0]!, t.native, card);
  const report = {
    card,
    balanceBefore: before,
    pointsPerRedemption: r,
    attempts,
    succeeded,
    refused,
    pointsRedeemed: succeeded * r,
    pointsEarned,
    balanceAfter: after,
  };
  if (after < 0) problem(`card ${card} went negative: ${after}`);
  if (after !== before - succeeded * r + pointsEarned)
    problem(`card ${card}: ${before} − ${succeeded} × ${r} + ${pointsEarned} ≠ ${after}`);
  if (succeeded * r > before + pointsEarned) problem(`card ${card}: spent ${succeeded * r} of ${before}`);
  if (pointsEarned === 0 && succeeded !== Math.floor(before / r))
    problem(
      `card ${card}: ${succeeded} redemptions of ${r} out of ${before} (expected ${Math.floor(before / r)})`,
    );
  return report;
}

export interface TwoProcessReport {
  storm: StormReport;
  redemptions: RedemptionReport;
  checkPassed: boolean;
  problems: string[];
}

export async function twoProcesses(o: {
  db: Db;
  runtime: Runtime;
  servers: [Server, Server];
  tokens: Tokens;
  cards: string[];
  receipts: number;
  concurrency: number;
  credit: number;
}): Promise<TwoProcessReport> {
  const problems: string[] = [];
  const problem = (text: string) => problems.length < 50 && problems.push(text);
  const bases = o.servers.map((s) => s.base);
  const [redeemCard, ...stormCards] = o.cards;
  const storm = await retryStorm({
    db: o.db,
    bases,
    tokens: o.tokens,
    cards: stormCards,
    receipts: o.receipts,
    concurrency: o.concurrency,
    prefix: `M${Date.now().toString(36)}`,
  });
  problems.push(...storm.problems);
  const redemptions = await concurrentRedemptions(bases, o.tokens, redeemCard!, o.credit, problem);
  const checked = await check(o.db, o.runtime);
  if (!checked.ok) problem(`tessera check failed:\n${checked.output}`);
  return { storm, redemptions, checkPassed: checked.ok, problems };
}
