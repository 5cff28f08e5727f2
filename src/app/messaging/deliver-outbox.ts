/**
 * The delivery worker: leases due outbox messages (a lease per message, so concurrent workers never hold
 * one message at once), sends each through its channel's port, records every attempt (time, channel,
 * provider answer, duration), retries with backoff and dead-letters after the last try. A message whose
 * channel is not configured stays queued with the reason. Delivery is at least once: a worker killed after
 * the provider accepted but before the outcome was written sends again when the lease runs out, with the
 * same Message-ID / webhook-id / reference for the receiver to drop the duplicate.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { CHANNELS, retryDelayMs, type Channel } from '../../core/messaging/retry-schedule.js';
import { claimDueMessages, finishMessage, holdChannel, type OutboxRow } from '../../db/repos/outbox.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { enqueueOutbox } from './enqueue.js';
import { newId } from '../ids.js';
import { unconfiguredReason } from './adapters/create-ports.js';
import { Pacing } from './pacing.js';
import { sendCustomerMessage } from './send-customer-message.js';
import type { Step } from './send-step.js';
import { sendWebhook } from './send-webhook.js';

export interface DeliveryOptions {
  owner?: string;
  /** Messages leased per claim. */
  batch?: number;
  /** Stop claiming after this long (the job runs again on its next tick). */
  budgetMs?: number;
  /** How long a lease holds if the worker dies mid-send. */
  leaseMs?: number;
  /** Messages in flight at once. */
  concurrency?: number;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  dead: number;
  suppressed: number;
  deferred: number;
}

export async function deliverDue(deps: Deps, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const batch = options.batch ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 8;
  const started = Date.now();
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0, suppressed: 0, deferred: 0 };
  const channels: Channel[] = [];
  for (const channel of CHANNELS) {
    const reason = unconfiguredReason(deps.ports, channel);
    if (reason) await holdChannel(deps.db, channel, reason);
    else channels.push(channel);
  }
  const pacing = new Pacing(deps);
  for (;;) {
    const now = deps.now();
    const rows = await claimDueMessages(deps.db, deps.dbKind, {
      owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      channels,
      limit: batch,
    });
    if (rows.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const outcome = await deliverOne(deps, row, owner, pacing);
        report[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    if (rows.length < batch || Date.now() - started > (options.budgetMs ?? 20_000)) break;
  }
  return report;
}

async function deliverOne(
  deps: Deps,
  row: OutboxRow,
  owner: string,
  pacing: Pacing,
): Promise<keyof DeliveryReport> {
  const channel = row.channel as Channel;
  const startedAt = deps.now();
  const t0 = performance.now();
  let step: Step;
  try {
    if (channel !== 'webhook') {
      const hold = await pacing.hold(row.merchant_id, startedAt);
      if (hold) {
        await finishMessage(deps.db, row.id, owner, {
          attempt: null,
          status: 'pending',
          attempts: Number(row.attempts),
          nextAttemptAt: hold.until,
          lastError: row.last_error,
          holdReason: hold.reason,
          sentAt: null,
        });
        return 'deferred';
      }
    }
    step =
      channel === 'webhook' ? await sendWebhook(deps, row, startedAt) : await sendCustomerMessage(deps, row);
  } catch (error) {
    step = {
      kind: 'done',
      result: {
        ok: false,
        answer: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
  const attemptNo = Number(row.attempts) + 1;
  const attempt = {
    id: newId('att'),
    message_id: row.id,
    merchant_id: row.merchant_id,
    attempt: attemptNo,
    channel,
    attempted_at: startedAt.toISOString(),
    duration_ms: Math.round(performance.now() - t0),
  };
  if (step.kind === 'defer') {
    await finishMessage(deps.db, row.id, owner, {
      attempt: null,
      status: 'pending',
      attempts: Number(row.attempts),
      nextAttemptAt: step.until,
      lastError: row.last_error,
      holdReason: step.reason,
      sentAt: null,
    });
    return 'deferred';
  }
  if (step.kind === 'suppress') {
    await finishMessage(deps.db, row.id, owner, {
      attempt: { ...attempt, outcome: 'suppressed', answer: step.reason },
      status: 'suppressed',
      attempts: attemptNo,
      nextAttemptAt: null,
      lastError: step.reason,
      holdReason: null,
      sentAt: null,
    });
    return 'suppressed';
  }
  const { result } = step;
  if (result.ok) {
    await finishMessage(deps.db, row.id, owner, {
      attempt: { ...attempt, outcome: 'sent', answer: result.answer },
      status: 'sent',
      attempts: attemptNo,
      nextAttemptAt: null,
      lastError: null,
      holdReason: null,
      sentAt: deps.now().toISOString(),
    });
    return 'sent';
  }
  const delay = result.permanent
    ? null
    : retryDelayMs(channel, attemptNo, deps.config.messaging.retry, Math.random());
  // A customer message given up on is an event (not a webhook delivery: a dead endpoint would feed itself).
  const announce =
    delay === null && channel !== 'webhook'
      ? (tx: Tx) =>
          enqueueOutbox(tx, deps.now().toISOString(), {
            merchantId: row.merchant_id,
            channel: 'webhook',
            event: 'message.failed',
            data: {
              messageId: row.id,
              channel,
              customerId: row.customer_id,
              source: row.source,
              attempts: attemptNo,
              lastError: result.answer,
            },
          })
      : undefined;
  await finishMessage(
    deps.db,
    row.id,
    owner,
    {
      attempt: { ...attempt, outcome: 'failed', answer: result.answer },
      status: delay === null ? 'dead' : 'pending',
      attempts: attemptNo,
      nextAttemptAt: delay === null ? null : new Date(deps.now().getTime() + delay).toISOString(),
      lastError: result.answer,
      holdReason: null,
      sentAt: null,
    },
    announce,
  );
  return delay === null ? 'dead' : 'failed';
}
