/**
 * Every environment variable Tessera reads, in one TypeBox schema grouped by concern: each with its type,
 * bounds, description and default. The settings type comes from it (`Settings`), and so does the
 * validation (config-read.ts) and the list that `tessera config` prints and the README documents.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DEFAULT_SALE_DATE_WINDOW } from './core/bounds.js';
import { DEFAULT_THROTTLE } from './core/login-throttle.js';
import { DEFAULT_RETRY } from './core/messaging/retry-schedule.js';
import { DEFAULT_RETENTION } from './core/retention-settings.js';
import { listenedDialects } from './dialects/index.js';

/** A whole number of `unit` from `minimum` (default 0) up to `maximum`. */
const int = (description: string, value: number, bounds: { minimum?: number; maximum?: number } = {}) =>
  Type.Integer({ description, default: value, minimum: bounds.minimum ?? 0, ...bounds });
/** Text, with a default when it has one; `accepts` says what a valid value looks like. */
const text = (description: string, options: { default?: string; accepts?: string; pattern?: string } = {}) =>
  options.default === undefined
    ? Type.Optional(Type.String({ description, ...options }))
    : Type.String({ description, ...options });
/** An absolute URL of one of these schemes. */
const url = (description: string, schemes: string[]) =>
  Type.Optional(
    Type.String({
      description,
      pattern: `^(${schemes.join('|')})://`,
      accepts: `a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
      url: true,
    }),
  );
/** 1 (or true) turns it on, 0 (or false) off. */
const flag = (description: string) => Type.Boolean({ description, default: false });
const oneOf = <T extends string>(description: string, values: readonly T[], value?: T) => {
  const schema = Type.Union(
    values.map((v) => Type.Literal(v)),
    { description, ...(value === undefined ? {} : { default: value }) },
  );
  return value === undefined ? Type.Optional(schema) : schema;
};
const hostPort = (dialect: string) =>
  text(`serve ${dialect} at the root of its own listener`, {
    pattern: '^(?:(?:\\[[^\\]]+\\]|[^:]*):)?[0-9]{1,5}$',
    accepts: 'host:port, [v6]:port or a port',
  });
const hostNames = (dialect: string) =>
  text(`host names (comma-separated) for which the main listener serves ${dialect} at its root`);
/** TESSERA_LISTEN_<NAME>, then TESSERA_HOST_<NAME>, of every dialect that declares a listener. */
function dialectListenerVariables() {
  const dialects = listenedDialects();
  return Object.fromEntries([
    ...dialects.map(({ name, listener }) => [
      `TESSERA_LISTEN_${name.toUpperCase()}`,
      hostPort(listener.title),
    ]),
    ...dialects.map(({ name, listener }) => [
      `TESSERA_HOST_${name.toUpperCase()}`,
      hostNames(listener.title),
    ]),
  ]) as Record<`TESSERA_${'LISTEN' | 'HOST'}_${string}`, ReturnType<typeof hostPort>>;
}

export const ConfigSchema = Type.Object({
  server: Type.Object({
    PORT: int('HTTP port', 8080, { maximum: 65535 }),
    HOST: text('listen address (serve without --demo listens on 0.0.0.0 when unset)', {
      default: '127.0.0.1',
    }),
    TESSERA_DATA: text('data directory (SQLite database tessera.sqlite)', { default: 'data' }),
    DATABASE_URL: text('postgres://user:pass@host:5432/db for PostgreSQL; sqlite:/path/file.sqlite'),
    TESSERA_PG_PREPARED: Type.Boolean({
      description:
        '0: PostgreSQL statements are not prepared by name (a pooler in transaction mode that does not keep them)',
      default: true,
    }),
    LOG_LEVEL: oneOf(
      'pino log level',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    LOG_FORMAT: oneOf('json lines, or pretty (default: pretty on a terminal, else json)', [
      'json',
      'pretty',
    ] as const),
    TESSERA_TOKEN_TTL: int('access token lifetime, seconds', 3600, { minimum: 1 }),
    TESSERA_BODY_LIMIT: int('maximum request body, bytes', 1024 * 1024, { minimum: 1 }),
    TESSERA_METRICS_TOKEN: text('when set, GET /metrics needs Authorization: Bearer <token>'),
    TESSERA_JETON_WINDOW: int('seconds a Fidelisa jeton is remembered and refused when used again', 86400),
    TESSERA_IDEMPOTENCY_LEASE_S: int(
      'seconds an unanswered Idempotency-Key claim holds before a retry takes it over',
      60,
    ),
    TESSERA_SALE_PAST_DAYS: int('how many days back a sale may be dated', DEFAULT_SALE_DATE_WINDOW.pastDays),
    TESSERA_SALE_FUTURE_MINUTES: int(
      'how many minutes ahead a sale may be dated',
      DEFAULT_SALE_DATE_WINDOW.futureMinutes,
    ),
    TESSERA_DEBUG: flag('1: a failing command prints its stack trace'),
  }),
  connections: Type.Object({
    TESSERA_REQUEST_TIMEOUT_S: int('whole-request deadline, seconds', 30, { minimum: 1 }),
    TESSERA_KEEPALIVE_TIMEOUT_S: int(
      'idle keep-alive connections are closed after this many seconds (above load balancers’ 60 s)',
      65,
    ),
    TESSERA_MAX_CONNECTIONS: int('open connections in all', 10_000, { minimum: 1 }),
    TESSERA_MAX_CONNECTIONS_PER_ADDRESS: int('open connections of one remote address', 256, { minimum: 1 }),
  }),
  listeners: Type.Object({
    ...dialectListenerVariables(),
    TESSERA_TLS_CERT: text('PEM certificate: HTTPS on every listener (with TESSERA_TLS_KEY)'),
    TESSERA_TLS_KEY: text('PEM private key of TESSERA_TLS_CERT'),
    TESSERA_TRUST_PROXY: text('the proxy in front: true, a hop count, or addresses / CIDR ranges', {
      default: 'false',
    }),
  }),
  login: Type.Object({
    TESSERA_LOGIN_WINDOW_S: int(
      'window of the password-guessing counters, seconds',
      DEFAULT_THROTTLE.windowMs / 1000,
      {
        minimum: 1,
      },
    ),
    TESSERA_LOGIN_LOCKOUT_S: int(
      'lockout after too many failures, seconds',
      DEFAULT_THROTTLE.lockoutMs / 1000,
    ),
    TESSERA_LOGIN_ATTEMPTS: int(
      'failures per (login, address) within the window',
      DEFAULT_THROTTLE.pairLimit,
    ),
    TESSERA_LOGIN_FAILURES_PER_LOGIN: int(
      'failures per login within the window',
      DEFAULT_THROTTLE.loginLimit,
    ),
    TESSERA_LOGIN_FAILURES_PER_ADDRESS: int(
      'failures per address within the window',
      DEFAULT_THROTTLE.addressLimit,
    ),
    TESSERA_LOGIN_IN_FLIGHT: int('password checks in flight per login', DEFAULT_THROTTLE.inFlightPerLogin),
  }),
  integrationLog: Type.Object({
    TESSERA_LOG_ERRORS_PER_MINUTE: int('error entries of the integration log per address and minute', 600),
    TESSERA_LOG_ERRORS_PER_MINUTE_ANONYMOUS: int('the same for requests nobody authenticated', 30),
  }),
  retention: Type.Object({
    TESSERA_RETAIN_LOG_DAYS: int('integration log entries of a merchant, days', DEFAULT_RETENTION.logDays),
    TESSERA_RETAIN_ANONYMOUS_LOG_DAYS: int(
      'integration log entries of anonymous requests, days',
      DEFAULT_RETENTION.anonymousLogDays,
    ),
    TESSERA_RETAIN_IDEMPOTENCY_HOURS: int(
      'idempotency keys and their answers, hours',
      DEFAULT_RETENTION.idempotencyHours,
    ),
    TESSERA_RETAIN_JETON_DAYS: int('spent Fidelisa jetons, days', DEFAULT_RETENTION.jetonDays),
    TESSERA_RETAIN_MESSAGE_DAYS: int('finished messages and attempts, days', DEFAULT_RETENTION.messageDays),
    TESSERA_RETAIN_WEBHOOK_DAYS: int('finished webhook deliveries, days', DEFAULT_RETENTION.webhookDays),
    TESSERA_RETAIN_IMPORT_DAYS: int('finished imports and their errors, days', DEFAULT_RETENTION.importDays),
    TESSERA_RETAIN_COUPON_HISTORY_DAYS: int(
      'history of coupons that can no longer change, days',
      DEFAULT_RETENTION.couponHistoryDays,
    ),
    TESSERA_RETAIN_ELEMENT_MOVEMENT_DAYS: int(
      'movements of loyalty elements that are over, days',
      DEFAULT_RETENTION.elementMovementDays,
    ),
  }),
  messaging: Type.Object({
    SMTP_URL: url('SMTP server; unset: e-mail waits', ['smtp', 'smtps']),
    SMTP_FROM: text('the From of every e-mail', { default: 'Tessera <no-reply@localhost>' }),
    SMTP_POOL_SIZE: int('SMTP connections kept open', 5, { minimum: 1 }),
    SMTP_REQUIRE_TLS: flag('1: refuse an SMTP server that does not offer STARTTLS'),
    SMS_GATEWAY_URL: url('the SMS gateway endpoint; unset: SMS waits', ['http', 'https']),
    SMS_GATEWAY_FORMAT: oneOf(
      'twilio (form To, From, Body) or json (SMS_GATEWAY_BODY)',
      ['twilio', 'json'] as const,
      'twilio',
    ),
    SMS_GATEWAY_BODY: text('JSON body template for json ({{to}}, {{from}}, {{body}}, {{reference}})', {
      default: '{"to":{{to}},"from":{{from}},"text":{{body}},"reference":{{reference}}}',
    }),
    SMS_GATEWAY_AUTH: text('an Authorization header for the gateway, e.g. Bearer …'),
    SMS_SENDER_ID: text('sender id (alphanumeric up to 11, or a number)', { default: 'Tessera' }),
    VAPID_PUBLIC_KEY: text('Web Push public key (with VAPID_PRIVATE_KEY); unset: push waits'),
    VAPID_PRIVATE_KEY: text('Web Push private key'),
    VAPID_SUBJECT: text('mailto: or https: contact given to push services', {
      default: 'mailto:admin@localhost',
    }),
    TESSERA_PUBLIC_URL: url('where customers reach this server (default http://HOST:PORT)', [
      'http',
      'https',
    ]),
    TESSERA_WEBHOOKS_ALLOW_PRIVATE: flag(
      '1 (development, tests): webhooks may use http:// and private addresses',
    ),
    TESSERA_WEBHOOK_DISABLE_AFTER_HOURS: int('an endpoint with no success for this long is disabled', 120),
    TESSERA_MESSAGE_MAX_ATTEMPTS: int(
      'tries of a message before it is a dead letter',
      DEFAULT_RETRY.maxAttempts,
      {
        minimum: 1,
      },
    ),
    TESSERA_MESSAGE_RETRY_BASE_S: int(
      'first retry delay, seconds (doubled each time)',
      DEFAULT_RETRY.baseDelayMs / 1000,
    ),
    TESSERA_SEND_TIMEOUT_S: int('time allowed for one delivery, seconds', 15, { minimum: 1 }),
    TESSERA_OUTBOUND_CA: text('a PEM file of extra certificate authorities for outgoing TLS'),
  }),
  development: Type.Object({
    TESSERA_REQUIRE_PG: flag('1 (CI): the test suite fails when PostgreSQL is not available'),
    TESSERA_FUZZ_SEED: Type.Optional(
      Type.Integer({ description: 'the bad-input fuzz test replays this seed' }),
    ),
    TESSERA_FUZZ_RUNS: int('multiplies the runs of the bad-input fuzz test', 1, { minimum: 1 }),
  }),
});

export type Settings = Static<typeof ConfigSchema>;
export type SettingsGroup = keyof Settings;

/** One variable of the schema: its name, group and schema (with description and default). */
export interface Variable {
  name: string;
  group: SettingsGroup;
  schema: TSchema;
}

/** Every variable, in the schema's order. */
export const VARIABLES: readonly Variable[] = Object.entries(ConfigSchema.properties).flatMap(
  ([group, object]) =>
    Object.entries((object as { properties: Record<string, TSchema> }).properties).map(([name, schema]) => ({
      name,
      group: group as SettingsGroup,
      schema,
    })),
);
