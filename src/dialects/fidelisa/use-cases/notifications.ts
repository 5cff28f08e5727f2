/**
 * Fidelisa notifications: a push message to one customer, to every holder of a program's card, or to a set
 * of customers each with a URL. Each customer's message goes through the outbox and is delivered by the
 * outbox job as a Web Push message (consent checked when it is sent).
 */
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import { customerExists } from '../../../db/repos/customers.repo.js';
import { findProgram } from '../../../db/repos/programs.repo.js';
import type { Deps } from '../../../app/context.js';
import { withUnitOfWork } from '../../../app/unit-of-work.js';

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
  // Through the outbox: one message per customer, delivered by the outbox job (push to the customer's
  // subscriptions, with their consent checked at send time).
  await withUnitOfWork(deps, async (uow) => {
    for (const m of messages)
      await uow.enqueue({
        merchantId,
        channel: 'push',
        recipients: m.recipients,
        body: text,
        url: m.url,
        source,
      });
    return ok(null);
  });
  return ok({ messages: messages.length, recipients: messages.reduce((n, m) => n + m.recipients.length, 0) });
}
