/**
 * One webhook delivery: the endpoint's current URL and secret, signed with the event id as `webhook-id`
 * (the receiver's idempotency key, the same on every retry and replay). A success clears the endpoint's
 * failure streak; a failure starts it, and an endpoint failing for longer than the configured hours is
 * disabled (its pending deliveries then stop).
 */
import type { OutboxRow } from '../../db/repos/outbox.repo.js';
import { findEndpoint, updateEndpoint } from '../../db/repos/webhooks.repo.js';
import type { Deps } from '../context.js';
import type { Step } from './send-step.js';
import { webhookHeaders } from './webhook-signature.js';

export async function sendWebhook(deps: Deps, row: OutboxRow, now: Date): Promise<Step> {
  const endpoint = await findEndpoint(deps.db, row.merchant_id, row.webhook_id ?? '');
  if (!endpoint) return { kind: 'suppress', reason: 'The webhook endpoint was deleted.' };
  if (!endpoint.enabled)
    return {
      kind: 'suppress',
      reason: `The webhook endpoint is disabled: ${endpoint.disabled_reason ?? 'by hand'}.`,
    };
  const id = row.event_id ?? row.id;
  const result = await deps.ports.webhooks!.deliver({
    url: endpoint.url,
    headers: webhookHeaders(endpoint.secret, id, Math.floor(now.getTime() / 1000), row.body),
    body: row.body,
  });
  const at = now.toISOString();
  if (result.ok) {
    if (endpoint.failing_since) await updateEndpoint(deps.db, endpoint.id, { failing_since: null });
    return { kind: 'done', result };
  }
  const since = endpoint.failing_since ?? at;
  if (!endpoint.failing_since)
    await updateEndpoint(deps.db, endpoint.id, { failing_since: at }, { notFailing: true });
  const limitMs = deps.config.messaging.webhookDisableAfterHours * 3_600_000;
  if (now.getTime() - Date.parse(since) >= limitMs) {
    await updateEndpoint(deps.db, endpoint.id, {
      enabled: 0,
      disabled_reason: `failing since ${since} (last answer: ${result.answer.slice(0, 200)})`,
      updated_at: at,
    });
    return { kind: 'done', result: { ...result, permanent: true } };
  }
  return { kind: 'done', result };
}
