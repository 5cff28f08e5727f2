/** The events a webhook endpoint can follow; `*` follows them all. */
export const WEBHOOK_EVENTS = [
  'customer.created',
  'customer.erased',
  'sale.posted',
  'sale.returned',
  'sale.cancelled',
  'points.earned',
  'points.redeemed',
  'points.expired',
  'card.issued',
  'card.blocked',
  'card.replaced',
  'tier.reached',
  'voucher.issued',
  'voucher.redeemed',
  'coupon.issued',
  'coupon.redeemed',
  'message.failed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

const KNOWN = new Set<string>(WEBHOOK_EVENTS);

export function isWebhookEvent(name: string): name is WebhookEventType {
  return KNOWN.has(name);
}

/** Does an endpoint following `events` get an event of this type? */
export function follows(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type);
}
