/**
 * One e-mail, SMS or push message: the recipient's consent and blacklist for the channel are read now (a
 * customer who withdrew consent after the message was queued gets nothing), then the message is composed
 * and handed to the channel's port. E-mails carry List-Unsubscribe (RFC 2369, one-click RFC 8058) and a
 * stable Message-ID; SMS a stable reference; push a stable topic.
 */
import {
  findRecipient,
  pushSubscriptionsOf,
  deletePushSubscription,
  type RecipientRow,
} from '../../db/repos/messaging.repo.js';
import { countSmsSegments } from '../../core/messaging/sms-segments.js';
import type { OutboxRow } from '../../db/repos/outbox.repo.js';
import type { Deps } from '../context.js';
import { compose, unsubscribeUrl } from './compose.js';
import type { Step } from './send-step.js';

type Channel = 'email' | 'sms' | 'push';

function flags(json: string): Record<string, boolean> {
  try {
    return JSON.parse(json) as Record<string, boolean>;
  } catch {
    return {};
  }
}

/** Why this customer must not get a message on this channel now, or null. */
export function refusal(customer: RecipientRow, channel: Channel): string | null {
  if (customer.erased_at) return 'The customer was erased.';
  if (flags(customer.blacklist)[channel]) return `The customer is blacklisted for ${channel}.`;
  if (!flags(customer.consents)[channel])
    return `The customer has not consented to ${channel} (or withdrew).`;
  return null;
}

export async function sendCustomerMessage(deps: Deps, row: OutboxRow): Promise<Step> {
  const channel = row.channel as Channel;
  const recipient = (JSON.parse(row.recipients) as string[])[0] ?? '';
  let customer: RecipientRow | null = null;
  if (recipient.startsWith('cus_')) {
    customer = (await findRecipient(deps.db, row.merchant_id, recipient)) ?? null;
    if (!customer) return { kind: 'suppress', reason: 'The customer does not exist.' };
    const refused = refusal(customer, channel);
    if (refused) return { kind: 'suppress', reason: refused };
  }
  const composed = await compose(deps, row, customer);
  if ('missing' in composed) return { kind: 'suppress', reason: composed.missing };
  if (channel === 'email') {
    const to = customer ? customer.email : recipient;
    if (!to) return { kind: 'suppress', reason: 'The customer has no e-mail address.' };
    const headers: Record<string, string> = {};
    let { text, html } = composed;
    if (customer) {
      const link = unsubscribeUrl(deps, row.id);
      headers['List-Unsubscribe'] = `<${link}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      if (!text.includes(link)) text = `${text}\n\n--\nUnsubscribe: ${link}`;
      if (html !== null && !html.includes(link)) html = `${html}\n<p><a href="${link}">Unsubscribe</a></p>`;
    }
    headers['X-Tessera-Message'] = row.id;
    const result = await deps.ports.mail!.send({
      to,
      subject: composed.subject || '(no subject)',
      text,
      html,
      headers,
      messageId: `<${row.id}@tessera>`,
    });
    return { kind: 'done', result };
  }
  if (channel === 'sms') {
    const to = customer ? customer.mobile : recipient;
    if (!to) return { kind: 'suppress', reason: 'The customer has no mobile number.' };
    const result = await deps.ports.sms!.send({ to, body: composed.text, reference: row.id });
    const parts = countSmsSegments(composed.text);
    return {
      kind: 'done',
      result: { ...result, answer: `${parts.segments} part(s) ${parts.encoding}: ${result.answer}` },
    };
  }
  if (!customer) return { kind: 'suppress', reason: 'Push messages go to customers (cus_…) only.' };
  const subscriptions = await pushSubscriptionsOf(deps.db, row.merchant_id, customer.id);
  if (subscriptions.length === 0)
    return { kind: 'suppress', reason: 'The customer has no push subscription.' };
  const payload = JSON.stringify({
    id: row.id,
    title: composed.subject || null,
    body: composed.text,
    url: composed.url,
  });
  const answers: string[] = [];
  let delivered = 0;
  let retry = false;
  for (const s of subscriptions) {
    const result = await deps.ports.push!.send({
      subscription: { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
      payload,
      ttlSeconds: 24 * 3600,
      topic: row.id.replace(/_/g, '-').slice(0, 32),
    });
    answers.push(`${s.id}: ${result.answer}`);
    if (result.ok) delivered++;
    else if (result.permanent) await deletePushSubscription(deps.db, s.id);
    else retry = true;
  }
  const answer = answers.join('; ');
  if (delivered > 0 || !retry)
    return { kind: 'done', result: { ok: delivered > 0, answer, permanent: delivered === 0 } };
  return { kind: 'done', result: { ok: false, answer } };
}
