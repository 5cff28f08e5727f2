/**
 * Fidelisa notifications: a push message to one customer, to every holder of a program's card, or to a set
 * of customers each with a URL. Messages are recorded in the outbox (status pending); delivery is the
 * messaging engine's job.
 */
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import { customerExists } from '../../../db/repos/customers.repo.js';
import { findProgram } from '../../../db/repos/programs.repo.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Deps } from '../../../app/context.js';
import { newId } from '../../../app/ids.js';

export type NotificationTarget =
  { customerId: string } | { programId: string } | { urls: { customerId: string; url: string }[] };

export async function recordNotification(
  deps: Deps,
  merchantId: string,
  target: NotificationTarget,
  alert: string,
  source: string,
): Promise<Result<{ messages: number; recipients: number }>> {
  const text = alert.trim();
  if (text === '') return fail('VALIDATION_FAILED', 'alert must not be empty.');
  const messages: { recipients: string[]; url: string | null }[] = [];
  if ('customerId' in target) {
    if (!(await customerExists(deps.db, merchantId, target.customerId))) return fail('CUSTOMER_NOT_FOUND');
    messages.push({ recipients: [target.customerId], url: null });
  } else if ('programId' in target) {
    if (!(await findProgram(deps.db, merchantId, { id: target.programId }))) return fail('PROGRAM_NOT_FOUND');
    const rows = await deps.db
      .selectFrom('cards')
      .innerJoin('customers', 'customers.id', 'cards.customer_id')
      .select('cards.customer_id')
      .distinct()
      .where('cards.merchant_id', '=', merchantId)
      .where('cards.program_id', '=', target.programId)
      .where('cards.status', 'in', ['active', 'issued', 'blocked'])
      .where('customers.erased_at', 'is', null)
      .orderBy('cards.customer_id')
      .execute();
    messages.push({ recipients: rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])), url: null });
  } else {
    if (target.urls.length === 0)
      return fail('VALIDATION_FAILED', 'customers must name at least one customer.');
    for (const { customerId, url } of target.urls) {
      if (!(await customerExists(deps.db, merchantId, customerId))) return fail('CUSTOMER_NOT_FOUND');
      messages.push({ recipients: [customerId], url });
    }
  }
  const now = deps.now().toISOString();
  await inTransaction(deps.db, async (tx) => {
    for (const m of messages) {
      await tx
        .insertInto('outbox_messages')
        .values({
          id: newId('msg'),
          merchant_id: merchantId,
          channel: 'push',
          recipients: JSON.stringify(m.recipients),
          subject: null,
          body: text,
          url: m.url,
          status: 'pending',
          source,
          created_at: now,
        })
        .execute();
    }
  });
  return ok({ messages: messages.length, recipients: messages.reduce((n, m) => n + m.recipients.length, 0) });
}
