/** /v1/messages: the outbox of a merchant, with each message's state and attempts; retrying a dead letter. */
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import {
  attemptsOf,
  findMessage,
  listMessages,
  requeueDeadMessage,
  type AttemptRow,
  type OutboxRow,
} from '../../db/repos/outbox.repo.js';
import type { OutboxChannel, OutboxStatus } from '../../db/schema/index.js';
import type { Deps } from '../context.js';
import { unconfiguredReason } from './adapters/create-ports.js';

export interface AttemptView {
  attempt: number;
  at: string;
  channel: string;
  outcome: string;
  answer: string | null;
  durationMs: number;
}

export interface MessageView {
  id: string;
  channel: string;
  status: string;
  recipients: string[];
  subject: string | null;
  body: string;
  template: string | null;
  language: string | null;
  source: string;
  event: { id: string; type: string; endpointId: string } | null;
  attempts: number;
  nextAttemptAt: string | null;
  waitingBecause: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  history: AttemptView[];
}

function view(deps: Deps, row: OutboxRow, attempts: AttemptRow[]): MessageView {
  const waiting =
    row.status === 'pending'
      ? (unconfiguredReason(deps.ports, row.channel) ?? row.hold_reason ?? null)
      : null;
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    recipients: JSON.parse(row.recipients) as string[],
    subject: row.subject,
    body: row.body,
    template: row.template,
    language: row.language,
    source: row.source,
    event:
      row.event_id && row.event_type && row.webhook_id
        ? { id: row.event_id, type: row.event_type, endpointId: row.webhook_id }
        : null,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    waitingBecause: waiting,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    history: attempts.map((a) => ({
      attempt: Number(a.attempt),
      at: a.attempted_at,
      channel: a.channel,
      outcome: a.outcome,
      answer: a.answer,
      durationMs: Number(a.duration_ms),
    })),
  };
}

export async function listMessagePage(
  deps: Deps,
  merchantId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    status?: OutboxStatus;
    channel?: OutboxChannel;
    source?: string;
    webhookId?: string;
  },
): Promise<Result<{ data: MessageView[]; nextCursor: string | null }>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) return fail('INVALID_CURSOR');
  const rows = await listMessages(deps.db, merchantId, {
    status: query.status,
    channel: query.channel,
    source: query.source,
    webhookId: query.webhookId,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const attempts = await attemptsOf(
    deps.db,
    page.map((r) => r.id),
  );
  return ok({
    data: page.map((r) =>
      view(
        deps,
        r,
        attempts.filter((a) => a.message_id === r.id),
      ),
    ),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null,
  });
}

export async function getMessage(deps: Deps, merchantId: string, id: string): Promise<Result<MessageView>> {
  const row = await findMessage(deps.db, merchantId, id);
  if (!row) return fail('MESSAGE_NOT_FOUND');
  return ok(view(deps, row, await attemptsOf(deps.db, [id])));
}

export async function retryDeadLetter(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<MessageView>> {
  const row = await findMessage(deps.db, merchantId, id);
  if (!row) return fail('MESSAGE_NOT_FOUND');
  if (!(await requeueDeadMessage(deps.db, merchantId, id, deps.now().toISOString())))
    return fail('MESSAGE_NOT_DEAD', `This message is ${row.status}; only a dead letter can be retried.`);
  return getMessage(deps, merchantId, id);
}
