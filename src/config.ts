import path from 'node:path';
import { listenerConfig, type ListenerConfig } from './config-listeners.js';
import { messagingConfig, type MessagingConfig } from './config-messaging.js';
import { readSettings } from './config-read.js';
import type { Settings } from './config-schema.js';
import type { SaleDateWindow } from './core/bounds.js';
import type { ThrottlePolicy } from './core/login-throttle.js';
import type { RetentionSettings } from './core/retention-settings.js';

export { ConfigError } from './config-read.js';

/** Runtime configuration, read once from the environment. Every command (server, CLI) uses this. */
export interface Config extends ListenerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: hot statements prepared by name on each connection (db/pg-prepared.ts). */
  pgPrepared: boolean;
  /** How long a Fidelisa jeton is remembered (and refused when used again), seconds. */
  jetonWindowSeconds: number;
  logLevel: Settings['server']['LOG_LEVEL'];
  tokenTtlSeconds: number;
  bodyLimitBytes: number;
  /** When set, GET /metrics needs Authorization: Bearer <this token>. */
  metricsToken: string | undefined;
  /** Password-guessing throttle (TESSERA_LOGIN_*). */
  throttle: ThrottlePolicy;
  /** Slow clients: whole-request deadline, idle keep-alive and connection caps (TESSERA_REQUEST_TIMEOUT_S, ...). */
  connections: {
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnections: number;
    maxConnectionsPerAddress: number;
  };
  /** How far from now a sale may be dated (TESSERA_SALE_PAST_DAYS, TESSERA_SALE_FUTURE_MINUTES). */
  saleDateWindow: SaleDateWindow;
  /** How long an unanswered Idempotency-Key claim holds before a retry takes it over (TESSERA_IDEMPOTENCY_LEASE_S). */
  idempotencyLeaseSeconds: number;
  /** Error entries of the integration log per address and minute (TESSERA_LOG_ERRORS_PER_MINUTE, ..._ANONYMOUS). */
  logLimits: { errorsPerMinute: number; anonymousErrorsPerMinute: number };
  /** How long the retention job keeps things (TESSERA_RETAIN_*). */
  retention: RetentionSettings;
  /** E-mail (SMTP_URL, SMTP_FROM), SMS (SMS_GATEWAY_URL), push (VAPID_*), webhooks, retries. */
  messaging: MessagingConfig;
  /** Unknown TESSERA_* variables, each with the closest known name (printed at start-up). */
  warnings: readonly string[];
}

/**
 * The configuration of this environment: read and validated against the schema (config-schema.ts), then
 * grouped as the code uses it. Throws a ConfigError naming the variable for a bad value; unknown TESSERA_*
 * variables end up in `warnings` (printed at start-up).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const { settings, warnings } = readSettings(env);
  const { server, connections, login, integrationLog, retention } = settings;
  const loginWindowMs = login.TESSERA_LOGIN_WINDOW_S * 1000;
  return {
    host: server.HOST,
    port: server.PORT,
    dataDir: path.resolve(server.TESSERA_DATA),
    databaseUrl: server.DATABASE_URL,
    pgPrepared: server.TESSERA_PG_PREPARED,
    logLevel: server.LOG_LEVEL,
    tokenTtlSeconds: server.TESSERA_TOKEN_TTL,
    bodyLimitBytes: server.TESSERA_BODY_LIMIT,
    jetonWindowSeconds: server.TESSERA_JETON_WINDOW,
    ...listenerConfig(settings.listeners),
    metricsToken: server.TESSERA_METRICS_TOKEN,
    throttle: {
      windowMs: loginWindowMs,
      lockoutMs: login.TESSERA_LOGIN_LOCKOUT_S * 1000,
      pairLimit: login.TESSERA_LOGIN_ATTEMPTS,
      loginLimit: login.TESSERA_LOGIN_FAILURES_PER_LOGIN,
      addressLimit: login.TESSERA_LOGIN_FAILURES_PER_ADDRESS,
      inFlightPerLogin: login.TESSERA_LOGIN_IN_FLIGHT,
    },
    connections: {
      requestTimeoutMs: connections.TESSERA_REQUEST_TIMEOUT_S * 1000,
      keepAliveTimeoutMs: connections.TESSERA_KEEPALIVE_TIMEOUT_S * 1000,
      maxConnections: connections.TESSERA_MAX_CONNECTIONS,
      maxConnectionsPerAddress: connections.TESSERA_MAX_CONNECTIONS_PER_ADDRESS,
    },
    saleDateWindow: {
      pastDays: server.TESSERA_SALE_PAST_DAYS,
      futureMinutes: server.TESSERA_SALE_FUTURE_MINUTES,
    },
    idempotencyLeaseSeconds: server.TESSERA_IDEMPOTENCY_LEASE_S,
    logLimits: {
      errorsPerMinute: integrationLog.TESSERA_LOG_ERRORS_PER_MINUTE,
      anonymousErrorsPerMinute: integrationLog.TESSERA_LOG_ERRORS_PER_MINUTE_ANONYMOUS,
    },
    retention: {
      logDays: retention.TESSERA_RETAIN_LOG_DAYS,
      anonymousLogDays: retention.TESSERA_RETAIN_ANONYMOUS_LOG_DAYS,
      idempotencyHours: retention.TESSERA_RETAIN_IDEMPOTENCY_HOURS,
      jetonDays: retention.TESSERA_RETAIN_JETON_DAYS,
      loginWindowMs,
      messageDays: retention.TESSERA_RETAIN_MESSAGE_DAYS,
      webhookDays: retention.TESSERA_RETAIN_WEBHOOK_DAYS,
      importDays: retention.TESSERA_RETAIN_IMPORT_DAYS,
      couponHistoryDays: retention.TESSERA_RETAIN_COUPON_HISTORY_DAYS,
      elementMovementDays: retention.TESSERA_RETAIN_ELEMENT_MOVEMENT_DAYS,
    },
    messaging: messagingConfig(settings.messaging, server.HOST, server.PORT),
    warnings,
    ...overrides,
  };
}
