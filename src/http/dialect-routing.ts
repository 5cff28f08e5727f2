/**
 * Serving a dialect at the root of its own listener or host name: the request's path is rewritten onto the
 * dialect's shared prefix before routing (Fastify's rewriteUrl), so the same routes, hooks and error format
 * answer /api/... on https://fidelisa.example.com/ and /fidelisa/api/... on the main listener.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DialectListener, DialectName, ListenerConfig, TlsFiles } from '../config-listeners.js';

const DIALECT_OF = Symbol('tessera.dialect-listener');
type MarkedRequest = http.IncomingMessage & { [DIALECT_OF]?: DialectName };

/** Paths every listener answers as they are (a load balancer checks a dialect listener too). */
const PASS_THROUGH = new Set(['/healthz', '/readyz']);

function hostName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** Fastify's rewriteUrl: the path under the dialect's prefix when the listener or the Host names a dialect. */
export function dialectUrlRewriter(
  config: Pick<ListenerConfig, 'dialectHosts'>,
): (req: http.IncomingMessage) => string {
  const hosts = new Map(Object.entries(config.dialectHosts));
  return (req) => {
    const url = req.url ?? '/';
    const dialect = (req as MarkedRequest)[DIALECT_OF] ?? hosts.get(hostName(req.headers.host));
    if (!dialect || PASS_THROUGH.has(url.split('?')[0] ?? '')) return url;
    return `/${dialect}${url.startsWith('/') ? url : `/${url}`}`;
  };
}

export function readTls(tls: TlsFiles): { cert: Buffer; key: Buffer } {
  return { cert: fs.readFileSync(tls.certPath), key: fs.readFileSync(tls.keyPath) };
}

export interface ExtraListener {
  dialect: DialectName;
  url: string;
  close(): Promise<void>;
}

/** A listener that hands every request to the main server's handler, marked as its dialect's. */
export async function listenForDialect(
  main: http.Server,
  listener: DialectListener,
  tls: TlsFiles | null,
): Promise<ExtraListener> {
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    (req as MarkedRequest)[DIALECT_OF] = listener.dialect;
    main.emit('request', req, res);
  };
  const server = tls ? https.createServer(readTls(tls), handle) : http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: listener.host, port: listener.port, backlog: 4096 }, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = listener.host === '0.0.0.0' ? '127.0.0.1' : listener.host;
  return {
    dialect: listener.dialect,
    url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
