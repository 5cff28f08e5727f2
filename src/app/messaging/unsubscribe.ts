/**
 * The unsubscribe link of an e-mail: /unsubscribe/<message id>. The message id (80 random bits) is the
 * capability; following the link withdraws the e-mail consent of the message's customer, for its merchant.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { unsubscribeTargetOf, withdrawConsent } from '../../db/repos/messaging.repo.js';
import type { Deps } from '../context.js';

export async function unsubscribe(
  deps: Deps,
  messageId: string,
): Promise<Result<{ merchant: string; channel: 'email' }>> {
  const row = await unsubscribeTargetOf(deps.db, messageId);
  if (!row) return fail('UNSUBSCRIBE_LINK_UNKNOWN');
  const done = await withdrawConsent(
    deps.db,
    row.merchantId,
    row.customerId,
    'email',
    deps.now().toISOString(),
    deps.dbKind,
  );
  if (!done) return fail('UNSUBSCRIBE_LINK_UNKNOWN');
  return ok({ merchant: row.merchantName, channel: 'email' });
}

export async function unsubscribeTarget(deps: Deps, messageId: string): Promise<string | null> {
  return (await unsubscribeTargetOf(deps.db, messageId))?.merchantName ?? null;
}
