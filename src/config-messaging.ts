/** Delivery of messages and webhooks, read from the environment (README: "Messages and webhooks"). */
import { ConfigError } from './config-read.js';
import type { Settings } from './config-schema.js';
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

/** Delivery settings of the validated configuration; the public URL defaults to http://HOST:PORT. */
export function messagingConfig(m: Settings['messaging'], host: string, port: number): MessagingConfig {
  if (Boolean(m.VAPID_PUBLIC_KEY) !== Boolean(m.VAPID_PRIVATE_KEY))
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both or neither');
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    smtpUrl: m.SMTP_URL,
    smtpFrom: m.SMTP_FROM,
    smtpPoolSize: m.SMTP_POOL_SIZE,
    smtpRequireTls: m.SMTP_REQUIRE_TLS,
    smsGatewayUrl: m.SMS_GATEWAY_URL,
    smsGatewayFormat: m.SMS_GATEWAY_FORMAT,
    smsGatewayBody: m.SMS_GATEWAY_BODY,
    smsGatewayAuth: m.SMS_GATEWAY_AUTH,
    smsSenderId: m.SMS_SENDER_ID,
    vapidPublicKey: m.VAPID_PUBLIC_KEY,
    vapidPrivateKey: m.VAPID_PRIVATE_KEY,
    vapidSubject: m.VAPID_SUBJECT,
    publicUrl: (m.TESSERA_PUBLIC_URL ?? `http://${shownHost}:${port}`).replace(/\/+$/, ''),
    webhooksAllowPrivate: m.TESSERA_WEBHOOKS_ALLOW_PRIVATE,
    webhookDisableAfterHours: m.TESSERA_WEBHOOK_DISABLE_AFTER_HOURS,
    sendTimeoutMs: m.TESSERA_SEND_TIMEOUT_S * 1000,
    retry: {
      maxAttempts: m.TESSERA_MESSAGE_MAX_ATTEMPTS,
      baseDelayMs: m.TESSERA_MESSAGE_RETRY_BASE_S * 1000,
      maxDelayMs: DEFAULT_RETRY.maxDelayMs,
    },
    outboundCaPath: m.TESSERA_OUTBOUND_CA,
  };
}
