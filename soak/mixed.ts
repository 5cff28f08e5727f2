// Mixed load for a fixed time against one server: reads (balances, customers, search, statements, Avomark
// balances), native sales, sales with a bearer voucher, Avomark sales, from concurrent tills. The server's
// anonymous RSS (stack.ts: anonymousRssKb; the database pages read through SQLite's memory map left out) is
// sampled every second: the mean of the last 5 s against the mean of the 5 s before the end of the first
// minute must grow less than `maxGrowth`. A run shorter than two minutes is still in V8's warm-up (its RSS
// grows for the first minute, then stays flat): its growth, from a quarter of the run, is reported but not
// judged.
import { send, type Answer, type Tokens } from './client.js';
import { avomarkSale, nativeSale } from './sales.js';
import { anonymousRssKb, type Seeded, type Server } from './stack.js';

export interface MixedOptions {
  server: Server;
  tokens: Tokens;
  seeded: Seeded;
  seconds: number;
  concurrency: number;
  maxGrowth?: number;
  /** Called every 10 s with a progress line. */
  progress?: (line: string) => void;
}

export interface OpStats {
  count: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  noAnswer: number;
}

export interface MixedReport {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  ops: Record<string, OpStats>;
  vouchersUsed: number;
  rss: {
    warmupSeconds: number;
    baselineKb: number | null;
    endKb: number | null;
    peakKb: number | null;
    growth: number | null;
    maxGrowth: number;
    /** False when the run was too short to judge the growth. */
    judged: boolean;
    samples: { t: number; kb: number }[];
    /** V8 heap in use (Prometheus /metrics, every 10 s): tells a JavaScript leak from native memory. */
    heapUsedKb: { t: number; kb: number }[];
  };
  problems: string[];
}

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export async function mixedLoad(o: MixedOptions): Promise<MixedReport> {
  const problems: string[] = [];
  const problem = (text: string) => problems.length < 50 && problems.push(text);
  const { base } = o.server;
  const t = o.tokens;
  const s = o.seeded;
  const run = Date.now().toString(36);
  let n = 0;
  let voucherIndex = 0;
  const ops: Record<string, OpStats> = {};
  const kinds: [string, number, () => Promise<Answer>][] = [
    ['balance', 20, () => send(base, 'GET', `/v1/cards/${pick(s.cardNumbers)}/balance`, { token: t.native })],
    ['customer', 10, () => send(base, 'GET', `/v1/customers/${pick(s.ids)}`, { token: t.native })],
    [
      'search',
      5,
      () =>
        send(base, 'GET', `/v1/customers?q=${encodeURIComponent(pick(s.lastNames).toLowerCase())}`, {
          token: t.native,
        }),
    ],
    [
      'statement',
      5,
      () => send(base, 'GET', `/v1/cards/${pick(s.cardNumbers)}/statement`, { token: t.native }),
    ],
    [
      'avomark-balance',
      5,
      () => send(base, 'GET', `/avomark/api/v1/cards/${pick(s.cardNumbers)}/balance`, { token: t.avomark }),
    ],
    [
      'sale',
      30,
      () => {
        const r = nativeSale(`X${run}-${++n}`, pick(s.cardNumbers));
        return send(base, 'POST', r.path, { token: t.native, body: r.body });
      },
    ],
    [
      'voucher-sale',
      10,
      () => {
        const voucher = s.voucherNumbers[voucherIndex++];
        const r = nativeSale(`X${run}-${++n}`, pick(s.cardNumbers), voucher ? { voucher } : {});
        return send(base, 'POST', r.path, { token: t.native, body: r.body });
      },
    ],
    [
      'avomark-sale',
      15,
      () => {
        const r = avomarkSale(`X${run}-${++n}`, pick(s.cardNumbers));
        return send(base, 'POST', r.path, { token: t.avomark, body: r.body });
      },
    ],
  ];
  const totalWeight = kinds.reduce((sum, [, w]) => sum + w, 0);
  const choose = () => {
    let x = Math.random() * totalWeight;
    for (const op of kinds) if ((x -= op[1]) < 0) return op;
    return kinds[0]!;
  };

  const started = Date.now();
  const deadline = started + o.seconds * 1000;
  const samples: { t: number; kb: number }[] = [];
  const sample = () => {
    const kb = anonymousRssKb(o.server.pid);
    if (kb !== null) samples.push({ t: (Date.now() - started) / 1000, kb });
  };
  sample();
  const sampler = setInterval(sample, 1000);
  const heapUsedKb: { t: number; kb: number }[] = [];
  const heap = async () => {
    const res = await send(base, 'GET', '/metrics', { timeoutMs: 5000 });
    const match = /^nodejs_heap_size_used_bytes (\d+)/m.exec(String(res.body));
    if (match) heapUsedKb.push({ t: (Date.now() - started) / 1000, kb: Math.round(Number(match[1]) / 1024) });
  };
  void heap();
  let requests = 0;
  const ticker = setInterval(() => {
    void heap();
    const elapsed = (Date.now() - started) / 1000;
    const last = samples.at(-1);
    const lastHeap = heapUsedKb.at(-1);
    o.progress?.(
      `  ${elapsed.toFixed(0)} s: ${requests} requests (${(requests / elapsed).toFixed(0)}/s), anonymous RSS ${last ? (last.kb / 1024).toFixed(1) : '?'} MB, heap used ${lastHeap ? (lastHeap.kb / 1024).toFixed(1) : '?'} MB`,
    );
  }, 10_000);
  const till = async () => {
    while (Date.now() < deadline) {
      const [name, , op] = choose();
      const a = await op();
      requests += 1;
      const st = (ops[name] ??= { count: 0, ok: 0, clientErrors: 0, serverErrors: 0, noAnswer: 0 });
      st.count += 1;
      if (a.status >= 200 && a.status < 300) st.ok += 1;
      else if (a.status === 0) {
        st.noAnswer += 1;
        problem(`${name}: no answer (${a.error})`);
      } else if (a.status >= 500) {
        st.serverErrors += 1;
        problem(`${name}: ${a.status} ${JSON.stringify(a.body)}`);
      } else {
        st.clientErrors += 1;
        problem(`${name}: ${a.status} ${JSON.stringify(a.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, till));
  clearInterval(sampler);
  clearInterval(ticker);
  sample();
  await heap();

  const seconds = (Date.now() - started) / 1000;
  const judged = seconds >= 120;
  const warmupSeconds = judged ? 60 : seconds / 4;
  const baselineKb = mean(
    samples.filter((x) => x.t > warmupSeconds - 5 && x.t <= warmupSeconds).map((x) => x.kb),
  );
  const endKb = mean(samples.filter((x) => x.t > seconds - 5).map((x) => x.kb));
  const growth = baselineKb && endKb ? endKb / baselineKb - 1 : null;
  const maxGrowth = o.maxGrowth ?? 0.1;
  if (growth === null) problem('anonymous RSS could not be sampled (no /proc?)');
  else if (judged && growth >= maxGrowth)
    problem(
      `anonymous RSS grew ${(growth * 100).toFixed(1)} % (${baselineKb} → ${endKb} kB), limit ${maxGrowth * 100} %`,
    );
  return {
    seconds,
    requests,
    requestsPerSecond: requests / seconds,
    ops,
    vouchersUsed: Math.min(voucherIndex, s.voucherNumbers.length),
    rss: {
      warmupSeconds,
      baselineKb,
      endKb,
      peakKb: samples.length ? Math.max(...samples.map((x) => x.kb)) : null,
      growth,
      maxGrowth,
      judged,
      samples,
      heapUsedKb,
    },
    problems,
  };
}
