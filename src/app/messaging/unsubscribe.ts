/**
 * The unsubscribe link of an e-mail: /unsubscribe/<message id>. The message id (80 random bits) is the
 * capability; following the link withdraws the e-mail consent of the message's customer, for its merchant.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { withdrawConsent } from '../../db/repos/messaging.repo.js';
import type { Deps } from '../context.js';

export async function unsubscribe(
  deps: Deps,
  messageId: string,
): Promise<Result<{ merchant: string; channel: 'email' }>> {
  const row = await deps.db
    .selectFrom('outbox_messages')
    .innerJoin('merchants', 'merchants.id', 'outbox_messages.merchant_id')
    .select([
      'outbox_messages.merchant_id',
      'outbox_messages.customer_id',
      'outbox_messages.channel',
      'merchants.name',
    ])
    .where('outbox_messages.id', '=', messageId)
    .executeTakeFirst();
  if (!row?.customer_id || row.channel !== 'email') return fail('UNSUBSCRIBE_LINK_UNKNOWN');
  const done = await withdrawConsent(
    deps.db,
    row.merchant_id,
    row.customer_id,
    'email',
    deps.now().toISOString(),
    deps.dbKind,
  );
  if (!done) return fail('UNSUBSCRIBE_LINK_UNKNOWN');
  return ok({ merchant: row.name, channel: 'email' });
}

export async function unsubscribeTarget(deps: Deps, messageId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('outbox_messages')
    .innerJoin('merchants', 'merchants.id', 'outbox_messages.merchant_id')
    .select(['merchants.name', 'outbox_messages.customer_id', 'outbox_messages.channel'])
    .where('outbox_messages.id', '=', messageId)
    .executeTakeFirst();
  return row?.customer_id && row.channel === 'email' ? row.name : null;
}
