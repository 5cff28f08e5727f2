import path from 'node:path';
import { loadListenerConfig, type ListenerConfig } from './config-listeners.js';
import { loadMessagingConfig, type MessagingConfig } from './config-messaging.js';
import { DEFAULT_SALE_DATE_WINDOW, type SaleDateWindow } from './core/bounds.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './core/login-throttle.js';
import { DEFAULT_RETENTION, type RetentionSettings } from './core/retention-settings.js';

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
  const loginWindowS = intFromEnv('TESSERA_LOGIN_WINDOW_S', DEFAULT_THROTTLE.windowMs / 1000, env);
  const host = env.HOST ?? '127.0.0.1';
  const port = intFromEnv('PORT', 8080, env);
  return {
    host,
    port,
    dataDir: path.resolve(env.TESSERA_DATA ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    tokenTtlSeconds: intFromEnv('TESSERA_TOKEN_TTL', 3600, env),
    bodyLimitBytes: intFromEnv('TESSERA_BODY_LIMIT', 1024 * 1024, env),
    jetonWindowSeconds: intFromEnv('TESSERA_JETON_WINDOW', 24 * 3600, env),
    ...loadListenerConfig(env),
    metricsToken: env.TESSERA_METRICS_TOKEN || undefined,
    throttle: {
      windowMs: loginWindowS * 1000,
      lockoutMs: intFromEnv('TESSERA_LOGIN_LOCKOUT_S', DEFAULT_THROTTLE.lockoutMs / 1000, env) * 1000,
      pairLimit: intFromEnv('TESSERA_LOGIN_ATTEMPTS', DEFAULT_THROTTLE.pairLimit, env),
      loginLimit: intFromEnv('TESSERA_LOGIN_FAILURES_PER_LOGIN', DEFAULT_THROTTLE.loginLimit, env),
      addressLimit: intFromEnv('TESSERA_LOGIN_FAILURES_PER_ADDRESS', DEFAULT_THROTTLE.addressLimit, env),
      inFlightPerLogin: intFromEnv('TESSERA_LOGIN_IN_FLIGHT', DEFAULT_THROTTLE.inFlightPerLogin, env),
    },
    connections: {
      requestTimeoutMs: intFromEnv('TESSERA_REQUEST_TIMEOUT_S', 30, env) * 1000,
      keepAliveTimeoutMs: intFromEnv('TESSERA_KEEPALIVE_TIMEOUT_S', 65, env) * 1000,
      maxConnections: intFromEnv('TESSERA_MAX_CONNECTIONS', 10_000, env),
      maxConnectionsPerAddress: intFromEnv('TESSERA_MAX_CONNECTIONS_PER_ADDRESS', 256, env),
    },
    saleDateWindow: {
      pastDays: intFromEnv('TESSERA_SALE_PAST_DAYS', DEFAULT_SALE_DATE_WINDOW.pastDays, env),
      futureMinutes: intFromEnv('TESSERA_SALE_FUTURE_MINUTES', DEFAULT_SALE_DATE_WINDOW.futureMinutes, env),
    },
    idempotencyLeaseSeconds: intFromEnv('TESSERA_IDEMPOTENCY_LEASE_S', 60, env),
    logLimits: {
      errorsPerMinute: intFromEnv('TESSERA_LOG_ERRORS_PER_MINUTE', 600, env),
      anonymousErrorsPerMinute: intFromEnv('TESSERA_LOG_ERRORS_PER_MINUTE_ANONYMOUS', 30, env),
    },
    retention: {
      logDays: intFromEnv('TESSERA_RETAIN_LOG_DAYS', DEFAULT_RETENTION.logDays, env),
      anonymousLogDays: intFromEnv(
        'TESSERA_RETAIN_ANONYMOUS_LOG_DAYS',
        DEFAULT_RETENTION.anonymousLogDays,
        env,
      ),
      idempotencyHours: intFromEnv(
        'TESSERA_RETAIN_IDEMPOTENCY_HOURS',
        DEFAULT_RETENTION.idempotencyHours,
        env,
      ),
      jetonDays: intFromEnv('TESSERA_RETAIN_JETON_DAYS', DEFAULT_RETENTION.jetonDays, env),
      loginWindowMs: loginWindowS * 1000,
      messageDays: intFromEnv('TESSERA_RETAIN_MESSAGE_DAYS', DEFAULT_RETENTION.messageDays, env),
      webhookDays: intFromEnv('TESSERA_RETAIN_WEBHOOK_DAYS', DEFAULT_RETENTION.webhookDays, env),
      importDays: intFromEnv('TESSERA_RETAIN_IMPORT_DAYS', DEFAULT_RETENTION.importDays, env),
      couponHistoryDays: intFromEnv(
        'TESSERA_RETAIN_COUPON_HISTORY_DAYS',
        DEFAULT_RETENTION.couponHistoryDays,
        env,
      ),
      elementMovementDays: intFromEnv(
        'TESSERA_RETAIN_ELEMENT_MOVEMENT_DAYS',
        DEFAULT_RETENTION.elementMovementDays,
        env,
      ),
    },
    messaging: loadMessagingConfig(env, host, port),
    ...overrides,
  };
}
