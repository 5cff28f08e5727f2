/** Delivery of messages and webhooks, read from the environment (README: "Messages and webhooks"). */
import { DEFAULT_RETRY, type RetryPolicy } from './core/messaging/retry-schedule.js';

export interface MessagingConfig {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465; unset: e-mail waits. */
  smtpUrl: string | undefined;
  /** The From of every e-mail, e.g. "Tessera <loyalty@example.com>". */
  smtpFrom: string;
  /** Pooled SMTP connections. */
  smtpPoolSize: number;
  /** Refuse an SMTP server that does not offer STARTTLS (SMTP_REQUIRE_TLS=1). */
  smtpRequireTls: boolean;
  /** The SMS gateway: a Messages endpoint (form POST To/From/Body, Basic auth from the URL) or a JSON one. */
  smsGatewayUrl: string | undefined;
  /** twilio (form fields To, From, Body) or json (SMS_GATEWAY_BODY template). */
  smsGatewayFormat: 'twilio' | 'json';
  /** For json: a JSON body with {{to}}, {{from}}, {{body}}, {{reference}} placeholders. */
  smsGatewayBody: string;
  /** Authorization header sent to the gateway (e.g. "Bearer …"); user:pass in the URL gives Basic auth. */
  smsGatewayAuth: string | undefined;
  /** The sender id (alphanumeric up to 11, or a number). */
  smsSenderId: string;
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  /** mailto: or https: contact for push services. */
  vapidSubject: string;
  /** Where customers reach this server (unsubscribe links); default http://HOST:PORT. */
  publicUrl: string;
  /** Webhook URLs may be http and reach loopback/private addresses (local development and tests). */
  webhooksAllowPrivate: boolean;
  /** An endpoint failing for this long (no success since) is disabled. */
  webhookDisableAfterHours: number;
  /** Time allowed for one delivery (webhook request, SMS request, push request), ms. */
  sendTimeoutMs: number;
  retry: RetryPolicy;
  /** A PEM file of extra certificate authorities trusted by outgoing TLS (SMTP, SMS, push, webhooks). */
  outboundCaPath: string | undefined;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new Error(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return raw;
}

export function loadMessagingConfig(env: NodeJS.ProcessEnv, host: string, port: number): MessagingConfig {
  const format = env.SMS_GATEWAY_FORMAT ?? 'twilio';
  if (format !== 'twilio' && format !== 'json')
    throw new Error(`SMS_GATEWAY_FORMAT must be twilio or json, got "${format}"`);
  const vapidPublicKey = env.VAPID_PUBLIC_KEY || undefined;
  const vapidPrivateKey = env.VAPID_PRIVATE_KEY || undefined;
  if (Boolean(vapidPublicKey) !== Boolean(vapidPrivateKey))
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both or neither');
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: env.SMTP_FROM || 'Tessera <no-reply@localhost>',
    smtpPoolSize: int(env, 'SMTP_POOL_SIZE', 5),
    smtpRequireTls: env.SMTP_REQUIRE_TLS === '1',
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
    smsGatewayFormat: format,
    smsGatewayBody:
      env.SMS_GATEWAY_BODY || '{"to":{{to}},"from":{{from}},"text":{{body}},"reference":{{reference}}}',
    smsGatewayAuth: env.SMS_GATEWAY_AUTH || undefined,
    smsSenderId: env.SMS_SENDER_ID || 'Tessera',
    vapidPublicKey,
    vapidPrivateKey,
    vapidSubject: env.VAPID_SUBJECT || 'mailto:admin@localhost',
    publicUrl: (url(env, 'TESSERA_PUBLIC_URL', ['http:', 'https:']) ?? `http://${shownHost}:${port}`).replace(
      /\/+$/,
      '',
    ),
    webhooksAllowPrivate: env.TESSERA_WEBHOOKS_ALLOW_PRIVATE === '1',
    webhookDisableAfterHours: int(env, 'TESSERA_WEBHOOK_DISABLE_AFTER_HOURS', 120),
    sendTimeoutMs: int(env, 'TESSERA_SEND_TIMEOUT_S', 15) * 1000,
    retry: {
      maxAttempts: Math.max(1, int(env, 'TESSERA_MESSAGE_MAX_ATTEMPTS', DEFAULT_RETRY.maxAttempts)),
      baseDelayMs: int(env, 'TESSERA_MESSAGE_RETRY_BASE_S', DEFAULT_RETRY.baseDelayMs / 1000) * 1000,
      maxDelayMs: DEFAULT_RETRY.maxDelayMs,
    },
    outboundCaPath: env.TESSERA_OUTBOUND_CA || undefined,
  };
}
