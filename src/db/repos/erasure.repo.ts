import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../transaction.js';
import type { DB } from '../schema/index.js';
import { ERASED_HASH } from './idempotency.repo.js';

/** `%text%` for LIKE, with LIKE's own characters escaped (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** lower(column) contains any of the texts: a coarse filter, refined by the caller. */
function mentionsAny<T extends keyof DB>(
  eb: ExpressionBuilder<DB, T>,
  columns: readonly string[],
  texts: readonly string[],
): Expression<SqlBool> {
  return eb.or(
    columns.flatMap((column) =>
      texts.map((text) => sql<SqlBool>`lower(${sql.ref(column)}) like ${containsPattern(text)} escape '\\'`),
    ),
  );
}

/** The stored idempotent answers of the merchant's principals that may mention one of the texts. */
export function idempotentAnswersMentioning(tx: Tx, merchantId: string, texts: readonly string[]) {
  return tx
    .selectFrom('idempotency_keys')
    .select(['scope', 'key', 'response_body'])
    .where('response_body', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('scope', 'in', eb.selectFrom('users').select('id').where('merchant_id', '=', merchantId)),
        eb('scope', 'in', eb.selectFrom('api_clients').select('id').where('merchant_id', '=', merchantId)),
      ]),
    )
    .where((eb) => mentionsAny(eb, ['response_body'], texts))
    .execute();
}

/** Forgets an idempotent answer: the key stays claimed (no rerun), a retry gets IDEMPOTENT_ANSWER_NOT_KEPT. */
export async function forgetIdempotentAnswer(tx: Tx, scope: string, key: string): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ response_body: null, response_type: null, body_hash: ERASED_HASH })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** The merchant's integration-log entries whose bodies, error message or URL may mention one of the texts. */
export function logEntriesMentioning(tx: Tx, merchantId: string, texts: readonly string[]) {
  return tx
    .selectFrom('integration_log')
    .select(['id', 'url', 'request_body', 'response_body', 'error_message'])
    .where('merchant_id', '=', merchantId)
    .where((eb) => mentionsAny(eb, ['request_body', 'response_body', 'error_message', 'url'], texts))
    .execute();
}

/** Redacts one log entry: bodies and message dropped, the query string cut off the URL. */
export async function redactLogEntry(tx: Tx, id: string, url: string): Promise<void> {
  await tx
    .updateTable('integration_log')
    .set({ request_body: null, response_body: null, error_message: null, url: url.split('?')[0] ?? '' })
    .where('id', '=', id)
    .execute();
}

/**
 * The merchant's outbox messages addressed to the customer, or whose recipients, subject, bodies or template
 * variables may mention one of the texts.
 */
export function outboxMessagesMentioning(
  tx: Tx,
  merchantId: string,
  customerId: string,
  texts: readonly string[],
) {
  return tx
    .selectFrom('outbox_messages')
    .select(['id', 'channel', 'status', 'customer_id', 'recipients', 'subject', 'body', 'html', 'variables'])
    .where('merchant_id', '=', merchantId)
    .where((eb) =>
      eb.or([
        eb('customer_id', '=', customerId),
        mentionsAny(eb, ['recipients', 'subject', 'body', 'html', 'variables'], texts),
      ]),
    )
    .execute();
}

/**
 * Redacts one outbox message: content, template variables and (but for a webhook, whose recipient is the
 * merchant's endpoint) the recipients are dropped, and so is what the providers answered to its attempts. A
 * message not sent yet is never sent: it ends suppressed.
 */
export async function redactOutboxMessage(
  tx: Tx,
  message: { id: string; channel: string; status: string },
): Promise<void> {
  await tx
    .updateTable('outbox_messages')
    .set({
      subject: null,
      body: '',
      html: null,
      variables: null,
      url: null,
      ...(message.channel === 'webhook' ? {} : { recipients: '[]' }),
      ...(message.status === 'pending'
        ? {
            status: 'suppressed',
            hold_reason: null,
            last_error: 'customer erased',
            lease_owner: null,
            lease_until: null,
            next_attempt_at: null,
          }
        : {}),
    })
    .where('id', '=', message.id)
    .execute();
  await tx
    .updateTable('message_attempts')
    .set({ answer: null })
    .where('message_id', '=', message.id)
    .execute();
}

/** The merchant's webhook events whose payload may mention one of the texts. */
export function webhookEventsMentioning(tx: Tx, merchantId: string, texts: readonly string[]) {
  return tx
    .selectFrom('webhook_events')
    .select(['id', 'payload'])
    .where('merchant_id', '=', merchantId)
    .where((eb) => mentionsAny(eb, ['payload'], texts))
    .execute();
}

/** Replaces a webhook event's payload by a marker: the event stays listed, its data is gone. */
export async function redactWebhookEvent(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('webhook_events').set({ payload: '{"redacted":true}' }).where('id', '=', id).execute();
}

/** The received contents of the merchant's imports (finished, or pending) that may mention one of the texts. */
export function importPayloadsMentioning(
  tx: Tx,
  merchantId: string,
  texts: readonly string[],
  /** Finished imports (by default), or those queued or running (their content not processed yet). */
  which: 'finished' | 'pending' = 'finished',
) {
  return tx
    .selectFrom('import_payloads')
    .select(['import_id', 'body'])
    .where('merchant_id', '=', merchantId)
    .where((eb) =>
      eb(
        'import_id',
        'in',
        eb
          .selectFrom('imports')
          .select('id')
          .where('merchant_id', '=', merchantId)
          .where('status', which === 'finished' ? 'not in' : 'in', ['queued', 'running']),
      ),
    )
    .where((eb) => mentionsAny(eb, ['body'], texts))
    .execute();
}

export async function replaceImportPayload(tx: Tx, importId: string, body: string): Promise<void> {
  await tx.updateTable('import_payloads').set({ body }).where('import_id', '=', importId).execute();
}

export async function dropImportPayload(tx: Tx, importId: string): Promise<void> {
  await tx.deleteFrom('import_payloads').where('import_id', '=', importId).execute();
}
