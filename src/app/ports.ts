/**
 * The outside world the delivery worker talks to: e-mail, SMS, push and webhooks, behind ports so that the
 * engine and its tests do not depend on a provider. A channel whose port is null is not configured: its
 * messages wait in the outbox with that reason. Adapters answer what the provider said; they throw only
 * for a broken invariant (an unreachable server is an answer: ok false).
 */
export interface SendResult {
  ok: boolean;
  /** What the provider answered: SMTP reply, HTTP status and body excerpt, or the network error. */
  answer: string;
  /** A refusal that no retry will change (unknown mailbox, invalid number, gone subscription). */
  permanent?: boolean;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** Stable across retries: the receiver's idempotency key (Message-ID). */
  messageId: string;
}

export interface SmsMessage {
  to: string;
  body: string;
  /** Stable across retries: the gateway's idempotency key. */
  reference: string;
}

export interface PushMessage {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  payload: string;
  ttlSeconds: number;
  /** Stable across retries (Topic header: a repeated message replaces the undelivered one). */
  topic: string;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Ports {
  mail: { send(message: EmailMessage): Promise<SendResult>; close?(): void } | null;
  sms: { send(message: SmsMessage): Promise<SendResult> } | null;
  push: { send(message: PushMessage): Promise<SendResult>; publicKey: string } | null;
  webhooks: { deliver(request: WebhookRequest): Promise<SendResult> } | null;
}

/** Nothing configured: every message waits (the CLI, which never delivers). */
export const NO_OP_PORTS: Ports = { mail: null, sms: null, push: null, webhooks: null };
