/**
 * Where the compatibility APIs that declare a listener (defineDialect's `listener`: Avomark, Fidelisa,
 * CashDesk) are served besides their shared prefix (/avomark, /fidelisa, /cashdesk): at the root of a listener of their own (TESSERA_LISTEN_<DIALECT>=host:port), or at the root of the main
 * listener for requests whose Host is one of the dialect's names (TESSERA_HOST_<DIALECT>=name,name), so that
 * a till coded against the vendor's root paths (/api/...) only changes its base URL. TLS for every listener
 * from TESSERA_TLS_CERT and TESSERA_TLS_KEY (PEM files); TESSERA_TRUST_PROXY behind a TLS-terminating proxy.
 */
import { ConfigError } from './config-read.js';
import type { Settings } from './config-schema.js';
import { listenedDialects } from './dialects/index.js';

/** A dialect's name (its path segment), as defineDialect declares it. */
export type DialectName = string;

export interface DialectListener {
  dialect: DialectName;
  host: string;
  port: number;
}

export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

export interface ListenerConfig {
  dialectListeners: DialectListener[];
  /** Host name (lower case, no port) → the dialect served at the root for it. */
  dialectHosts: Record<string, DialectName>;
  tls: TlsFiles | null;
  /** Fastify's trustProxy: false, true, a hop count, or a list of addresses / CIDR ranges. */
  trustProxy: boolean | number | string[];
}

function parseHostPort(name: string, raw: string): { host: string; port: number } {
  const match = /^(?:(?:\[([^\]]+)\]|([^:]*)):)?([0-9]{1,5})$/.exec(raw.trim());
  if (!match) throw new ConfigError(`${name} must be host:port (or a port), got "${raw}"`);
  const port = Number(match[3]);
  if (port > 65535) throw new ConfigError(`${name}: port ${port} is out of range`);
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

function parseTrustProxy(raw: string): ListenerConfig['trustProxy'] {
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The listeners of the validated settings (TESSERA_LISTEN_*, TESSERA_HOST_*, TLS, proxy trust). */
export function listenerConfig(settings: Settings['listeners']): ListenerConfig {
  const env = settings as Record<string, string | undefined>;
  const dialectListeners: DialectListener[] = [];
  const dialectHosts: Record<string, DialectName> = {};
  for (const { name: dialect } of listenedDialects()) {
    const upper = dialect.toUpperCase();
    const listen = env[`TESSERA_LISTEN_${upper}`];
    if (listen) dialectListeners.push({ dialect, ...parseHostPort(`TESSERA_LISTEN_${upper}`, listen) });
    for (const name of (env[`TESSERA_HOST_${upper}`] ?? '').split(',')) {
      const host = name.trim().toLowerCase();
      if (!host) continue;
      if (dialectHosts[host] && dialectHosts[host] !== dialect) {
        throw new ConfigError(`Host name ${host} is given to both ${dialectHosts[host]} and ${dialect}`);
      }
      dialectHosts[host] = dialect;
    }
  }
  const certPath = settings.TESSERA_TLS_CERT;
  const keyPath = settings.TESSERA_TLS_KEY;
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new ConfigError('TESSERA_TLS_CERT and TESSERA_TLS_KEY go together: set both or neither');
  }
  return {
    dialectListeners,
    dialectHosts,
    tls: certPath && keyPath ? { certPath, keyPath } : null,
    trustProxy: parseTrustProxy(settings.TESSERA_TRUST_PROXY),
  };
}
