// Connection flood (issue 10, item 15): thousands of keep-alive connections held open against one server,
// half of them re-sending a request every few seconds (kept alive), half trickling their headers a byte at a
// time (slow clients); meanwhile a fresh client opens a new connection for /healthz and for an authenticated
// balance read, again and again, and we time them. The flood comes from many loopback addresses
// (127.0.x.y: all of 127/8 is the loopback interface on Linux), as a crowd would, not from one address that
// the per-address cap would simply cut off.
import http from 'node:http';
import net from 'node:net';

export interface Timing {
  samples: number;
  failed: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface FloodReport {
  connections: number;
  addresses: number;
  /** Flood connections the server had accepted and still held when the measurement started. */
  held: number;
  /** Flood connections refused or closed by the server before the measurement. */
  closedEarly: number;
  floodRequestsAnswered: number;
  baseline: { healthz: Timing; balance: Timing };
  underFlood: { healthz: Timing; balance: Timing };
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timing(values: number[], failed: number): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { samples: values.length, failed, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? NaN };
}

/** One request on a new connection (no agent, no keep-alive), timed from connect to the last byte. */
function fresh(base: string, path: string, token?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in 30 s`)));
    req.on('error', reject);
    req.end();
  });
}

async function measure(base: string, token: string, card: string, samples: number) {
  const result: Record<'healthz' | 'balance', { ms: number[]; failed: number }> = {
    healthz: { ms: [], failed: 0 },
    balance: { ms: [], failed: 0 },
  };
  for (let i = 0; i < samples; i++) {
    for (const [name, path, auth] of [
      ['healthz', '/healthz', undefined],
      ['balance', `/v1/cards/${card}/balance`, token],
    ] as const) {
      try {
        result[name].ms.push(await fresh(base, path, auth));
      } catch {
        result[name].failed++;
      }
    }
    await sleep(100);
  }
  return {
    healthz: timing(result.healthz.ms, result.healthz.failed),
    balance: timing(result.balance.ms, result.balance.failed),
  };
}

export async function connectionFlood(options: {
  base: string;
  token: string;
  card: string;
  connections: number;
  perAddress: number;
  samples: number;
  /** Longest acceptable answer on a new connection under the flood. */
  limitMs: number;
}): Promise<FloodReport> {
  const { hostname, port } = new URL(options.base);
  const problems: string[] = [];
  const baseline = await measure(options.base, options.token, options.card, Math.min(10, options.samples));
  const sockets: net.Socket[] = [];
  let closedEarly = 0;
  let answered = 0;
  let measuring = false;
  const request = `GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`;
  const timers: NodeJS.Timeout[] = [];
  await Promise.all(
    Array.from({ length: options.connections }, (_, i) => {
      const n = Math.floor(i / options.perAddress) + 2;
      const localAddress = `127.0.${n >> 8}.${n & 255}`;
      return new Promise<void>((resolve) => {
        const socket = net.connect({ host: hostname, port: Number(port), localAddress }, () => {
          if (i % 2 === 0) {
            // Kept alive: a request now and every 3 s (under the 5 s keep-alive timeout).
            socket.write(request);
            timers.push(setInterval(() => socket.writable && socket.write(request), 3000));
          } else {
            // Slow headers: one byte a second, never finished.
            socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nX-Slow: `);
            timers.push(setInterval(() => socket.writable && socket.write('a'), 1000));
          }
          resolve();
        });
        socket.on('data', (chunk) => {
          answered += chunk.toString('latin1').split('HTTP/1.1 200').length - 1;
        });
        socket.on('error', () => resolve());
        socket.on('close', () => {
          if (!measuring) closedEarly++;
          resolve();
        });
        sockets.push(socket);
      });
    }),
  );
  await sleep(2000);
  const held = sockets.filter((s) => !s.destroyed).length;
  measuring = true;
  const underFlood = await measure(options.base, options.token, options.card, options.samples);
  for (const t of timers) clearInterval(t);
  for (const s of sockets) s.destroy();
  for (const [name, t] of Object.entries(underFlood)) {
    if (t.failed > 0) problems.push(`${name}: ${t.failed} of ${t.samples + t.failed} new connections failed`);
    if (t.maxMs > options.limitMs)
      problems.push(`${name}: ${t.maxMs.toFixed(0)} ms on a new connection (limit ${options.limitMs} ms)`);
  }
  return {
    connections: options.connections,
    addresses: Math.ceil(options.connections / options.perAddress),
    held,
    closedEarly,
    floodRequestsAnswered: answered,
    baseline,
    underFlood,
    problems,
  };
}
