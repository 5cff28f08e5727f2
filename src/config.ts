import path from 'node:path';
import { loadListenerConfig, type ListenerConfig } from './config-listeners.js';

/** Runtime configuration, read once from the environment. Every command (server, CLI) uses this. */
export interface Config extends ListenerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** How long a Fidelisa jeton is remembered (and refused when used again), seconds. */
  jetonWindowSeconds: number;
  logLevel: string;
  tokenTtlSeconds: number;
  bodyLimitBytes: number;
  /** When set, GET /metrics needs Authorization: Bearer <this token>. */
  metricsToken: string | undefined;
}

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFromEnv('PORT', 8080, env),
    dataDir: path.resolve(env.TESSERA_DATA ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    tokenTtlSeconds: intFromEnv('TESSERA_TOKEN_TTL', 3600, env),
    bodyLimitBytes: intFromEnv('TESSERA_BODY_LIMIT', 1024 * 1024, env),
    jetonWindowSeconds: intFromEnv('TESSERA_JETON_WINDOW', 24 * 3600, env),
    ...loadListenerConfig(env),
    metricsToken: env.TESSERA_METRICS_TOKEN || undefined,
    ...overrides,
  };
}
