/**
 * Writing to the outbox, inside the caller's transaction: a customer message becomes one row per
 * recipient; a webhook event is stored once (for replays) and becomes one row per endpoint of the merchant
 * that follows its type. Nothing is written if the transaction rolls back; everything is if it commits.
 */
import { follows, type WebhookEventType } from '../../core/messaging/webhook-events.js';
import { insertOutboxMessage } from '../../db/repos/outbox.repo.js';
import type { Tx } from '../../db/transaction.js';
import { enabledEndpoints, insertWebhookEvent } from '../../db/repos/webhooks.repo.js';
import { newId } from '../ids.js';

/** A message to customers (or raw addresses), sent by the delivery job. */
export interface MessageEvent {
  merchantId: string;
  channel: 'email' | 'sms' | 'push';
  /** Customer ids (cus_…), or plain e-mail addresses / E.164 numbers. */
  recipients: string[];
  subject?: string | null;
  body: string;
  html?: string | null;
  url?: string | null;
  /** What caused it, e.g. "fidelisa.notify", "campaign:cmp_…", "automation:welcome". */
  source: string;
  /** A template of the merchant rendered at send time (its texts replace subject/body/html). */
  template?: string | null;
  language?: string | null;
  variables?: Record<string, string | number | null>;
  /** Unique per merchant: a second message with the same key is not written (automations, campaigns). */
  idempotencyKey?: string | null;
}

/** Something that happened, for the merchant's webhook endpoints. */
export interface WebhookEvent {
  merchantId: string;
  channel: 'webhook';
  event: WebhookEventType;
  data: Record<string, unknown>;
}

export type OutboxEvent = MessageEvent | WebhookEvent;

export async function enqueueOutbox(tx: Tx, now: string, event: OutboxEvent): Promise<void> {
  if (event.channel === 'webhook') return enqueueWebhookEvent(tx, now, event);
  const many = event.recipients.length > 1;
  for (const recipient of event.recipients) {
    await insertOutboxMessage(tx, {
      id: newId('msg'),
      merchant_id: event.merchantId,
      channel: event.channel,
      recipients: JSON.stringify([recipient]),
      customer_id: recipient.startsWith('cus_') ? recipient : null,
      subject: event.subject ?? null,
      body: event.body,
      html: event.html ?? null,
      url: event.url ?? null,
      status: 'pending',
      source: event.source,
      template: event.template ?? null,
      language: event.language ?? null,
      variables: event.variables ? JSON.stringify(event.variables) : null,
      idempotency_key: event.idempotencyKey
        ? many
          ? `${event.idempotencyKey}:${recipient}`
          : event.idempotencyKey
        : null,
      created_at: now,
      next_attempt_at: now,
    });
  }
}

type Endpoints = Awaited<ReturnType<typeof enabledEndpoints>>;
/** The endpoints read once per transaction and merchant: a sale records several events. */
const endpointsOfTx = new WeakMap<Tx, Map<string, Promise<Endpoints>>>();

function endpointsIn(tx: Tx, merchantId: string): Promise<Endpoints> {
  let byMerchant = endpointsOfTx.get(tx);
  if (!byMerchant) endpointsOfTx.set(tx, (byMerchant = new Map()));
  let endpoints = byMerchant.get(merchantId);
  if (!endpoints) byMerchant.set(merchantId, (endpoints = enabledEndpoints(tx, merchantId)));
  return endpoints;
}

async function enqueueWebhookEvent(tx: Tx, now: string, event: WebhookEvent): Promise<void> {
  const eventId = newId('evt');
  const payload = JSON.stringify(event.data);
  await insertWebhookEvent(tx, {
    id: eventId,
    merchant_id: event.merchantId,
    type: event.event,
    payload,
    created_at: now,
  });
  const endpoints = await endpointsIn(tx, event.merchantId);
  for (const endpoint of endpoints) {
    if (!follows(JSON.parse(endpoint.events) as string[], event.event)) continue;
    await insertWebhookDelivery(tx, now, {
      merchantId: event.merchantId,
      endpointId: endpoint.id,
      eventId,
      type: event.event,
      payload,
      occurredAt: now,
    });
  }
}

/** One delivery of one event to one endpoint (also used by replays). */
export async function insertWebhookDelivery(
  tx: Tx,
  now: string,
  d: {
    merchantId: string;
    endpointId: string;
    eventId: string;
    type: string;
    payload: string;
    occurredAt: string;
  },
): Promise<void> {
  await insertOutboxMessage(tx, {
    id: newId('msg'),
    merchant_id: d.merchantId,
    channel: 'webhook',
    recipients: JSON.stringify([d.endpointId]),
    subject: null,
    body: `{"type":${JSON.stringify(d.type)},"timestamp":${JSON.stringify(d.occurredAt)},"data":${d.payload}}`,
    url: null,
    status: 'pending',
    source: d.type,
    event_type: d.type,
    event_id: d.eventId,
    webhook_id: d.endpointId,
    created_at: now,
    next_attempt_at: now,
  });
}
