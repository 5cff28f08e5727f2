import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO, loadDemo } from '../src/app/demo/load-demo.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createLogger, logFormatFrom, prettyLine } from '../src/http/logger.js';
import { openDeps } from '../src/server.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('log format', () => {
  it('is pretty on a terminal and JSON lines otherwise, unless LOG_FORMAT says', () => {
    expect(logFormatFrom({}, true)).toBe('pretty');
    expect(logFormatFrom({}, false)).toBe('json');
    expect(logFormatFrom({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatFrom({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(() => logFormatFrom({ LOG_FORMAT: 'xml' }, false)).toThrow(
      'LOG_FORMAT must be json or pretty, got "xml"',
    );
  });

  it('shows a request as time, level, method, path, status, duration, code and request id', () => {
    const line = JSON.stringify({
      level: 40,
      time: '2026-11-28T22:31:05.123Z',
      pid: 1,
      reqId: 'req_1',
      method: 'POST',
      url: '/v1/customers',
      status: 422,
      durationMs: 3.2,
      code: 'PHONE_INVALID',
      msg: 'request',
    });
    expect(prettyLine(line, false)).toBe(
      '22:31:05.123 WARN  POST /v1/customers 422 3.2 ms PHONE_INVALID req_1',
    );
    expect(
      prettyLine(
        '{"level":30,"time":"2026-11-28T22:31:05.123Z","msg":"Server listening","port":8080}',
        false,
      ),
    ).toBe('22:31:05.123 INFO  Server listening {"port":8080}');
    expect(prettyLine('not json', false)).toBe('not json');
  });
});

describe('request logs of a running server', () => {
  let app: FastifyInstance;
  let database: Database;
  let dir: string;
  const json = capture();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-logs-'));
    const config = loadConfig({ ...process.env, DATABASE_URL: '', TESSERA_DATA: dir, LOG_LEVEL: 'info' });
    const opened = await openDeps(config);
    database = opened.database;
    await loadDemo(opened.deps);
    app = await buildApp(opened.deps, {
      loggerInstance: createLogger({ level: 'info', format: 'json', destination: json.stream }),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one JSON line per request with an ISO time; 4xx as warnings with their code; probes are quiet', async () => {
    await app.inject({ url: '/healthz' });
    await app.inject({ url: '/readyz' });
    const token = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: DEMO.client.id,
        client_secret: DEMO.client.secret,
      },
    });
    const bearer = { authorization: `Bearer ${token.json().access_token}` };
    await app.inject({ url: '/v1/customers?q=soupe', headers: bearer });
    await app.inject({ url: '/v1/customers/cus_nope', headers: bearer });
    const read = () => {
      const entries = json.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      return { entries, requests: entries.filter((e) => e.msg === 'request') };
    };
    // A request's line is written once its response is finished (the integration log of a 4xx is written,
    // and flushed, first): wait for the last one.
    await vi.waitFor(() => expect(read().requests).toHaveLength(3));
    const { entries, requests } = read();
    expect(requests.map((e) => [e.level, e.method, e.url, e.status, e.code])).toEqual([
      [30, 'POST', '/oauth/token', 200, undefined],
      [30, 'GET', '/v1/customers?q=soupe', 200, undefined],
      [40, 'GET', '/v1/customers/cus_nope', 404, 'CUSTOMER_NOT_FOUND'],
    ]);
    for (const e of requests) {
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(typeof e.durationMs).toBe('number');
      expect(e.reqId).toMatch(/^req_/);
    }
    expect(entries.some((e) => e.msg === 'incoming request' || e.msg === 'request completed')).toBe(false);
    expect(json.lines.join('\n')).not.toContain(DEMO.client.secret);
  });
});

describe('/metrics behind a token', () => {
  it('answers 401 without TESSERA_METRICS_TOKEN as bearer token, the metrics with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-metrics-'));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: '',
      TESSERA_DATA: dir,
      TESSERA_METRICS_TOKEN: 'scrape-me-please',
    });
    const { deps, database } = await openDeps(config);
    const app = await buildApp(deps, { logger: false });
    try {
      const anonymous = await app.inject({ url: '/metrics' });
      expect([anonymous.statusCode, anonymous.headers['www-authenticate']]).toEqual([
        401,
        'Bearer realm="metrics"',
      ]);
      const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-me-please' },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('tessera_http_requests_total');
    } finally {
      await app.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
