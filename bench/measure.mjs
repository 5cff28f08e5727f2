// Measuring one workload: a probe request, then closed-loop (autocannon) or paced load, latency percentiles,
// the server's CPU and memory during the window, and waiting until the server has worked off its queue.
import autocannon from 'autocannon';
import { runPaced } from './paced.mjs';
import { startProcessSampler } from './processes.mjs';

const say = (line) => process.stderr.write(`${line}\n`);

function requestUrl(base, req) {
  return `${base}${req.path ?? '/'}`;
}

/** Sends one request of the workload with fetch and checks its status, so a broken workload is seen at once. */
async function probe(workload, base, request) {
  let req = { method: 'GET', path: '/', headers: {}, ...request };
  if (typeof req.setupRequest === 'function') req = req.setupRequest({ ...req, headers: { ...req.headers } });
  const response = await fetch(requestUrl(base, req), {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { ok: response.status === workload.expect, status: response.status, body: text.slice(0, 500) };
}

function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * One autocannon run of warm-up + measured seconds on the same connections, of which only the measured window
 * counts: requests/s are the answers completed in it, and latencies those of the same answers except the
 * first answer of each connection. Opening 50 fresh connections to a saturated server costs their first
 * requests a second or two before the server reads them; that stays out, and the figures describe the steady
 * state of kept-alive connections, as tills use them.
 */
async function measure(url, request, { connections, warmupSeconds, durationSeconds, pid, overallRate }) {
  const startedAt = performance.now();
  const windowStart = startedAt + warmupSeconds * 1000;
  let sampler;
  const samplerTimer = setTimeout(() => (sampler = startProcessSampler(pid)), warmupSeconds * 1000);
  const raw = Array.isArray(url)
    ? mergeRaw(
        await Promise.all(
          url.map((one, i) =>
            runClosedLoop(one, request, {
              connections: Math.floor(connections / url.length) + (i < connections % url.length ? 1 : 0),
              warmupSeconds,
              durationSeconds,
              windowStart,
            }),
          ),
        ),
      )
    : overallRate
      ? await runPaced(url, request, { connections, rate: overallRate, warmupSeconds, durationSeconds })
      : await runClosedLoop(url, request, { connections, warmupSeconds, durationSeconds, windowStart });
  const windowEnd = Math.min(
    raw.windowEnd ?? performance.now(),
    startedAt + (warmupSeconds + durationSeconds) * 1000,
  );
  clearTimeout(samplerTimer);
  const usage = sampler?.stop() ?? {
    peakRssKb: null,
    method: 'unavailable',
    cpuSeconds: null,
    cpuShareOfOneCore: null,
  };
  const seconds = Math.max(0.001, (windowEnd - windowStart) / 1000);
  const sorted = Float64Array.from(raw.latencies).sort();
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    windowSeconds: round(seconds),
    requestsPerSecond: raw.completed / seconds,
    requestsCompleted: raw.completed,
    latency: {
      sampled: sorted.length,
      mean: round(sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null),
      p50: round(percentile(sorted, 0.5)),
      p90: round(percentile(sorted, 0.9)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted.length ? sorted[sorted.length - 1] : null),
    },
    non2xx: raw.non2xx,
    errors: raw.errors,
    statusCodes: raw.statusCodes,
    bytesPerSecond: Math.round(raw.bytes / seconds),
    usage,
    ...(raw.autocannonTotals ? { autocannonTotals: raw.autocannonTotals } : {}),
    ...(raw.generatorLoopDelayMs ? { generatorLoopDelayMs: raw.generatorLoopDelayMs } : {}),
  };
}

/** The counts of closed loops run side by side (one per server process) as one. */
function mergeRaw(parts) {
  const merged = { completed: 0, non2xx: 0, errors: 0, bytes: 0, statusCodes: {}, latencies: [] };
  for (const part of parts) {
    merged.completed += part.completed;
    merged.non2xx += part.non2xx;
    merged.errors += part.errors;
    merged.bytes += part.bytes;
    for (const [status, n] of Object.entries(part.statusCodes))
      merged.statusCodes[status] = (merged.statusCodes[status] ?? 0) + n;
    for (const latency of part.latencies) merged.latencies.push(latency);
  }
  return merged;
}

/** As many requests as the connections get answered (autocannon): the saturated rate. */
async function runClosedLoop(url, request, { connections, warmupSeconds, durationSeconds, windowStart }) {
  const counts = { completed: 0, non2xx: 0, errors: 0, bytes: 0, statusCodes: {}, latencies: [] };
  const instance = autocannon({
    url,
    connections,
    duration: warmupSeconds + durationSeconds,
    timeout: 30,
    requests: [{ ...request, headers: { ...request.headers } }],
  });
  const seen = new Set();
  instance.on('response', (client, status, resBytes, responseTime) => {
    const now = performance.now();
    const first = !seen.has(client);
    seen.add(client);
    if (now < windowStart) return;
    counts.completed += 1;
    counts.bytes += resBytes;
    counts.statusCodes[status] = (counts.statusCodes[status] ?? 0) + 1;
    if (status < 200 || status >= 300) counts.non2xx += 1;
    if (!first) counts.latencies.push(responseTime);
  });
  instance.on('reqError', () => {
    if (performance.now() >= windowStart) counts.errors += 1;
  });
  const result = await instance;
  return {
    ...counts,
    // autocannon's own totals cover warm-up and window together
    autocannonTotals: {
      requests: result.requests.total,
      seconds: result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyP99: result.latency.p99,
    },
  };
}

/**
 * Waits until the server has worked off the requests still queued when autocannon stopped (it closes its
 * connections, but the server finishes what it had read): a slow workload would otherwise eat into the next one.
 * Idle means a cheap request (/readyz does `select 1`, so it queues behind database work too) answers in
 * under 50 ms. Returns the milliseconds waited.
 */
async function drain(target, timeoutMs = 120_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const t0 = performance.now();
    try {
      await (
        await fetch(`${target.url}${target.idlePath}`, { signal: AbortSignal.timeout(timeoutMs) })
      ).text();
    } catch {
      // still busy or restarting: keep waiting until the timeout
    }
    if (performance.now() - t0 < 50) return Math.round(performance.now() - started);
  }
  say(`  ! ${target.url} still busy after ${timeoutMs / 1000} s`);
  return Math.round(performance.now() - started);
}

