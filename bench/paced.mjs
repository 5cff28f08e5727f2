// Open-loop load at a fixed rate: request i is due at start + i / rate, on connection i mod N, whatever
// happened to the earlier ones. Latency counts from the due time, so a server that falls behind is charged
// for the wait (no coordinated omission). autocannon's own rate limit sends each second's quota in a burst,
// which measures a saturated server again; tills arrive one at a time.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Runs `warmupSeconds + durationSeconds` of `rate` requests/s spread over `connections` kept-alive
 * connections. `request` is the autocannon-style request of bench/workloads.mjs (method, path, headers, body,
 * setupRequest). Resolves with the raw counts of the measured window.
 */
export function runPaced(url, request, { connections, rate, warmupSeconds, durationSeconds, onWindowStart }) {
  const target = new URL(url);
  const agents = Array.from(
    { length: connections },
    () => new http.Agent({ keepAlive: true, maxSockets: 1 }),
  );
  const total = Math.round(rate * (warmupSeconds + durationSeconds));
  const start = performance.now();
  const windowStart = start + warmupSeconds * 1000;
  const counts = { completed: 0, non2xx: 0, errors: 0, bytes: 0, statusCodes: {}, latencies: [] };
  let sent = 0;
  let settled = 0;
  let windowStarted = false;
  // The generator's own stalls (its GC, its timers) would show as server latency: they are reported apart.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });

  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (sent === total && settled === total) {
        for (const agent of agents) agent.destroy();
        loopDelay.disable();
        resolve({
          ...counts,
          windowEnd: Math.min(performance.now(), start + (total / rate) * 1000),
          generatorLoopDelayMs: {
            p99: loopDelay.percentile(99) / 1e6,
            max: loopDelay.max / 1e6,
          },
        });
      }
    };
    const record = (dueAt, status, bytes) => {
      settled += 1;
      if (dueAt >= windowStart) {
        const latency = performance.now() - dueAt;
        if (status === null) counts.errors += 1;
        else {
          counts.completed += 1;
          counts.bytes += bytes;
          counts.statusCodes[status] = (counts.statusCodes[status] ?? 0) + 1;
          if (status < 200 || status >= 300) counts.non2xx += 1;
          counts.latencies.push(latency);
        }
      }
      finishIfDone();
    };
    const send = (i, dueAt) => {
      const base = {
        method: request.method ?? 'GET',
        path: request.path ?? '/',
        headers: request.headers ?? {},
      };
      const req = request.setupRequest ? request.setupRequest({ ...base, body: request.body }) : base;
      const body = req.body ?? request.body;
      const headers = { ...req.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) };
      const outgoing = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.path,
          headers,
          agent: agents[i % connections],
          timeout: 30_000,
        },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk) => (bytes += chunk.length));
          res.on('end', () => record(dueAt, res.statusCode, bytes));
          res.on('error', () => record(dueAt, null, 0));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => record(dueAt, null, 0));
      outgoing.end(body);
    };
    const tick = () => {
      const now = performance.now();
      if (!windowStarted && now >= windowStart) {
        windowStarted = true;
        loopDelay.reset();
        loopDelay.enable();
        onWindowStart?.();
      }
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      while (sent < due) {
        send(sent, start + (sent / rate) * 1000);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else finishIfDone();
    };
    tick();
  });
}
