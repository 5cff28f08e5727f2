/** The card transitions other systems follow (card.issued, card.blocked, card.replaced), as webhook events. */
import type { CardEvent } from '../../core/cards/index.js';
import { isWebhookEvent } from '../../core/messaging/webhook-events.js';
import type { Tx } from '../../db/transaction.js';
import { enqueueOutbox } from '../messaging/enqueue.js';

export async function enqueueCardEvents(
  tx: Tx,
  now: string,
  merchantId: string,
  events: readonly CardEvent[],
): Promise<void> {
  for (const event of events) {
    if (!isWebhookEvent(event.type)) continue;
    const { type, ...data } = event;
    await enqueueOutbox(tx, now, {
      merchantId,
      channel: 'webhook',
      event: type,
      data: { ...data, cardNumber: event.number },
    });
  }
}
