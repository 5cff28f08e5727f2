/**
 * Where a dialect is served: at the root of a listener of its own (TESSERA_LISTEN_<DIALECT>), over TLS
 * (TESSERA_TLS_CERT / TESSERA_TLS_KEY), or at the root of the main listener for its host name
 * (TESSERA_HOST_<DIALECT>), besides its shared prefix. A till built on the Fidelisa Ruby sample calls
 * /api/... at the host root.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '../../src/app/demo/demo-loyalty.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createHarness, databases, type Harness } from '../support/harness.js';
import { fidelisaHeaders, DEMO_SIGNER } from '../../src/dialects/fidelisa/test/fidelisa-support.js';

const TLS_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'tls');
const TLS = { certPath: path.join(TLS_DIR, 'cert.pem'), keyPath: path.join(TLS_DIR, 'key.pem') };
const CA = fs.readFileSync(TLS.certPath);
const CASHDESK_AUTH = `Basic ${Buffer.from('aladdin:opensesame').toString('base64')}`;

/** A GET over HTTPS trusting the test certificate. */
function httpsGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: CA, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe.each(databases())('dialect listeners on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(async () => h?.close());

  /** The same database, served with the given environment; the database stays open for the harness. */
  const serve = (env: Record<string, string>): Promise<RunningServer> =>
    startServer(
      { ...h.deps, config: { ...loadConfig({ ...env, HOST: '127.0.0.1', PORT: '0' }), logLevel: 'silent' } },
      { close: async () => {} } as unknown as Database,
      { logger: false },
    );

  it('serves Fidelisa at the root of its own listener, and only Fidelisa there', async () => {
    const server = await serve({ TESSERA_LISTEN_FIDELISA: '127.0.0.1:0' });
    try {
      const [listener] = server.dialectListeners;
      expect(listener?.dialect).toBe('fidelisa');
      const root = await fetch(`${listener!.url}/api/shops/programs`, {
        headers: fidelisaHeaders(DEMO_SIGNER, true),
      });
      expect(root.status).toBe(200);
      expect(await root.json()).toHaveProperty('programs');
      // The prefix form and the other APIs are not there: Fidelisa's 404.
      for (const other of ['/fidelisa/api/shops/programs', '/v1/programs', '/avomark/api/token']) {
        const res = await fetch(`${listener!.url}${other}`, { headers: fidelisaHeaders(DEMO_SIGNER, true) });
        expect(res.status, other).toBe(404);
        expect(await res.json(), other).toMatchObject({ error: 'Not Found', code: 'ROUTE_NOT_FOUND' });
      }
      expect((await fetch(`${listener!.url}/healthz`)).status).toBe(200);
      // The main listener still serves every API under its prefix.
      const prefixed = await fetch(`${server.url}/fidelisa/api/shops/programs`, {
        headers: fidelisaHeaders(DEMO_SIGNER, true),
      });
      expect(prefixed.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('serves HTTPS directly with the configured certificate, on every listener', async () => {
    const server = await serve({
      TESSERA_LISTEN_CASHDESK: '127.0.0.1:0',
      TESSERA_TLS_CERT: TLS.certPath,
      TESSERA_TLS_KEY: TLS.keyPath,
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const cashdesk = server.dialectListeners[0]!;
      expect(cashdesk.url).toMatch(/^https:/);
      const balance = await httpsGet(`${cashdesk.url}/api/card/balance/by/${DEMO_CARDS.withPoints}`, {
        authorization: CASHDESK_AUTH,
      });
      expect(balance.status).toBe(200);
      expect(JSON.parse(balance.body)).toMatchObject({ Status: true, Number: DEMO_CARDS.withPoints });
      const health = await httpsGet(`${server.url}/healthz`, {});
      expect(health.status).toBe(200);
      // Plain HTTP on the TLS port is not answered as if it were secure.
      await expect(fetch(`${server.url.replace('https', 'http')}/healthz`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('serves a dialect at the root for its host name, the shared prefixes for any other', async () => {
    const config = loadConfig({ TESSERA_HOST_CASHDESK: 'Cards.Example.com', LOG_LEVEL: 'silent' });
    const app = await buildApp({ ...h.deps, config: { ...h.deps.config, ...config } }, { logger: false });
    try {
      const url = `/api/card/balance/by/${DEMO_CARDS.withPoints}`;
      const byHost = await app.inject({
        method: 'GET',
        url,
        headers: { host: 'cards.example.com:8443', authorization: CASHDESK_AUTH },
      });
      expect(byHost.statusCode).toBe(200);
      expect(byHost.json()).toMatchObject({ Status: true, Number: DEMO_CARDS.withPoints });
      const otherHost = await app.inject({ method: 'GET', url, headers: { authorization: CASHDESK_AUTH } });
      expect(otherHost.statusCode).toBe(404);
      expect(otherHost.json()).toHaveProperty('error.code', 'ROUTE_NOT_FOUND');
      const prefixed = await app.inject({
        method: 'GET',
        url: `/cashdesk${url}`,
        headers: { authorization: CASHDESK_AUTH },
      });
      expect(prefixed.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a listener or TLS configuration it cannot use', () => {
    expect(() => loadConfig({ TESSERA_LISTEN_AVOMARK: 'nowhere' })).toThrow(/host:port/);
    expect(() => loadConfig({ TESSERA_TLS_CERT: TLS.certPath })).toThrow(/TESSERA_TLS_KEY/);
    expect(() => loadConfig({ TESSERA_HOST_AVOMARK: 'a.test', TESSERA_HOST_FIDELISA: 'A.test' })).toThrow(
      /both/,
    );
    expect(loadConfig({ TESSERA_LISTEN_AVOMARK: '9443' }).dialectListeners).toEqual([
      { dialect: 'avomark', host: '0.0.0.0', port: 9443 },
    ]);
    expect(loadConfig({ TESSERA_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });
});