export async function runWorkload(workload, target, ctx, config, overallRate) {
  const request = workload.request(ctx);
  const checked = await probe(workload, target.url, request);
  if (!checked.ok) {
    say(`  ! probe answered ${checked.status}, expected ${workload.expect}: ${checked.body}`);
  }
  const connections = workload.connections ?? config.connections;
  const warmupSeconds = workload.warmupSeconds ?? config.warmupSeconds;
  const m = await measure(target.urls ?? target.url, request, {
    connections,
    warmupSeconds,
    durationSeconds: config.durationSeconds,
    pid: target.child.pid,
    overallRate,
  });
  const drainMs = await drain(target);
  return {
    name: workload.name,
    target: workload.target,
    what: workload.what,
    expectedStatus: workload.expect,
    connections,
    warmupSeconds,
    offeredRate: overallRate ?? null,
    probe: checked,
    requestsPerSecond: m.requestsPerSecond,
    requestsCompleted: m.requestsCompleted,
    windowSeconds: m.windowSeconds,
    latency: m.latency,
    non2xx: m.non2xx,
    errors: m.errors,
    statusCodes: m.statusCodes,
    bytesPerSecond: m.bytesPerSecond,
    peakRssKb: m.usage.peakRssKb,
    peakRssMethod: m.usage.method,
    serverCpuSeconds: m.usage.cpuSeconds,
    serverCpuShareOfOneCore: m.usage.cpuShareOfOneCore,
    autocannonTotals: m.autocannonTotals,
    generatorLoopDelayMs: m.generatorLoopDelayMs ?? null,
    drainMs,
  };
}
