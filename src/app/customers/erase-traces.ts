import { concernsCustomer, erasureTraces } from '../../core/customer/erasure-traces.js';
import type { CustomerData } from '../../core/customer/customer.js';
import * as repo from '../../db/repos/erasure.repo.js';
import type { Tx } from '../../db/transaction.js';
import { eraseImportPayloads } from './erase-import-payloads.js';

/**
 * GDPR erasure, beyond the customer row: the idempotent answers, the integration-log entries, the outbox messages
 * (and what providers answered to them) and the webhook events of the merchant that name the customer (id,
 * e-mail, phones, codes, or first and last name together) lose their bodies, in the erasure's own transaction.
 * Answers are forgotten, not deleted: their keys stay claimed, so a retried creation gets 409
 * IDEMPOTENT_ANSWER_NOT_KEPT instead of creating the customer again. A message to the customer not sent yet is
 * never sent (suppressed); a webhook event keeps its id and type, its payload is replaced by a marker.
 */
export async function eraseStoredTraces(
  tx: Tx,
  merchantId: string,
  customerId: string,
  data: CustomerData,
): Promise<{
  answers: number;
  logEntries: number;
  messages: number;
  webhookEvents: number;
  importPayloads: number;
}> {
  const groups = erasureTraces(customerId, data);
  const texts = groups.flat();
  let answers = 0;
  for (const row of await repo.idempotentAnswersMentioning(tx, merchantId, texts)) {
    if (!concernsCustomer(row.response_body, groups)) continue;
    await repo.forgetIdempotentAnswer(tx, row.scope, row.key);
    answers++;
  }
  let logEntries = 0;
  for (const row of await repo.logEntriesMentioning(tx, merchantId, texts)) {
    const fields = [row.request_body, row.response_body, row.error_message, row.url];
    if (!fields.some((text) => concernsCustomer(text, groups))) continue;
    await repo.redactLogEntry(tx, row.id, row.url);
    logEntries++;
  }
  let messages = 0;
  for (const row of await repo.outboxMessagesMentioning(tx, merchantId, customerId, texts)) {
    const fields = [row.recipients, row.subject, row.body, row.html, row.variables];
    if (row.customer_id !== customerId && !fields.some((text) => concernsCustomer(text, groups))) continue;
    await repo.redactOutboxMessage(tx, row);
    messages++;
  }
  let webhookEvents = 0;
  for (const row of await repo.webhookEventsMentioning(tx, merchantId, texts)) {
    if (!concernsCustomer(row.payload, groups)) continue;
    await repo.redactWebhookEvent(tx, row.id);
    webhookEvents++;
  }
  const importPayloads = await eraseImportPayloads(tx, merchantId, customerId, data);
  return { answers, logEntries, messages, webhookEvents, importPayloads };
}
